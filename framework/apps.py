from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrameworkConfig(AppConfig):
    name = "framework"
    verbose_name = _("Toetsingskaders en metingen")

    def ready(self) -> None:
        # The `<round:round_code>` URL converter, registered before any urls module is imported.
        from framework import rounds  # noqa: F401

