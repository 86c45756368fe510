from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

# The user admin is registered by regions.admin, which adds the memberships (the scope lives there).


class UserAdmin(BaseUserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "is_active"]
    list_filter = ["role", "is_active"]
    # django-stubs types a ModelAdmin's fieldsets as optional; Django's UserAdmin sets both.
    fieldsets = BaseUserAdmin.fieldsets + ((_("Rol"), {"fields": ["role", "organisation"]}),)  # type: ignore[operator]
    add_fieldsets = BaseUserAdmin.add_fieldsets + ((_("Rol"), {"fields": ["role"]}),)
