from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from cmsaudit import views
from national import api as national_api

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", login_not_required(auth_views.LoginView.as_view()), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("healthz/", views.healthz, name="healthz"),
    path("regions/", include("regions.urls")),
    path("assessments/", include("assessments.urls")),
    path("findings/", include("findings.urls")),
    path("national/", include("national.urls")),
    path("api/national/<int:year>/", national_api.national_picture, name="api_national_picture"),
    path("admin/", admin.site.urls),
]
