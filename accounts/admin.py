from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "brigade", "is_active"]
    list_filter = ["role", "brigade", "is_active"]
    filter_horizontal = ["regions", "groups", "user_permissions"]
    fieldsets = BaseUserAdmin.fieldsets + ((_("Rol en bereik"), {"fields": ["role", "regions", "brigade", "directorate", "organisation"]}),)
    add_fieldsets = BaseUserAdmin.add_fieldsets + ((_("Rol en bereik"), {"fields": ["role", "brigade", "directorate"]}),)
