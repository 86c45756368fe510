"""Logging as operations reads it: a refused request (403, 404 and the other 4xx) is one line, not a traceback."""

from __future__ import annotations

import logging


class OneLineClientErrors(logging.Filter):
    """Drops the traceback Django attaches to a 4xx it logs (PermissionDenied, Http404); a 5xx keeps it."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if status is not None and 400 <= status < 500:
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        return True
