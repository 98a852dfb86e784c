"""Officers download the published, public part of the library as a spreadsheet from the admin."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone

from archive.models import PublishedContent
from archive.public_workbook import SHEETS, public_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@admin.register(PublishedContent)
class PublishedContentAdmin(admin.ModelAdmin):
    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("reviews.view_review")

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        download = path(
            "download/",
            self.admin_site.admin_view(self.download_view),
            name="archive_publishedcontent_download",
        )
        return [download, *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Published content as a spreadsheet",
            "sheets": [title for title, _, _ in SHEETS],
        }
        return TemplateResponse(request, "archive/admin/published_content.html", context)

    def download_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        content = public_workbook(page_address=request.build_absolute_uri)
        name = f"published-reviews-{timezone.localdate():%Y-%m-%d}.xlsx"
        return HttpResponse(
            content, content_type=XLSX, headers={"Content-Disposition": f'attachment; filename="{name}"'}
        )
