from django.urls import path

from assessments import views_rounds as views

app_name = "frameworks"

urlpatterns = [
    path("", views.frameworks, name="list"),
    path("confirm/", views.frameworks_confirm, name="confirm"),
]
