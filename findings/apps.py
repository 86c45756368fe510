from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FindingsConfig(AppConfig):
    name = "findings"
    verbose_name = _("Bevindingen en aanbevelingen")

    def ready(self) -> None:
        from core.contributions import register_sections, register_work_items
        from findings.sections import subject_sections
        from findings.worklist import work_items

        register_work_items(work_items)
        register_sections(subject_sections)
