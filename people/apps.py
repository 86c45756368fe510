from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    """The inspectors' pages of accounts: invitations, the people list, deactivation. No models of its own (the
    accounts are accounts.User); it sits above regions because it names audited parties and asks the policy."""

    name = "people"
    verbose_name = _("Personen")
