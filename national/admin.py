"""Admin for the national picture: read-only, like everything the services own."""

from django.contrib import admin

from core.admin import ServiceOwnedAdmin
from national.models import JudgmentRule, Preview, PublishedPicture


@admin.register(JudgmentRule)
class JudgmentRuleAdmin(ServiceOwnedAdmin):
    list_display = ["round", "success_factor", "meets_min", "partly_min", "updated_by", "updated_at"]


@admin.register(Preview)
class PreviewAdmin(ServiceOwnedAdmin):
    list_display = ["round", "shared_by", "shared_at"]


@admin.register(PublishedPicture)
class PublishedPictureAdmin(ServiceOwnedAdmin):
    list_display = ["round", "version", "sha256", "published_at", "published_by"]
    exclude = ["document"]
