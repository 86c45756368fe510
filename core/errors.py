"""The refusals every app shares at the view edge, beside Django's `ValidationError` and `PermissionDenied`."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _


class StaleEdit(Exception):
    """A save based on an older revision of something that someone else changed since: nothing was saved.

    `current` is what is stored now and `proposed` what the user sent, both shown so nothing typed is lost;
    `current_revision` is the revision to save against once both are in view; `stored` is the stored object
    itself, for a page that says who changed it and when (an answer)."""

    def __init__(self, *, current: dict[str, Any], proposed: dict[str, Any], current_revision: int,
                 stored: Any = None):
        self.current = current
        self.proposed = proposed
        self.current_revision = current_revision
        self.stored = stored
        super().__init__(_("Iemand anders heeft dit intussen gewijzigd; uw wijziging is niet opgeslagen."))
