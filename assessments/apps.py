from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Vragenlijsten en metingen")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from assessments.packages import bundled_packages_load

        # The framework packages in the repository (ICMS), loaded when new or changed, after every migrate.
        post_migrate.connect(bundled_packages_load, sender=self, dispatch_uid="bundled_packages_load")
        from assessments.sections import subject_sections
        from assessments.worklist import work_items
        from core.contributions import register_sections, register_work_items

        register_work_items(work_items)
        register_sections(subject_sections)
