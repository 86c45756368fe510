from django.urls import include, path

app_name = "findings"
urlpatterns: list = [
    path("", include("findings.urls_exchange")),
]
