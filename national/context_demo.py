"""Demo data: the context of the 2013 round (national/demo/context-2013.yaml), for `manage.py load_demo`
through `national.demo`. Idempotent: a round that already has a context keeps it (an inspector's edits stay)."""

from __future__ import annotations

from pathlib import Path

from accounts.models import User
from assessments.definitions import read_yaml
from assessments.demo import DEMO_FRAMEWORK
from framework.models import Round
from national.context import round_context_save
from national.models import RoundContext

DEMO = Path(__file__).resolve().parent / "demo"
FILES = ("context-2013.yaml",)


def prose(text: str) -> str:
    """Paragraphs (blank lines between them) without the file's own line breaks inside them."""
    return "\n\n".join(" ".join(paragraph.split()) for paragraph in (text or "").strip().split("\n\n") if paragraph.strip())


def context_demo_load(*, by: User) -> None:
    for name in FILES:
        spec = read_yaml(DEMO / name)
        round = Round.objects.filter(framework__code=DEMO_FRAMEWORK, year=spec["round"]).first()
        if round is None or RoundContext.objects.filter(round=round).exists():
            continue
        round_context_save(round=round, text=prose(spec["text"]), text_en=prose(spec.get("text_en") or ""),
                           figures=spec.get("figures") or [], by=by)
