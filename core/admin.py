"""Admin building blocks shared by the apps."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin


class ServiceOwnedAdmin(SimpleHistoryAdmin):
    """Records written by the services only (which guard the data rules and keep the history):
    the admin shows them, with their history where they have one, and changes nothing."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


__all__ = ["ServiceOwnedAdmin", "admin"]
