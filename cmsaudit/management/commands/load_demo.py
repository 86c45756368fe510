from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from cmsaudit.demo import demo_loaders, users_load


class Command(BaseCommand):
    help = "Laadt demogebruikers (wachtwoord 'demo') en demogegevens. Alleen waar de demo is toegestaan (DEMO_ALLOWED)."

    def add_arguments(self, parser):
        parser.add_argument("--users-only", action="store_true", help="Alleen de demogebruikers aanmaken.")

    def handle(self, *args, users_only: bool = False, **options):
        if not settings.DEMO_ALLOWED:
            raise CommandError(
                "load_demo is geweigerd: de demo is hier niet toegestaan (DEMO_ALLOWED). "
                "Demogebruikers met wachtwoord 'demo' horen niet in productie."
            )
        # The demo replays the rounds through the real services, which notify at every hand-over: the
        # notifications stay (the demo users find them on their home page), the mails to example.nl are not sent.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"), transaction.atomic():
            users = users_load()
            self.stdout.write(f"{len(users)} demogebruikers klaar (wachtwoord: demo).")
            if users_only:
                return
            for name, loader in demo_loaders():
                summary = loader(stdout=self.stdout)
                self.stdout.write(f"{name}: {summary}")

