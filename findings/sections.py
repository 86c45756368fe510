from __future__ import annotations


def region_sections(user, region) -> list[dict]:
    """Links for the region page: [{"title": str, "url": str, "detail": str}]."""
    return []
