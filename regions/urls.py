from django.urls import path
from django.views.generic.base import RedirectView

import regions.converters  # noqa: F401  (registers <subject:…>)
from regions import views

app_name = "regions"
urlpatterns = [
    path("", views.region_list, name="list"),
    # A brigade's page moved to its code (B11).
    path("brigades/<int:number>/", RedirectView.as_view(url="/regions/B%(number)s/", permanent=True), name="brigade_moved"),
    path("<subject:code>/", views.subject_detail, name="detail"),
]
