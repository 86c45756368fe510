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


def _tenths(tenths: int) -> str:
    """A number of tenths as short as SVG reads it: 120 → "12", 15 → "1.5", 5 → ".5", -5 → "-.5"."""
    sign = "-" if tenths < 0 else ""
    whole, tenth = divmod(abs(tenths), 10)
    if not tenth:
        return f"{sign}{whole}"
    return f"{sign}{whole}.{tenth}" if whole else f"{sign}.{tenth}"


# The steps of a path are mostly short: their texts, looked up rather than formatted point by point.
_SHORT = 4000
_SHORT_TENTHS = [_tenths(tenths) for tenths in range(-_SHORT, _SHORT + 1)]


def _text(tenths: int) -> str:
    return _SHORT_TENTHS[tenths + _SHORT] if -_SHORT <= tenths <= _SHORT else _tenths(tenths)


def geometry_to_path(geometry: dict | None, *, precision: float = 0.1, step: int = 1) -> str:
    """An SVG path `d` attribute for a GeoJSON Polygon or MultiPolygon, compact: every point rounded to
    `precision` map units (a multiple of 0.1; 0.1 of the 400-unit-wide map by default), each ring started
    absolutely and drawn by relative steps between the rounded points (so no rounding error adds up), points that
    round onto the previous one left out; `step` > 1 also leaves out points less than `step` × `precision` from
    the last one drawn (for a small map: coarser, and neighbours' shared borders may then differ by that much)."""
    if not geometry:
        return ""
    kx, ky = _scale()
    unit = round(precision * 10)  # tenths of a map unit per step of the grid
    sx, sy = kx / precision, ky / precision
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    parts = []
    for polygon in polygons:
        for ring in polygon:
            previous = None
            numbers: list[str] = []
            for lon, lat in ring:
                x, y = round((lon - MIN_LON) * sx), round((MAX_LAT - lat) * sy)
                if previous is None:
                    parts.append(f"M{_text(x * unit)} {_text(y * unit)}l")
                    previous = (x, y)
                    continue
                dx, dy = x - previous[0], y - previous[1]
                if -step < dx < step and -step < dy < step:
                    continue
                # A minus sign starts a number of its own: no space needed before it.
                numbers.append(_text(dx * unit) if not numbers or dx < 0 else " " + _text(dx * unit))
                numbers.append(_text(dy * unit) if dy < 0 else " " + _text(dy * unit))
                previous = (x, y)
            parts.append("".join(numbers) + "z")
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
