from django.urls import include, path
from django.views.generic.base import RedirectView

import regions.converters  # noqa: F401  (registers <subject:…>)
from findings import views
from framework.rounds import year_paths_moved  # also registers <round:…>

app_name = "findings"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("", include("findings.urls_exchange")),
    # The national picture and the recommendations moved to /national/.
    path("national/", RedirectView.as_view(url="/national/", permanent=True, query_string=True), name="national_moved"),
    path(
        "national/<path:rest>",
        RedirectView.as_view(url="/national/%(rest)s", permanent=True, query_string=True),
        name="national_factor_moved",
    ),
    path(
        "recommendations/",
        RedirectView.as_view(url="/national/recommendations/", permanent=True, query_string=True),
        name="recommendations_moved",
    ),
    path("verification/items/<int:pk>/", views.item_respond, name="item_respond"),
    path("verification/responses/<int:pk>/reply/", views.response_reply, name="response_reply"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("citations/<int:pk>/delete/", views.citation_delete, name="citation_delete"),
    path("cite/<int:pk>/", views.finding_cite, name="finding_cite"),
    # The year addresses of earlier versions (and their brigade pages), permanently to the round's code (and B11).
    *year_paths_moved("/findings/"),
    path("<round:round_code>/<subject:code>/", views.subject_findings, name="subject"),
    path("<round:round_code>/<subject:code>/report/", views.report_edit, name="report"),
    path("<round:round_code>/<subject:code>/send/", views.verification_send, name="send"),
    path("<round:round_code>/<subject:code>/close/", views.verification_close, name="close"),
    path("<round:round_code>/<subject:code>/<str:csf>/", views.finding_edit, name="finding"),
]
