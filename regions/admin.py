from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.admin import UserAdmin
from accounts.models import Role, User
from regions.models import MEMBER_KIND, MEMBER_ROLES, Brigade, Membership, Region, Subject, SubjectKind
from regions.policy import scope_text


@admin.register(Brigade)
class BrigadeAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "garrison", "area"]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "province", "brigade"]
    list_filter = ["brigade", "province"]
    list_editable = ["brigade"]
    search_fields = ["code", "name"]
    exclude = ["boundary"]


@admin.register(Subject)
class SubjectAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "region", "brigade"]
    list_filter = ["kind"]
    search_fields = ["code", "name"]


class MembershipFormSet(BaseInlineFormSet):
    """The parties of one account, checked against its role: a contact person, RMC or directorate's contact person
    responds for one party, an OVR for one or more regions; inspectors, ministry staff and administrators for none."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        user = self.instance
        chosen = [form.cleaned_data for form in self.forms
                  if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.cleaned_data.get("subject")]
        role = Role(user.role)
        if chosen and role not in MEMBER_ROLES:
            raise ValidationError(_("Een %(role)s hoort bij geen partij: haal de partijen weg of kies een andere rol.")
                                  % {"role": role.label})
        for data in chosen:
            if data["role"] != role:
                raise ValidationError(_("Het lidmaatschap van %(code)s heeft de rol %(membership)s, het account de rol %(role)s; kies dezelfde rol.")
                                      % {"code": data["subject"].code, "membership": Role(data["role"]).label, "role": role.label})
            if data["subject"].kind != MEMBER_KIND[role]:
                raise ValidationError(_("Een %(role)s hoort bij een %(kind)s; %(code)s is een %(actual)s.") % {
                    "role": role.label, "kind": SubjectKind(MEMBER_KIND[role]).label, "code": data["subject"].code,
                    "actual": SubjectKind(data["subject"].kind).label})
        if len(chosen) > 1 and role != Role.OVR:
            raise ValidationError(_("Een %(role)s hoort bij één partij; u koos er %(n)s (%(codes)s).") % {
                "role": role.label, "n": len(chosen), "codes": ", ".join(d["subject"].code for d in chosen)})


class MembershipInline(admin.TabularInline):
    model = Membership
    formset = MembershipFormSet
    extra = 1
    autocomplete_fields = ["subject"]
    verbose_name = gettext_lazy("partij")
    verbose_name_plural = gettext_lazy("partijen waarvoor dit account reageert")


@admin.register(User)
class UserWithMembershipsAdmin(UserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "first_name", "last_name", "role", "scope", "is_active"]
    search_fields = [*UserAdmin.search_fields, "memberships__subject__code"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.select_related("subject")))

    @admin.display(description=gettext_lazy("bereik"))
    def scope(self, user: User) -> str:
        return scope_text(user)
