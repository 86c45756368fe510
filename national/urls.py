from django.urls import path

from framework.rounds import year_paths_moved  # also registers <round:…>
from national import files, views

app_name = "national"
urlpatterns = [
    path("", views.national, name="dashboard"),
    path("<round:round_code>/", views.dashboard, name="round"),
    path("<round:round_code>/publish/", views.publish, name="publish"),
    path("<round:round_code>/preview/share/", views.preview_share, name="preview_share"),
    path("<round:round_code>/preview/withdraw/", views.preview_withdraw, name="preview_withdraw"),
    # The report as files and the correction of a published picture (national/files.py); before the factor
    # pages, whose "<str:csf>/" would take "correct/".
    path("<round:round_code>/report.pdf", files.report_file, {"fmt": "pdf"}, name="report_pdf"),
    path("<round:round_code>/report.docx", files.report_file, {"fmt": "docx"}, name="report_docx"),
    path("<round:round_code>/report.xlsx", files.report_file, {"fmt": "xlsx"}, name="report_xlsx"),
    path("<round:round_code>/indicators.csv", files.report_file, {"fmt": "csv"}, name="indicators_csv"),
    path("<round:round_code>/report.odt", files.report_file, {"fmt": "odt"}, name="report_odt"),
    path("<round:round_code>/report.ods", files.report_file, {"fmt": "ods"}, name="report_ods"),
    path("<round:round_code>/indicators-nl.csv", files.report_file, {"fmt": "csv_nl"}, name="indicators_csv_nl"),
    path("<round:round_code>/report/", files.report_page, name="report_page"),
    path("<round:round_code>/correct/", files.picture_correct, name="picture_correct"),
    path("<round:round_code>/context/", views.context_edit, name="context_edit"),
    path("<round:round_code>/<str:csf>/", views.national_factor, name="factor"),
    path("<round:round_code>/<str:csf>/edit/", views.conclusion_edit, name="conclusion_edit"),
    path("<round:round_code>/<str:csf>/rule/", views.rule_edit, name="rule_edit"),
    # The year addresses of earlier versions, permanently to the round's code.
    *year_paths_moved("/national/", brigades=False),
    path("conclusions/<int:pk>/cite/", views.conclusion_cite, name="conclusion_cite"),
    path("recommendations/", views.recommendations, name="recommendations"),
    path("recommendations/<round:round_code>/new/", views.recommendation_create, name="recommendation_create"),
    path("recommendations/<round:round_code>/rules/", views.draft_rules, name="draft_rules"),
    path("recommendations/<round:round_code>/generate/", views.drafts_generate, name="drafts_generate"),
    path("recommendations/<int:pk>/edit/", views.recommendation_edit, name="recommendation_edit"),
    path("recommendations/<int:pk>/decide/", views.recommendation_decide, name="recommendation_decide"),
    path("recommendations/<int:pk>/follow-up/<round:round_code>/", views.follow_up, name="follow_up"),
]
