"""Framework packages for the tests: the ICMS package of the repository and copies of it to change."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import yaml

from assessments.packages import BUNDLED

ICMS = BUNDLED / "icms"
# A second audit of our own (other themes, factor codes that collide with ICMS's), for the tests only.
WS = Path(__file__).resolve().parent / "packages" / "ws"


def icms_questionnaires() -> list[Path]:
    return sorted((ICMS / "questionnaires").glob("*.yaml"))


def package_copy(tmp_path: Path, source: Path = ICMS) -> Path:
    target = tmp_path / source.name
    shutil.copytree(source, target)
    return target


def yaml_edit(path: Path, change: Callable[[dict], object]) -> None:
    """Read the YAML at `path`, let `change` alter it, write it back."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
