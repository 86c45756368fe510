from django.urls import path

from findings import views_exchange

urlpatterns = [
    path("judgments/import/", views_exchange.judgments_import, name="judgments_import"),
    path("judgments/export/", views_exchange.judgments_export_view, name="judgments_export"),
]
