"""Admin for the national picture: read-only, like everything the services own."""

from django.contrib import admin

from core.admin import ServiceOwnedAdmin
from national.models import ContextFigure, JudgmentRule, Preview, PublicationCheck, PublishedPicture, RoundContext


@admin.register(JudgmentRule)
class JudgmentRuleAdmin(ServiceOwnedAdmin):
    list_display = ["round", "success_factor", "meets_min", "partly_min", "updated_by", "updated_at"]


@admin.register(Preview)
class PreviewAdmin(ServiceOwnedAdmin):
    list_display = ["round", "shared_by", "shared_at"]


@admin.register(PublishedPicture)
class PublishedPictureAdmin(ServiceOwnedAdmin):
    list_display = ["round", "version", "sha256", "public_sha256", "published_at", "published_by"]
    exclude = ["document", "public_document"]


@admin.register(PublicationCheck)
class PublicationCheckAdmin(ServiceOwnedAdmin):
    list_display = ["round", "checked_at", "ok", "checked"]


class ContextFigureInline(admin.TabularInline):
    model = ContextFigure
    fields = ["order", "label", "value", "period", "unit", "source"]
    extra = 0

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(RoundContext)
class RoundContextAdmin(ServiceOwnedAdmin):
    list_display = ["round", "revision", "updated_by", "updated_at"]
    inlines = [ContextFigureInline]
