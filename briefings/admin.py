from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from briefings.documents import why_not_public
from briefings.models import Newsletter, NewsletterLink, NewsletterReview
from briefings.pdf import board_logo
from briefings.publication import NEWSLETTER, newsletter_problems
from reviews.data_entry import DataEntryAdminMixin, NextOrderForm
from reviews.models import BoardProfile
from reviews.revisions import may_correct
from reviews.revisions_admin import CorrectionAdminMixin
from reviews.workflow import edit_refusal, transition_run
from reviews.workflow_admin import StaleSaveFormMixin, WorkflowAdminMixin, messages_of


class NewsletterReviewInline(admin.TabularInline):
    """Which reviews are in a newsletter changes only while the newsletter itself can be changed."""

    model = NewsletterReview
    form = NextOrderForm
    extra = 1
    fields = ["order", "review", "review_status"]
    readonly_fields = ["review_status"]
    autocomplete_fields = ["review"]

    def _editable(self, request, newsletter):
        # A published newsletter's list is edited too: the save is kept as a correction to approve.
        user = request.user
        return edit_refusal(workflow=NEWSLETTER, obj=newsletter, user=user) is None or may_correct(
            obj=newsletter, user=user
        )

    def has_add_permission(self, request, obj=None):
        return self._editable(request, obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(request, obj) and super().has_delete_permission(request, obj)

    @admin.display(description="can be printed?")
    def review_status(self, item):
        if not item.review_id:
            return "–"
        review = item.review
        if review.is_public:
            return "Yes: published for everyone"
        return f"No: {why_not_public(review)}"


class NewsletterLinkInline(NewsletterReviewInline):
    """A leaflet, a film or a flyer printed in the newsletter's “More” box; editable like its reviews."""

    model = NewsletterLink
    extra = 0
    fields = ["order", "title", "url", "file"]
    readonly_fields = []
    autocomplete_fields = []


class NewsletterAdminForm(StaleSaveFormMixin, forms.ModelForm):
    class Meta:
        model = Newsletter
        fields = "__all__"
        widgets = {"version": forms.HiddenInput}


@admin.register(Newsletter)
class NewsletterAdmin(DataEntryAdminMixin, CorrectionAdminMixin, WorkflowAdminMixin, SimpleHistoryAdmin):
    workflow = NEWSLETTER
    # The add page offers "Save and submit for approval" too (``response_add``).
    change_form_template = "briefings/admin/newsletter_change_form.html"
    form = NewsletterAdminForm
    list_display = ["title", "kind", "issue_date", "state", "review_count", "pdf_summary"]
    list_filter = ["kind", "state"]
    search_fields = ["title", "introduction"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "issue_date"
    autocomplete_fields = ["themes"]
    inlines = [NewsletterReviewInline, NewsletterLinkInline]
    readonly_fields = ["published_at", "publication_check", "see_it"]  # and the workflow's own fields
    fieldsets = [
        (
            None,
            {"fields": ["kind", "title", "slug", "issue_date", ("period_start", "period_end"), "version"]},
        ),
        ("Text", {"fields": ["introduction", "themes", "closing_message"]}),
        (
            "Publication (changed only with the buttons at the top)",
            {
                "fields": [
                    "state",
                    "publication_check",
                    "see_it",
                    ("submitted_by", "submitted_at"),
                    "published_at",
                    ("decided_by", "decided_at"),
                    "decision_note",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_review_count=Count("items"))

    @admin.display(description="reviews", ordering="_review_count")
    def review_count(self, newsletter):
        return newsletter._review_count

    @admin.display(description="PDF")
    def pdf_summary(self, newsletter):
        if not newsletter.pdf_pages:
            return "–"
        return f"{newsletter.pdf_pages} pages, {newsletter.pdf_size // 1024} KB"

    @admin.display(description="before publishing")
    def publication_check(self, newsletter):
        if not newsletter.pk:
            return "Save the newsletter, with its reviews, to check it."
        notes = newsletter_problems(newsletter)
        _, logo_problem = board_logo(BoardProfile.current())
        if logo_problem:
            notes.append(logo_problem)
        if not notes and newsletter.is_annual_report:
            return "Ready: it prints every review published for everyone in its period, and the figures."
        if not notes:
            return "Ready: every review in it is published for everyone."
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((note,) for note in notes)))

    @admin.display(description="see it")
    def see_it(self, newsletter):
        if not newsletter.pk:
            return "–"
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">Preview as a web page</a> · '
            '<a href="{}">Download {} PDF</a>',
            newsletter.get_absolute_url(),
            newsletter.get_pdf_url(),
            "the" if newsletter.is_published else "a draft",
        )

    def response_add(self, request, obj, post_url_continue=None):
        if "_submit" not in request.POST:
            return super().response_add(request, obj, post_url_continue)
        change_url = reverse("admin:briefings_newsletter_change", args=[obj.pk])
        try:
            transition_run(workflow=NEWSLETTER, obj=obj, name="submit", by=request.user)
        except (PermissionDenied, ValidationError) as refused:
            messages.error(
                request, f"“{obj}” was saved as a draft but not submitted: {' '.join(messages_of(refused))}"
            )
        else:
            messages.success(request, f"“{obj}” was saved and submitted for approval.")
        return redirect(change_url)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        newsletter = form.instance
        # "Save and submit" reports the same problems once, as the reason it was not submitted.
        if not newsletter.is_published and "_submit" not in request.POST:
            for problem in newsletter_problems(newsletter):
                messages.warning(request, f"Before this newsletter can be published: {problem}")
