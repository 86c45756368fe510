import datetime

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone

from accounts.http import AuthedRequest
from accounts.models import Notification
from cmsaudit.worklist import worklist_for


def home(request: AuthedRequest) -> HttpResponse:
    """Each role's starting page: what waits for them, and where their work is."""
    notifications = list(Notification.objects.for_home(request.user)[:HOME_NOTIFICATIONS])
    return render(request, "home.html", {
        "worklist": worklist_for(request.user), "notifications": notifications,
        "unread": Notification.objects.filter(recipient=request.user, read_at__isnull=True).count(),
    })


# The newest notifications the home page lists (unread first).
HOME_NOTIFICATIONS = 15


@login_not_required
def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@login_not_required
def security_txt(request: HttpRequest) -> HttpResponse:
    """/.well-known/security.txt (RFC 9116): where to report a vulnerability, until when that holds, and in
    which languages; the contact and the date come from the settings."""
    expires = settings.SECURITY_TXT_EXPIRES
    if expires is None:
        # Without a configured date the file claims no more than the RFC allows: under a year from today.
        expires_at = timezone.now().replace(microsecond=0) + datetime.timedelta(days=364)
    else:
        expires_at = datetime.datetime.combine(expires, datetime.time(), tzinfo=datetime.UTC)
    lines = [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {expires_at.astimezone(datetime.UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: nl, en",
        f"Canonical: {settings.SITE_URL}{request.path}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
