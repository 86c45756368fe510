from django.contrib import admin

from regions.models import Brigade, Region, Subject


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
