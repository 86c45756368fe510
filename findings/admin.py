"""Admin for findings: read-only. Every change goes through the pages and services, which guard the
data rules (a published round is read-only) and keep the history."""

from django.contrib import admin

from core.admin import ServiceOwnedAdmin
from findings.models import (
    Citation,
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
class FindingAdmin(ServiceOwnedAdmin):
    list_display = ["round", "subject", "success_factor", "judgment", "updated_by", "updated_at"]
    list_filter = ["round", "judgment", "success_factor"]
    list_select_related = ["round", "subject", "success_factor", "updated_by"]


@admin.register(InterviewReport)
class InterviewReportAdmin(ServiceOwnedAdmin):
    list_display = ["round", "subject", "held_on", "updated_at"]
    list_filter = ["round"]
    list_select_related = ["round", "subject"]


@admin.register(Verification)
class VerificationAdmin(ServiceOwnedAdmin):
    list_display = ["round", "subject", "status", "sent_at", "verified_at"]
    list_filter = ["round", "status"]
    list_select_related = ["round", "subject"]


@admin.register(Citation)
class CitationAdmin(ServiceOwnedAdmin):
    list_display = ["__str__", "created_by", "created_at"]


@admin.register(NationalConclusion)
class NationalConclusionAdmin(ServiceOwnedAdmin):
    list_display = ["round", "success_factor", "judgment", "updated_at"]
    list_filter = ["round"]


@admin.register(Recommendation)
class RecommendationAdmin(ServiceOwnedAdmin):
    list_display = ["round", "addressee", "region", "status", "created_at"]
    list_filter = ["round", "status", "addressee"]


@admin.register(FollowUp)
class FollowUpAdmin(ServiceOwnedAdmin):
    list_display = ["recommendation", "round", "status", "updated_at"]


@admin.register(DraftRule)
class DraftRuleAdmin(ServiceOwnedAdmin):
    list_display = ["round", "success_factor", "kind", "min_regions", "addressee"]


@admin.register(Reminder)
class ReminderAdmin(ServiceOwnedAdmin):
    list_display = ["user", "round", "sent_on"]
