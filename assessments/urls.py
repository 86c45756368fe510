from django.urls import include, path

import regions.converters  # noqa: F401  (registers <subject:…>)
from assessments import views
from framework.rounds import year_paths_moved  # also registers <round:…>

app_name = "assessments"

urlpatterns = [
    path("fieldwork/", views.fieldwork, name="fieldwork"),
    # CSV/XLSX exchange of answers (assessments/urls_exchange.py).
    path("", include("assessments.urls_exchange")),
    # The year addresses of earlier versions (and their brigade pages), permanently to the round's code (and B11).
    *year_paths_moved("/assessments/"),
    path("<round:round_code>/<subject:code>/", views.fill, name="fill"),
    path("<round:round_code>/<subject:code>/start/", views.start, name="start"),
    path("<round:round_code>/<subject:code>/answers/<slug:question>/", views.answer, name="answer"),
    path("<round:round_code>/<subject:code>/sign/", views.sign, name="sign"),
    path("<round:round_code>/<subject:code>/submit/", views.submit, name="submit"),
    path("<round:round_code>/<subject:code>/transition/", views.transition, name="transition"),
    path("<round:round_code>/<subject:code>/carry-over/", views.carry_over, name="carry_over"),
    path("<round:round_code>/<subject:code>/history/", views.history, name="history"),
    path("<round:round_code>/<subject:code>/evidence/", views.evidence_upload, name="evidence_upload"),
    path("<round:round_code>/<subject:code>/evidence/<int:pk>/", views.evidence_download, name="evidence_download"),
]
