"""The fingerprint of a published document or file: SHA-256 over one canonical serialisation, so that anyone
can recompute it from the JSON they read or the file they downloaded."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any


def canonical_json(document: Mapping[str, Any]) -> bytes:
    """The one serialisation the fingerprint is computed over: sorted keys, no spaces, UTF-8."""
    return json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def document_fingerprint(document: Mapping[str, Any]) -> str:
    return sha256(canonical_json(document))
