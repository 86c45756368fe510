"""A private cache for the national picture's pages and API.

Computing a round's picture and rendering its page takes tens of milliseconds; the same reader reads the same
page again and again while the data stand still. A page is kept per session (so the CSRF token and the menu in
it stay that reader's own), per user with their role and scope (so a change of role or scope, within the same
session, misses what was kept), per address and language, under the round's *data version*: one query that reads
how far every table the picture rests on has come (counts and latest changes). Any change to an answer, a
judgment, a conclusion, a rule, a recommendation, the round's context, a preview or a publication gives a new
version, and the next request computes the page afresh. The files of an unpublished round are kept under
the same version (`national.publication.provisional_file`). `NATIONAL_PAGE_CACHE_SECONDS = 0` switches the cache off.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from assessments.models import Answer, Assessment, Question
from findings.models import Finding, FollowUp, NationalConclusion, Recommendation
from framework.models import Framework, Round
from national.models import JudgmentRule, Preview, PublicationCheck, PublishedPicture, RoundContext
from regions.models import Region


def _scalars(source: str, *expressions: str) -> list[str]:
    """One scalar subquery per expression over `source` (a table with its joins and filter). Separate columns
    rather than one concatenated string: SQLite (`make run`) has no concat() before 3.44."""
    return [f"(SELECT {expression} FROM {source})" for expression in expressions]


def _stamp(model, where: str = "") -> list[str]:
    updated = ["max(updated_at)"] if any(f.name == "updated_at" for f in model._meta.fields) else []
    return _scalars(f"{model._meta.db_table} {where}", "count(*)", *updated, "max(id)")


def data_version(round: Round) -> str:
    """One query over everything the round's picture (and its previous round's) rests on."""
    rounds = tuple(pk for pk in (round.pk, round.predecessor_id) if pk is not None)
    in_rounds = f"IN ({', '.join(str(pk) for pk in rounds)})"
    answer, assessment = Answer._meta.db_table, Assessment._meta.db_table
    parts = [
        *_scalars(
            f"{answer} a JOIN {assessment} s ON s.id = a.assessment_id WHERE s.round_id {in_rounds}",
            "count(*)", "max(a.updated_at)", "max(a.revision)",
        ),
        *_stamp(Finding, f"WHERE round_id {in_rounds}"),
        *_stamp(NationalConclusion, f"WHERE round_id {in_rounds}"),
        *_stamp(JudgmentRule, f"WHERE round_id {in_rounds}"),
        *_stamp(Recommendation),
        *_stamp(FollowUp),
        *_stamp(Preview, f"WHERE round_id {in_rounds}"),
        # Every save of a context (its figures included) moves its revision and updated_at.
        *_stamp(RoundContext, f"WHERE round_id {in_rounds}"),
        *_stamp(PublishedPicture, f"WHERE round_id {in_rounds}"),
        # A verification of the publication: the dashboard warns while the latest one failed.
        *_stamp(PublicationCheck, f"WHERE round_id = {round.pk}"),
        *_stamp(Question),
        *_scalars(Region._meta.db_table, "count(*)", "sum(id * brigade_id)"),
        *_scalars(f"{Round._meta.db_table} WHERE id = {round.pk}", "status", "published_at"),
        # Loading a changed framework package (criteria, factors' texts) saves its framework.
        *_scalars(f"{Framework._meta.db_table} WHERE id = {round.framework_id}", "loaded_at"),
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        row = cursor.fetchone()
    return hashlib.sha256("|".join(str(part) for part in row).encode()).hexdigest()[:32]


def _has_messages(request: HttpRequest) -> bool:
    # A page that would show a message (after a POST) is never taken from the cache, nor kept.
    return bool(request.COOKIES.get("messages")) or bool(request.session.get("_messages"))


def reader_scope(user) -> str:
    """Everything access depends on, of the reader: who they are, their role and what they respond for."""
    memberships = ",".join(
        f"{subject}:{role}" for subject, role in sorted(user.memberships.values_list("subject_id", "role"))
    ) if user.pk else ""
    return f"{user.pk}|{getattr(user, 'role', '')}|{memberships}"


def page_key(request: HttpRequest, version: str) -> str:
    """The cache key of a page: session, reader (user, role, scope), address, language and data version."""
    session = getattr(request, "session", None)
    parts = [session.session_key if session is not None else "", reader_scope(request.user), request.get_full_path(),
             translation.get_language(), version]
    return "national-page:" + hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()


def cached_response(request: HttpRequest, round: Round, build: Callable[[], HttpResponse]) -> HttpResponse:
    """The response `build` makes, kept per session, reader (user, role, scope), address and language under the
    round's data version.
    Call it after the access check: the cache decides nothing about who may read."""
    seconds = getattr(settings, "NATIONAL_PAGE_CACHE_SECONDS", 0)
    session = request.session.session_key
    if not seconds or request.method != "GET" or not session or _has_messages(request):
        return build()
    key = page_key(request, data_version(round))
    stored = cache.get(key)
    if stored is not None:
        content, content_type = stored
        return HttpResponse(content, content_type=content_type)
    response = build()
    if response.status_code == 200 and not getattr(response, "streaming", False):
        cache.set(key, (response.content, response["Content-Type"]), seconds)
    return response
