from django.urls import include, path

from findings import views

app_name = "findings"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("", include("findings.urls_exchange")),
    path("national/", views.national, name="national"),
    path("national/<int:year>/<str:csf>/", views.national_factor, name="national_factor"),
    path("national/<int:year>/<str:csf>/edit/", views.conclusion_edit, name="conclusion_edit"),
    path("conclusions/<int:pk>/cite/", views.conclusion_cite, name="conclusion_cite"),
    path("recommendations/", views.recommendations, name="recommendations"),
    path("recommendations/<int:year>/new/", views.recommendation_create, name="recommendation_create"),
    path("recommendations/<int:year>/rules/", views.draft_rules, name="draft_rules"),
    path("recommendations/<int:year>/generate/", views.drafts_generate, name="drafts_generate"),
    path("recommendations/<int:pk>/edit/", views.recommendation_edit, name="recommendation_edit"),
    path("recommendations/<int:pk>/decide/", views.recommendation_decide, name="recommendation_decide"),
    path("recommendations/<int:pk>/follow-up/<int:year>/", views.follow_up, name="follow_up"),
    path("verification/items/<int:pk>/", views.item_respond, name="item_respond"),
    path("verification/responses/<int:pk>/reply/", views.response_reply, name="response_reply"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("citations/<int:pk>/delete/", views.citation_delete, name="citation_delete"),
    path("cite/<int:pk>/", views.finding_cite, name="finding_cite"),
    path("<int:year>/publish/", views.publish, name="publish"),
    # A brigade's findings (3.3.1, 3.3.2) before a region's, whose code would also match "brigades".
    path("<int:year>/brigades/<int:number>/", views.subject_findings, name="brigade"),
    path("<int:year>/brigades/<int:number>/report/", views.report_edit, name="brigade_report"),
    path("<int:year>/brigades/<int:number>/send/", views.verification_send, name="brigade_send"),
    path("<int:year>/brigades/<int:number>/<str:csf>/", views.finding_edit, name="brigade_finding"),
    path("<int:year>/<str:code>/", views.subject_findings, name="region"),
    path("<int:year>/<str:code>/report/", views.report_edit, name="region_report"),
    path("<int:year>/<str:code>/send/", views.verification_send, name="region_send"),
    path("<int:year>/<str:code>/<str:csf>/", views.finding_edit, name="finding"),
]
