"""The national picture as JSON: `GET /api/national/<year>/` (issue 8), the same document as
`manage.py national_picture` and the dashboard.

Inspectors read every round; the ministry a published round, or an unpublished one an inspector shares as a
preview; everyone else 403. Anonymous callers get 401 as JSON, not a redirect to the login page: a client of
an API follows no redirects to a form.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_GET

from framework.rounds import round_named
from national.access import may_read_round
from national.cache import cached_response
from national.publication import shown_picture
from regions.policy import Action, require


@login_not_required
@require_GET
def national_picture(request: HttpRequest, round_code: str) -> HttpResponse:
    user = request.user
    if not user.is_authenticated:
        return JsonResponse({"detail": "Niet ingelogd."}, status=401)
    require(user, Action.NATIONAL)
    round = round_named(round_code)
    if not may_read_round(user, round):
        raise PermissionDenied
    return cached_response(request, round, lambda: JsonResponse(
        shown_picture(round, user=user), json_dumps_params={"ensure_ascii": False}))
