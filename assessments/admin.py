"""Admin: questionnaires and everything filled in are read-only here, because the services own them (they guard the rules and keep the history)."""

from django.contrib import admin

from assessments.models import Answer, Assessment, Choice, Evidence, Question, Questionnaire, Signature, Transition
from core.admin import ServiceOwnedAdmin


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0


@admin.register(Question)
class QuestionAdmin(ServiceOwnedAdmin):
    # Definitions change by loading a new version (load_questionnaire), never in place.
    list_display = ["code", "questionnaire", "success_factor", "kind", "required"]
    list_filter = ["questionnaire", "success_factor"]
    inlines = [ChoiceInline]


@admin.register(Questionnaire)
class QuestionnaireAdmin(ServiceOwnedAdmin):
    list_display = ["title", "round", "audience", "version", "reconstructed", "loaded_at"]


@admin.register(Assessment)
class AssessmentAdmin(ServiceOwnedAdmin):
    list_display = ["round", "subject", "status", "last_activity"]
    list_filter = ["round", "status", "subject__kind"]
    list_select_related = ["round", "subject"]


@admin.register(Answer)
class AnswerAdmin(ServiceOwnedAdmin):
    list_display = ["assessment", "question", "value", "answered_by", "updated_at"]
    list_filter = ["assessment__round"]
    list_select_related = ["assessment__round", "assessment__subject", "question", "answered_by"]


@admin.register(Signature)
class SignatureAdmin(ServiceOwnedAdmin):
    list_display = ["assessment", "role", "user", "signed_at"]


@admin.register(Transition)
class TransitionAdmin(ServiceOwnedAdmin):
    list_display = ["assessment", "from_status", "to_status", "by", "at", "reason"]
    list_filter = ["to_status"]


@admin.register(Evidence)
class EvidenceAdmin(ServiceOwnedAdmin):
    list_display = ["original_name", "assessment", "answer", "content_type", "size", "uploaded_by", "uploaded_at"]
    exclude = ["file"]  # never a public link; downloads go through the access-checked view
