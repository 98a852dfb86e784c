from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from briefings.documents import why_not_public
from briefings.models import Newsletter, NewsletterReview
from briefings.pdf import board_logo
from briefings.services import (
    newsletter_problems,
    newsletter_publish,
    newsletter_return_to_draft,
    newsletter_submit,
    newsletter_withdraw,
)
from reviews.models import BoardProfile, Review


class NewsletterReviewFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if not self.instance.is_published:
            return  # a draft may hold reviews still on their way to publication; publishing checks again
        chosen = [
            form.cleaned_data["review"]
            for form in self.forms
            if form.cleaned_data.get("review") and not form.cleaned_data.get("DELETE")
        ]
        public = set(
            Review.objects.public().filter(pk__in=[r.pk for r in chosen]).values_list("pk", flat=True)
        )
        hidden = [review for review in chosen if review.pk not in public]
        if hidden:
            raise ValidationError(
                [
                    f"“{review.title}” is {why_not_public(review)}, "
                    "so it cannot go into a published newsletter."
                    for review in hidden
                ]
            )


class NewsletterReviewInline(admin.TabularInline):
    model = NewsletterReview
    formset = NewsletterReviewFormSet
    extra = 1
    fields = ["order", "review", "review_status"]
    readonly_fields = ["review_status"]
    autocomplete_fields = ["review"]

    @admin.display(description="can be printed?")
    def review_status(self, item):
        if not item.review_id:
            return "–"
        review = item.review
        if review.is_public:
            return "Yes: published for everyone"
        return f"No: {why_not_public(review)}"


@admin.register(Newsletter)
class NewsletterAdmin(SimpleHistoryAdmin):
    change_form_template = "briefings/admin/newsletter_change_form.html"
    list_display = ["title", "kind", "issue_date", "state", "review_count", "pdf_summary"]
    list_filter = ["kind", "state"]
    search_fields = ["title", "introduction"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "issue_date"
    inlines = [NewsletterReviewInline]
    readonly_fields = [
        "state",
        "submitted_by",
        "submitted_at",
        "published_at",
        "published_by",
        "publication_check",
        "see_it",
    ]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "issue_date", ("period_start", "period_end")]}),
        ("Text", {"fields": ["introduction", "closing_message"]}),
        (
            "Publication",
            {
                "fields": [
                    "state",
                    "publication_check",
                    "see_it",
                    ("submitted_by", "submitted_at"),
                    ("published_at", "published_by"),
                ]
            },
        ),
    ]
    actions = ["submit_selected", "publish_selected", "withdraw_selected", "return_selected_to_draft"]

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

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        newsletter = form.instance
        if not newsletter.is_published and "_publish" not in request.POST:
            for problem in newsletter_problems(newsletter):
                messages.warning(request, f"Before this newsletter can be published: {problem}")

    def has_submit_permission(self, request):
        return request.user.has_perm("briefings.submit_newsletter")

    def has_publish_permission(self, request):
        return request.user.has_perm("briefings.publish_newsletter")

    def has_change_permission(self, request, obj=None):
        # Once submitted or published, only a manager may change what readers will get.
        locked = obj is not None and obj.state in (
            Newsletter.State.AWAITING_APPROVAL,
            Newsletter.State.PUBLISHED,
        )
        if locked and not self.has_publish_permission(request):
            return False
        return super().has_change_permission(request, obj)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["can_submit"] = obj.state == Newsletter.State.DRAFT and self.has_submit_permission(
                request
            )
            context["can_publish"] = (
                obj.state == Newsletter.State.AWAITING_APPROVAL
                and self.has_publish_permission(request)
                and obj.submitted_by_id != request.user.pk
            )
            context["submitted_by_self"] = obj.submitted_by_id == request.user.pk
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_change(self, request, obj):
        for button, service, done in [
            ("_submit", newsletter_submit, "submitted for approval"),
            ("_publish", newsletter_publish, "published"),
        ]:
            if button in request.POST:
                self._run(request, service, [obj], done)
                return HttpResponseRedirect(reverse("admin:briefings_newsletter_change", args=[obj.pk]))
        return super().response_change(request, obj)

    def _run(self, request, service, newsletters, done):
        for newsletter in newsletters:
            try:
                service(newsletter=newsletter, by=request.user)
            except (ValidationError, PermissionDenied) as error:
                for message in getattr(error, "messages", [str(error)]):
                    messages.error(request, f"“{newsletter}” was not {done}: {message}")
            else:
                messages.success(request, f"“{newsletter}” was {done}.")

    @admin.action(description="Submit selected newsletters for approval", permissions=["submit"])
    def submit_selected(self, request, queryset):
        self._run(request, newsletter_submit, queryset, "submitted for approval")

    @admin.action(description="Approve and publish selected newsletters", permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._run(request, newsletter_publish, queryset, "published")

    @admin.action(description="Withdraw selected newsletters", permissions=["publish"])
    def withdraw_selected(self, request, queryset):
        self._run(request, newsletter_withdraw, queryset, "withdrawn")

    @admin.action(description="Return selected newsletters to draft", permissions=["publish"])
    def return_selected_to_draft(self, request, queryset):
        self._run(request, newsletter_return_to_draft, queryset, "returned to draft")
