from django.urls import path

from national import files, views

app_name = "national"
urlpatterns = [
    path("", views.national, name="dashboard"),
    path("<int:year>/", views.dashboard, name="round"),
    path("<int:year>/publish/", views.publish, name="publish"),
    path("<int:year>/preview/share/", views.preview_share, name="preview_share"),
    path("<int:year>/preview/withdraw/", views.preview_withdraw, name="preview_withdraw"),
    # The report as files and the correction of a published picture (national/files.py); before the factor
    # pages, whose "<str:csf>/" would take "correct/".
    path("<int:year>/report.pdf", files.report_file, {"fmt": "pdf"}, name="report_pdf"),
    path("<int:year>/report.docx", files.report_file, {"fmt": "docx"}, name="report_docx"),
    path("<int:year>/report.xlsx", files.report_file, {"fmt": "xlsx"}, name="report_xlsx"),
    path("<int:year>/indicators.csv", files.report_file, {"fmt": "csv"}, name="indicators_csv"),
    path("<int:year>/report.odt", files.report_file, {"fmt": "odt"}, name="report_odt"),
    path("<int:year>/report.ods", files.report_file, {"fmt": "ods"}, name="report_ods"),
    path("<int:year>/indicators-nl.csv", files.report_file, {"fmt": "csv_nl"}, name="indicators_csv_nl"),
    path("<int:year>/report/", files.report_page, name="report_page"),
    path("<int:year>/correct/", files.picture_correct, name="picture_correct"),
    path("<int:year>/context/", views.context_edit, name="context_edit"),
    path("<int:year>/<str:csf>/", views.national_factor, name="factor"),
    path("<int:year>/<str:csf>/edit/", views.conclusion_edit, name="conclusion_edit"),
    path("<int:year>/<str:csf>/rule/", views.rule_edit, name="rule_edit"),
    path("conclusions/<int:pk>/cite/", views.conclusion_cite, name="conclusion_cite"),
    path("recommendations/", views.recommendations, name="recommendations"),
    path("recommendations/<int:year>/new/", views.recommendation_create, name="recommendation_create"),
    path("recommendations/<int:year>/rules/", views.draft_rules, name="draft_rules"),
    path("recommendations/<int:year>/generate/", views.drafts_generate, name="drafts_generate"),
    path("recommendations/<int:pk>/edit/", views.recommendation_edit, name="recommendation_edit"),
    path("recommendations/<int:pk>/decide/", views.recommendation_decide, name="recommendation_decide"),
    path("recommendations/<int:pk>/follow-up/<int:year>/", views.follow_up, name="follow_up"),
]
