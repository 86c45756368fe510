from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from cmsaudit.worklist import worklist_for


def home(request: HttpRequest) -> HttpResponse:
    """Each role's starting page: what waits for them, and where their work is."""
    return render(request, "home.html", {"worklist": worklist_for(request.user)})


@login_not_required
def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
