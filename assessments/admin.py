from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from assessments.models import (
    Answer,
    Assessment,
    Choice,
    Evidence,
    Question,
    Questionnaire,
    Round,
    Signature,
    SuccessFactor,
    Theme,
    Transition,
)


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "name_en"]


@admin.register(SuccessFactor)
class SuccessFactorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "theme", "subject"]


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ["year", "kind", "status", "predecessor", "submission_deadline", "verification_deadline"]
    list_editable = ["status", "submission_deadline", "verification_deadline"]


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["code", "questionnaire", "success_factor", "kind", "required"]
    list_filter = ["questionnaire", "success_factor"]
    inlines = [ChoiceInline]

    def has_change_permission(self, request, obj=None):
        # Definitions change by loading a new version, never in place.
        return False


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ["title", "round", "audience", "version", "reconstructed", "loaded_at"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["round", "region", "brigade", "status", "last_activity"]
    list_filter = ["round", "status"]
    readonly_fields = ["status"]


@admin.register(Answer)
class AnswerAdmin(SimpleHistoryAdmin):
    list_display = ["assessment", "question", "value", "answered_by", "updated_at"]
    list_filter = ["assessment__round"]
    readonly_fields = ["value", "revision"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Workflow records are written by the services only; the admin shows them."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Signature)
class SignatureAdmin(ReadOnlyAdmin):
    list_display = ["assessment", "role", "user", "signed_at"]


@admin.register(Transition)
class TransitionAdmin(ReadOnlyAdmin):
    list_display = ["assessment", "from_status", "to_status", "by", "at", "reason"]
    list_filter = ["to_status"]


@admin.register(Evidence)
class EvidenceAdmin(ReadOnlyAdmin):
    list_display = ["original_name", "assessment", "answer", "content_type", "size", "uploaded_by", "uploaded_at"]
    exclude = ["file"]  # never a public link; downloads go through the access-checked view
