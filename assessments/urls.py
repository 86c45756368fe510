from django.urls import include, path

from assessments import views

app_name = "assessments"


def twin(suffix: str, view, name: str) -> list:
    """A page of a region's assessment and the same page of a brigade's."""
    return [
        path(f"<int:year>/<str:code>/{suffix}", view, name=name),
        path(f"<int:year>/brigades/<int:number>/{suffix}", view, name=f"brigade_{name}"),
    ]


urlpatterns = [
    path("fieldwork/", views.fieldwork, name="fieldwork"),
    *twin("", views.fill, "fill"),
    *twin("answers/<slug:question>/", views.answer, "answer"),
    *twin("sign/", views.sign, "sign"),
    *twin("submit/", views.submit, "submit"),
    *twin("transition/", views.transition, "transition"),
    *twin("carry-over/", views.carry_over, "carry_over"),
    *twin("history/", views.history, "history"),
    *twin("evidence/", views.evidence_upload, "evidence_upload"),
    *twin("evidence/<int:pk>/", views.evidence_download, "evidence_download"),
    # CSV/XLSX exchange of answers (assessments/urls_exchange.py).
    path("", include("assessments.urls_exchange")),
]
