"""Newsletters, bulletins and briefings that the board publishes as PDF documents.

A newsletter holds an ordered list of reviews; what it prints of each is decided at
rendering time through ``Review.objects.public()``, so a review withdrawn after the
newsletter went out disappears from it at once.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from reviews.markdown import validate_markdown
from reviews.models import Review, Theme
from reviews.models.bounds import BACKGROUND, NOTE, length_at_most
from reviews.querysets import previews_unpublished
from reviews.validators import MaxFileSize, validate_pdf


class NewsletterKind(models.TextChoices):
    NEWSLETTER = "newsletter", "Newsletter"
    SEVEN_MINUTE = "seven_minute", "7-minute briefing"
    THEMATIC = "thematic", "Thematic bulletin"
    PRECIS = "precis", "Précis of several reviews"
    # Assembled from the data for its period: the reviews published, their themes and figures,
    # the board's responses and the reviews not published. Officers write its introduction and
    # closing message; it is approved like any newsletter.
    ANNUAL_REPORT = "annual_report", "Annual learning report"


class NewsletterState(models.TextChoices):
    DRAFT = "draft", "Draft"
    AWAITING_APPROVAL = "awaiting_approval", "Awaiting approval"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


class NewsletterQuerySet(models.QuerySet):
    def published(self):
        """Published newsletters, newest issue first: the public archive."""
        return self.filter(state=NewsletterState.PUBLISHED).order_by("-issue_date", "-id")

    def visible_to(self, user):
        """Staff who may view newsletters also see drafts, to preview them; everyone else the archive.

        Whatever the newsletter, the reviews inside it are always taken through
        ``Review.objects.public()``: a preview shows exactly what readers will get.
        """
        if previews_unpublished(user, "briefings.view_newsletter"):
            return self.all()
        return self.published()


class Newsletter(models.Model):
    Kind = NewsletterKind
    State = NewsletterState

    kind = models.CharField(max_length=20, choices=Kind, default=Kind.NEWSLETTER)
    title = models.CharField(
        max_length=200, help_text="e.g. “Learning from local case reviews – spring 2024”."
    )
    slug = models.SlugField(
        max_length=200, unique=True, help_text="The last part of the web address and of the PDF's file name."
    )
    issue_date = models.DateField(help_text="Printed on the front page.")
    period_start = models.DateField("period covered from", null=True, blank=True)
    period_end = models.DateField("period covered to", null=True, blank=True)
    introduction = models.TextField(
        blank=True,
        max_length=BACKGROUND,
        validators=[validate_markdown],
        help_text="Markdown: national context, figures, why this issue matters. "
        "* for bullets, a blank line between paragraphs.",
    )
    closing_message = models.TextField(
        blank=True,
        max_length=NOTE,
        validators=[validate_markdown],
        help_text="Optional message at the end, e.g. from the chair. Markdown.",
    )
    reviews = models.ManyToManyField(Review, through="NewsletterReview", related_name="newsletters")
    themes = models.ManyToManyField(
        Theme,
        blank=True,
        related_name="newsletters",
        help_text="For a précis or thematic bulletin: the themes whose approved guidance it prints, after "
        "the introduction. Such a bulletin may be published without individual reviews.",
    )
    state = models.CharField(max_length=20, choices=State, default=State.DRAFT)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
    )
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
        help_text="The manager who last approved, withdrew or sent it back.",
    )
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    decision_note = models.TextField(
        blank=True, editable=False, help_text="Why it was withdrawn or sent back."
    )
    # Raised on every save, so that a second officer saving a stale copy is refused.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # The kept PDF (see briefings/kept_pdfs.py). Written with .update() so that keeping a
    # rendering never counts as an edit of the newsletter itself.
    pdf_name = models.CharField(max_length=255, blank=True, editable=False)
    pdf_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    pdf_pages = models.PositiveIntegerField(null=True, blank=True, editable=False)
    pdf_size = models.PositiveIntegerField(null=True, blank=True, editable=False)

    objects = NewsletterQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=["pdf_name", "pdf_fingerprint", "pdf_pages", "pdf_size", "updated_at", "version"]
    )

    class Meta:
        ordering = ["-issue_date", "-id"]
        permissions = [
            ("submit_newsletter", "Can submit a newsletter for approval"),
            ("publish_newsletter", "Can approve, publish and withdraw a newsletter"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=NewsletterState.values), name="newsletter_state_valid"
            ),
            models.CheckConstraint(condition=Q(kind__in=NewsletterKind.values), name="newsletter_kind_valid"),
            models.CheckConstraint(
                condition=Q(period_end__isnull=True)
                | Q(period_start__isnull=True)
                | Q(period_end__gte=F("period_start")),
                name="newsletter_period_in_order",
                violation_error_message="The period covered must end after it starts.",
            ),
            models.CheckConstraint(
                condition=~Q(state="published") | Q(published_at__isnull=False),
                name="newsletter_published_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(kind="annual_report") | Q(period_start__isnull=False, period_end__isnull=False),
                name="newsletter_annual_report_has_period",
                violation_error_message="An annual learning report needs both dates of the period it covers.",
            ),
            length_at_most(
                "introduction", BACKGROUND, name="newsletter_introduction_length", label="The introduction"
            ),
            length_at_most(
                "closing_message", NOTE, name="newsletter_closing_message_length", label="The closing message"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.pk:
            self.version += 1
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("briefings:newsletter_detail", kwargs={"slug": self.slug})

    @property
    def is_annual_report(self):
        return self.kind == self.Kind.ANNUAL_REPORT

    def get_pdf_url(self):
        return reverse("briefings:newsletter_pdf", kwargs={"slug": self.slug})

    @property
    def is_published(self):
        return self.state == self.State.PUBLISHED


class NewsletterReview(models.Model):
    """A review's place in a newsletter."""

    newsletter = models.ForeignKey(Newsletter, on_delete=models.CASCADE, related_name="items")
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="newsletter_items")
    order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "review in this newsletter"
        verbose_name_plural = "reviews in this newsletter"
        constraints = [
            models.UniqueConstraint(
                fields=["newsletter", "review"],
                name="newsletter_review_once",
                violation_error_message="This review is already in the newsletter.",
            ),
        ]

    def __str__(self):
        return str(self.review)


class NewsletterLink(models.Model):
    """Something more to read or watch with a newsletter: a leaflet for parents, a film, a training
    flyer. A web address, or a PDF uploaded here and offered only with the newsletter."""

    newsletter = models.ForeignKey(Newsletter, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(max_length=200, help_text="e.g. “Safe sleeping: a leaflet for parents”.")
    url = models.URLField("web address", blank=True, help_text="A film, a page or a booking form.")
    file = models.FileField(
        "or a PDF",
        upload_to="newsletters/more/",
        blank=True,
        validators=[validate_pdf, MaxFileSize(10)],
        help_text="A PDF of at most 10 MB, readable by whoever may read the newsletter.",
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "more to read or watch"
        verbose_name_plural = "more to read or watch (printed in a “More” box)"
        constraints = [
            models.CheckConstraint(
                condition=(~Q(url="") & Q(file="")) | (Q(url="") & ~Q(file="")),
                name="newsletter_link_url_or_file",
                violation_error_message="Give either a web address or a PDF, not both and not neither.",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        """Where a reader follows it: the web address, or the file through the newsletter's address."""
        if self.url:
            return self.url
        return reverse("briefings:newsletter_file", kwargs={"slug": self.newsletter.slug, "pk": self.pk})

    @property
    def full_url(self) -> str:
        """The address printed on paper, where a relative one leads nowhere."""
        return self.url or settings.SITE_URL + self.get_absolute_url()
