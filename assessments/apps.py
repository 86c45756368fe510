from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Vragenlijsten en metingen")

    def ready(self) -> None:
        from assessments.sections import subject_sections
        from assessments.worklist import work_items
        from core.contributions import register_sections, register_work_items

        register_work_items(work_items)
        register_sections(subject_sections)
