from __future__ import annotations


def work_items(user, round) -> list:
    """Findings work waiting for `user` in `round` (verification, comments to answer)."""
    return []
