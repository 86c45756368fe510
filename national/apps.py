from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NationalConfig(AppConfig):
    name = "national"
    verbose_name = _("Landelijk beeld en aanbevelingen")

    def ready(self) -> None:
        from core.contributions import register_work_items
        from national.worklist import work_items

        register_work_items(work_items)
