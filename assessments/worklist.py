from __future__ import annotations


def work_items(user, round) -> list:
    """Questionnaire work waiting for `user` in `round` (filled in by the questionnaire views)."""
    return []
