from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.models import ExternalIdentity, User


class Command(BaseCommand):
    help = (
        "Koppelt een account aan een identiteit bij de identity provider (OpenID Connect): daarna logt die persoon "
        "in via single sign-on. Rol en bereik blijven die van het account."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="gebruikersnaam van het account")
        parser.add_argument("subject", help="de 'sub' van de persoon bij de identity provider")
        parser.add_argument("--issuer", help="de 'iss' van de identity provider (standaard OIDC_OP_ISSUER)")

    def handle(self, *args, username: str, subject: str, issuer: str | None = None, **options):
        issuer = issuer or getattr(settings, "OIDC_OP_ISSUER", "")
        if not issuer:
            raise CommandError("Geen uitgever: geef --issuer of zet OIDC_OP_ISSUER.")
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Gebruiker {username} bestaat niet.")
        identity, created = ExternalIdentity.objects.get_or_create(issuer=issuer, subject=subject, defaults={"user": user})
        if not created and identity.user_id != user.pk:
            raise CommandError(f"Deze identiteit is al gekoppeld aan {identity.user.username}.")
        self.stdout.write(f"{username} logt in via {issuer} als {subject}.")
