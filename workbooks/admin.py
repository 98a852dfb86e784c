"""Reviews from a workbook, in the admin: upload (the "add" page), preview, confirm; and the template.

Who may: whoever may both add and change reviews (board officers and managers), the same
permissions the review pages ask for. A kept upload is previewed and confirmed only by the
person who uploaded it.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from workbooks.models import WorkbookImport
from workbooks.reading import human_size, max_bytes
from workbooks.services import may_import, upload_import, upload_keep, upload_preview
from workbooks.template import workbook_template

PROBLEMS_SHOWN = 500
TEMPLATE_NAME = "review-workbook-template.xlsx"


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Workbook",
        help_text="An Excel workbook (.xlsx) made from the template, one CSV file named after its sheet "
        "(e.g. reviews.csv), or a .zip of such CSV files.",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,.zip"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = max_bytes()
        if upload.size > limit:
            raise forms.ValidationError(
                f"The file is {human_size(upload.size)}; the largest accepted is {human_size(limit)}. "
                "Split it into several files and upload each."
            )
        return upload


@admin.register(WorkbookImport)
class WorkbookImportAdmin(admin.ModelAdmin):
    list_display = ["file_name", "uploaded_by", "uploaded_at", "status", "reviews_created",
                    "reviews_updated", "reviews_unchanged", "problems"]  # fmt: skip
    list_filter = ["status"]
    list_select_related = ["uploaded_by"]
    readonly_fields = list_display + ["imported_at"]
    change_list_template = "admin/workbooks/change_list.html"

    def has_module_permission(self, request):
        return may_import(request.user)

    def has_view_permission(self, request, obj=None):
        return may_import(request.user)

    def has_add_permission(self, request):
        return may_import(request.user)

    def has_change_permission(self, request, obj=None):
        return False  # a record of what happened

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("template/", view(self.template_view), name="workbooks_template"),
            path("<int:pk>/preview/", view(self.preview_view), name="workbooks_workbookimport_preview"),
            path(
                "<int:pk>/confirm/",
                view(require_POST(self.confirm_view)),
                name="workbooks_workbookimport_confirm",
            ),
            *super().get_urls(),
        ]

    def _guard(self, request):
        if not may_import(request.user):
            raise PermissionDenied

    def _record(self, request, pk) -> WorkbookImport:
        self._guard(request)
        record = WorkbookImport.objects.filter(pk=pk, uploaded_by=request.user).first()
        if record is None:
            raise Http404("There is no such upload.")
        return record

    def template_view(self, request):
        self._guard(request)
        response = HttpResponse(
            workbook_template(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{TEMPLATE_NAME}"'
        return response

    def add_view(self, request, form_url="", extra_context=None):
        self._guard(request)
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            record = upload_keep(upload=form.cleaned_data["file"], by=request.user)
            return redirect("admin:workbooks_workbookimport_preview", record.pk)
        return self._render(
            request, "admin/workbooks/upload.html", {"title": "Import reviews from a workbook", "form": form}
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        record = WorkbookImport.objects.filter(pk=object_id).first()
        if (
            record
            and record.status != WorkbookImport.Status.IMPORTED
            and record.uploaded_by_id == request.user.pk
        ):
            return redirect("admin:workbooks_workbookimport_preview", record.pk)
        return super().change_view(request, object_id, form_url, extra_context)

    def preview_view(self, request, pk):
        record = self._record(request, pk)
        if record.status == WorkbookImport.Status.IMPORTED:
            messages.info(request, "This file has been imported already.")
            return redirect("admin:workbooks_workbookimport_changelist")
        if not record.stored_name:
            messages.warning(
                request,
                "That upload is no longer kept (it had problems, or you uploaded another file since): "
                "upload the file again.",
            )
            return redirect("admin:workbooks_workbookimport_add")
        return self._preview_page(request, record, upload_preview(record=record, user=request.user))

    def confirm_view(self, request, pk):
        record = self._record(request, pk)
        if record.status == WorkbookImport.Status.IMPORTED:
            messages.info(request, "This file has been imported already.")
            return redirect("admin:workbooks_workbookimport_changelist")
        if not record.stored_name:
            return redirect("admin:workbooks_workbookimport_preview", record.pk)
        fingerprint = request.POST.get("fingerprint", "")
        preview = upload_import(record=record, by=request.user, fingerprint=fingerprint)
        if preview.problems or preview.fingerprint != fingerprint:
            messages.warning(
                request,
                "Nothing was imported: what the file would do has changed since the preview (someone "
                "edited the reviews or the lists meanwhile). Check the preview below and confirm again.",
            )
            return self._preview_page(request, record, preview)
        counts = preview.counts
        messages.success(
            request,
            f"Imported “{record.file_name}”: {counts['create']} review{'s' * (counts['create'] != 1)} added "
            f"as drafts, {counts['update']} updated, {counts['unchanged']} unchanged.",
        )
        return redirect("admin:workbooks_workbookimport_changelist")

    def _preview_page(self, request, record, preview):
        context = {
            "title": f"Preview of “{record.file_name}”",
            "record": record,
            "preview": preview,
            "problems": [str(problem) for problem in preview.problems[:PROBLEMS_SHOWN]],
            "more_problems": max(0, len(preview.problems) - PROBLEMS_SHOWN),
            "changing": [plan for plan in preview.plans if plan.action != "unchanged"],
            "confirm_url": reverse("admin:workbooks_workbookimport_confirm", args=[record.pk]),
        }
        return self._render(request, "admin/workbooks/preview.html", context)

    def _render(self, request, template, context):
        context = {**self.admin_site.each_context(request), "opts": self.opts, **context}
        return TemplateResponse(request, template, context)
