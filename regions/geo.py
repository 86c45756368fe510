"""Server-rendered SVG for region boundaries (no map library, prints well)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TypedDict

# Bounding box of the Netherlands in WGS84, with a little margin.
MIN_LON, MAX_LON = 3.2, 7.3
MIN_LAT, MAX_LAT = 50.7, 53.6
WIDTH = 400


def _scale() -> tuple[float, float]:
    # Equirectangular projection corrected for latitude ~52°: good enough for a country this size.
    kx = WIDTH / (MAX_LON - MIN_LON)
    ky = kx / math.cos(math.radians((MIN_LAT + MAX_LAT) / 2))
    return kx, ky


HEIGHT = round((MAX_LAT - MIN_LAT) * _scale()[1])


def geometry_to_path(geometry: dict | None) -> str:
    """An SVG path `d` attribute for a GeoJSON Polygon or MultiPolygon."""
    if not geometry:
        return ""
    kx, ky = _scale()
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    parts = []
    for polygon in polygons:
        for ring in polygon:
            points = [f"{(lon - MIN_LON) * kx:.1f},{(MAX_LAT - lat) * ky:.1f}" for lon, lat in ring]
            parts.append("M" + "L".join(points) + "Z")
    return "".join(parts)


class MapShape(TypedDict):
    code: str
    name: str
    path: str
    css_class: str
    url: str
    title: str


def map_shapes(regions: Iterable, *, css_class_for=None, url_for=None, title_for=None) -> list[MapShape]:
    """Shapes for `templates/regions/_map.svg`: one per region, with a class and link chosen by the caller."""
    return [
        {
            "code": region.code,
            "name": region.name,
            "path": geometry_to_path(region.boundary),
            "css_class": css_class_for(region) if css_class_for else "",
            "url": url_for(region) if url_for else "",
            "title": title_for(region) if title_for else f"{region.code} {region.name}",
        }
        for region in regions
    ]


def geometry_label_point(geometry: dict | None) -> tuple[float, float] | None:
    """Where to write a label on a region in map units: the centre of its largest ring's bounding box (a
    centroid would need area weights; for the regions' shapes the box centre falls inside)."""
    if not geometry:
        return None
    kx, ky = _scale()
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    outer_rings = [polygon[0] for polygon in polygons if polygon]
    if not outer_rings:
        return None

    def extent(ring):
        lons, lats = [p[0] for p in ring], [p[1] for p in ring]
        return (max(lons) - min(lons)) * (max(lats) - min(lats)), lons, lats

    _area, lons, lats = max((extent(ring) for ring in outer_rings), key=lambda e: e[0])
    lon, lat = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
    return round((lon - MIN_LON) * kx, 1), round((MAX_LAT - lat) * ky, 1)
