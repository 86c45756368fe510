from django.urls import path

from assessments import views_rounds as views
from framework import rounds  # noqa: F401  (registers <round:…>)

app_name = "rounds"

urlpatterns = [
    path("", views.rounds, name="list"),
    path("<round:round_code>/", views.round_setup, name="round"),
    path("<round:round_code>/open/", views.round_open_view, name="open"),
    path("<round:round_code>/close/", views.round_close_view, name="close"),
    path("<round:round_code>/questionnaires/<slug:audience>.<slug:fmt>", views.questionnaire_download,
         name="questionnaire_download"),
    path("<round:round_code>/questionnaires/<slug:audience>/upload/", views.questionnaire_upload_view,
         name="questionnaire_upload"),
]
