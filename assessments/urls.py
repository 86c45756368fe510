from django.urls import include, path

app_name = "assessments"
urlpatterns = [
    # CSV/XLSX exchange of answers (assessments/urls_exchange.py).
    path("", include("assessments.urls_exchange")),
]
