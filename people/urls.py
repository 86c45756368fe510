from django.urls import path

from people import views

app_name = "people"

urlpatterns = [
    path("people/", views.people_list, name="list"),
    path("invite/", views.invite, name="invite"),
    path("log/", views.event_log, name="log"),
    path("people/<int:pk>/invite/", views.person_reinvite, name="reinvite"),
    path("people/<int:pk>/party/", views.person_party, name="party"),
    path("people/<int:pk>/deactivate/", views.person_deactivate, name="deactivate"),
]
