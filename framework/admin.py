"""Admin: a framework's themes, success factors and criteria come from its package (`load_framework`) and are
read-only here; a round's dates and status stay editable until it is published."""

from django.contrib import admin

from core.admin import ServiceOwnedAdmin
from framework.models import Criterion, Framework, Round, SuccessFactor, Theme


@admin.register(Framework)
class FrameworkAdmin(ServiceOwnedAdmin):
    list_display = ["code", "name", "version", "loaded_at"]


@admin.register(Theme)
class ThemeAdmin(ServiceOwnedAdmin):
    list_display = ["framework", "number", "name", "name_en"]
    list_filter = ["framework"]


@admin.register(SuccessFactor)
class SuccessFactorAdmin(ServiceOwnedAdmin):
    list_display = ["code", "name", "theme", "subject_kind"]
    list_filter = ["framework"]


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ["code", "year", "kind", "status", "predecessor", "submission_deadline", "verification_deadline"]
    # Publication is a service (with its checks and reason); the admin never sets it.
    readonly_fields = ["published_at", "published_by", "publish_override_reason"]

    def has_change_permission(self, request, obj=None) -> bool:
        # A published round is read-only everywhere, the admin included.
        return super().has_change_permission(request, obj) and (obj is None or obj.published_at is None)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Criterion)
class CriterionAdmin(ServiceOwnedAdmin):
    # Loaded from the framework package (load_framework), never changed in place.
    list_display = ["code", "success_factor", "section", "text"]
    list_filter = ["success_factor"]
