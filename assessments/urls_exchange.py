from django.urls import path

from assessments import views_exchange

urlpatterns = [
    path("exchange/", views_exchange.exchange, name="exchange"),
    path("exchange/export/", views_exchange.export, name="export"),
    path("exchange/import/", views_exchange.import_answers, name="import"),
]
