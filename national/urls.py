from django.urls import path

from national import views

app_name = "national"
urlpatterns = [
    path("", views.national, name="dashboard"),
    path("<int:year>/publish/", views.publish, name="publish"),
    path("<int:year>/<str:csf>/", views.national_factor, name="factor"),
    path("<int:year>/<str:csf>/edit/", views.conclusion_edit, name="conclusion_edit"),
    path("conclusions/<int:pk>/cite/", views.conclusion_cite, name="conclusion_cite"),
    path("recommendations/", views.recommendations, name="recommendations"),
    path("recommendations/<int:year>/new/", views.recommendation_create, name="recommendation_create"),
    path("recommendations/<int:year>/rules/", views.draft_rules, name="draft_rules"),
    path("recommendations/<int:year>/generate/", views.drafts_generate, name="drafts_generate"),
    path("recommendations/<int:pk>/edit/", views.recommendation_edit, name="recommendation_edit"),
    path("recommendations/<int:pk>/decide/", views.recommendation_decide, name="recommendation_decide"),
    path("recommendations/<int:pk>/follow-up/<int:year>/", views.follow_up, name="follow_up"),
]
