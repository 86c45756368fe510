from django.urls import include, path

from assessments import views
from regions.converters import brigade_paths_moved  # also registers <subject:…>

app_name = "assessments"

urlpatterns = [
    path("fieldwork/", views.fieldwork, name="fieldwork"),
    # CSV/XLSX exchange of answers (assessments/urls_exchange.py).
    path("", include("assessments.urls_exchange")),
    # The brigade pages of earlier versions moved to the brigade's code (B11).
    *brigade_paths_moved("/assessments/"),
    path("<int:year>/<subject:code>/", views.fill, name="fill"),
    path("<int:year>/<subject:code>/start/", views.start, name="start"),
    path("<int:year>/<subject:code>/answers/<slug:question>/", views.answer, name="answer"),
    path("<int:year>/<subject:code>/sign/", views.sign, name="sign"),
    path("<int:year>/<subject:code>/submit/", views.submit, name="submit"),
    path("<int:year>/<subject:code>/transition/", views.transition, name="transition"),
    path("<int:year>/<subject:code>/carry-over/", views.carry_over, name="carry_over"),
    path("<int:year>/<subject:code>/history/", views.history, name="history"),
    path("<int:year>/<subject:code>/evidence/", views.evidence_upload, name="evidence_upload"),
    path("<int:year>/<subject:code>/evidence/<int:pk>/", views.evidence_download, name="evidence_download"),
]
