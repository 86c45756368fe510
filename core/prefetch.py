"""Related rows handed to their objects as `prefetch_related` would, from one plain query.

`prefetch_related` builds, for every object, a queryset filtered to it and only then fills it from the one query:
on a page with a hundred questions that bookkeeping costs more than the reading. `attach` reads nothing itself;
the caller reads the related rows in one query, and `obj.<name>.all()` then returns them without a query.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T")


def attach(objects: Iterable[T], name: str, related: Iterable, key: str) -> list[T]:
    """`objects` (a list), each with its rows of `related` (those whose attribute `key` is the object's pk, in the
    order given) under the relation `name`, as `prefetch_related(name)` leaves them."""
    objects = list(objects)
    rows: dict[object, list] = {}
    for row in related:
        rows.setdefault(getattr(row, key), []).append(row)
    for obj in objects:
        cache = getattr(obj, "_prefetched_objects_cache", None)
        if cache is None:
            obj._prefetched_objects_cache = cache = {}  # type: ignore[attr-defined]  # what prefetch_related sets
        cache[name] = rows.get(obj.pk, [])
    return objects
