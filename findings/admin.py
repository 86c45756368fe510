"""Read-mostly admin for findings: changes go through the pages and services, which keep the history."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from findings.models import (
    DraftRule,
    Finding,
    FollowUp,
    InterviewReport,
    NationalConclusion,
    Recommendation,
    Reminder,
    Verification,
)


@admin.register(Finding)
class FindingAdmin(SimpleHistoryAdmin):
    list_display = ["round", "region", "brigade", "success_factor", "judgment", "updated_by", "updated_at"]
    list_filter = ["round", "judgment", "success_factor"]
    list_select_related = ["round", "region", "brigade", "success_factor", "updated_by"]
    readonly_fields = ["text", "judgment", "revision", "updated_by"]


@admin.register(InterviewReport)
class InterviewReportAdmin(SimpleHistoryAdmin):
    list_display = ["round", "region", "brigade", "held_on", "updated_at"]
    list_filter = ["round"]


@admin.register(Verification)
class VerificationAdmin(SimpleHistoryAdmin):
    list_display = ["round", "region", "brigade", "status", "sent_at", "verified_at"]
    list_filter = ["round", "status"]
    readonly_fields = ["status", "sent_at", "sent_by", "verified_at"]


@admin.register(NationalConclusion)
class NationalConclusionAdmin(SimpleHistoryAdmin):
    list_display = ["round", "success_factor", "judgment", "updated_at"]
    list_filter = ["round"]


@admin.register(Recommendation)
class RecommendationAdmin(SimpleHistoryAdmin):
    list_display = ["round", "addressee", "region", "status", "created_at"]
    list_filter = ["round", "status", "addressee"]


@admin.register(FollowUp)
class FollowUpAdmin(SimpleHistoryAdmin):
    list_display = ["recommendation", "round", "status", "updated_at"]


@admin.register(DraftRule)
class DraftRuleAdmin(admin.ModelAdmin):
    list_display = ["round", "success_factor", "kind", "min_regions", "addressee"]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["user", "round", "sent_on"]
