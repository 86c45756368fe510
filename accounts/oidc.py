"""Single sign-on with OpenID Connect, after the NL GOV profile: the authorization code flow with PKCE (S256),
state and nonce (mozilla-django-oidc), and an ID token checked here on signature, issuer, audience and expiry.

The account is found by the ID token's issuer and subject (`ExternalIdentity`), never by e-mail alone, and no
account is created: an administrator links a person's identity to their account (`manage.py link_identity`), so
role and scope stay what cmsaudit says. Active only when the OIDC_* settings are given (cmsaudit/settings.py).
"""

from __future__ import annotations

import jwt
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from accounts.models import ExternalIdentity


def oidc_enabled() -> bool:
    return bool(getattr(settings, "OIDC_ENABLED", False))


class IdentityBackend(OIDCAuthenticationBackend):
    def _verify_jws(self, payload, key):
        """The signature with the provider's key and algorithm, and the claims the NL GOV profile requires: the
        issuer we expect, our client as audience, not expired, issued at a time."""
        header = jwt.get_unverified_header(payload)
        if header.get("alg") != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation("ID token signed with an unexpected algorithm.")
        try:
            return jwt.decode(
                payload, key, algorithms=[self.OIDC_RP_SIGN_ALGO], audience=self.OIDC_RP_CLIENT_ID,
                issuer=settings.OIDC_OP_ISSUER, options={"require": ["exp", "iat", "iss", "aud", "sub"]},
                leeway=getattr(settings, "OIDC_LEEWAY_SECONDS", 60),
            )
        except jwt.PyJWTError as error:
            raise SuspiciousOperation(f"ID token refused: {error}") from None

    def get_or_create_user(self, access_token, id_token, payload):
        """The account linked to the token's issuer and subject; None for an identity nobody linked."""
        identity = (
            ExternalIdentity.objects.select_related("user")
            .filter(issuer=payload.get("iss"), subject=str(payload.get("sub")), user__is_active=True)
            .first()
        )
        return identity.user if identity else None

    def filter_users_by_claims(self, claims):
        # Never by e-mail: an account is found by issuer and subject only (get_or_create_user).
        return self.UserModel.objects.none()
