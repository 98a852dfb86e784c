from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from reviews.markdown import validate_markdown
from reviews.models.bounds import BACKGROUND, NOTE, length_at_most
from reviews.models.lists import Service, Theme
from reviews.querysets import ReviewQuerySet
from reviews.validators import MaxFileSize, validate_pdf


class DatePrecision(models.TextChoices):
    """How much of a date is known: historic reviews often give only a month or a year."""

    DAY = "day", "Day (e.g. 14 January 2017)"
    MONTH = "month", "Month (e.g. January 2017)"
    YEAR = "year", "Year (e.g. 2013)"
    FINANCIAL_YEAR = "financial_year", "Financial year (e.g. 2013–14): enter 1 April of its first year"


def precision_field(date_label):
    return models.CharField(
        f"{date_label}: how precise",
        max_length=20,
        choices=DatePrecision,
        default=DatePrecision.DAY,
        # Left empty in a form it means a day: Review.clean() fills it in.
        blank=True,
        help_text="Only as precise as the source: the page shows “January 2017” or “2013” as entered.",
    )


class ReviewKind(models.TextChoices):
    SCR = "scr", "Serious Case Review"
    MANAGEMENT = "management", "Management review / multi-agency case review"
    PRACTICE = "practice", "Special / practice review"
    THEMATIC = "thematic", "Thematic review"
    RAPID = "rapid", "Rapid Review"
    LCSPR = "lcspr", "Local Child Safeguarding Practice Review"


class ReviewState(models.TextChoices):
    DRAFT = "draft", "Draft"
    AWAITING_APPROVAL = "awaiting_approval", "Awaiting approval"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"
    NOT_FOR_PUBLICATION = "not_for_publication", "Not for publication"


class ReviewVisibility(models.TextChoices):
    PUBLIC = "public", "Everyone (public)"
    PARTNERS = "partners", "Partner agencies only (signed-in practitioners)"


class Review(models.Model):
    Kind = ReviewKind
    State = ReviewState
    Visibility = ReviewVisibility
    Precision = DatePrecision

    title = models.CharField(
        max_length=200, help_text="As it will be shown, e.g. “Child M: management review”."
    )
    reference = models.CharField(
        max_length=40, unique=True, help_text="The board's own reference, e.g. MR-2014-02. Must be unique."
    )
    slug = models.SlugField(
        max_length=200, unique=True, help_text="The last part of the review's web address."
    )
    kind = models.CharField("kind of review", max_length=20, choices=Kind)
    method = models.CharField(
        max_length=200,
        blank=True,
        help_text="How the review was carried out, e.g. SCIE Learning Together, facilitated discussion.",
    )
    commissioned_on = models.DateField("commissioned", null=True, blank=True)
    commissioned_precision = precision_field("commissioned")
    completed_on = models.DateField("completed", null=True, blank=True)
    completed_precision = precision_field("completed")
    published_on = models.DateField(
        "published",
        null=True,
        blank=True,
        help_text="Required once the review is published; asked for on the approval page.",
    )
    published_precision = precision_field("published")
    period_start = models.DateField("period covered from", null=True, blank=True)
    period_end = models.DateField("period covered to", null=True, blank=True)
    summary = models.TextField(
        "background",
        blank=True,
        max_length=BACKGROUND,
        validators=[validate_markdown],
        help_text="What happened, in a few paragraphs or bullets. Markdown: * for bullets, "
        "a blank line between paragraphs. Use only the children's pseudonyms.",
    )
    why_it_matters = models.TextField(
        blank=True,
        max_length=BACKGROUND,
        validators=[validate_markdown],
        help_text="Why this learning matters to practitioners (part 2 of a 7-minute briefing).",
    )
    what_to_do = models.TextField(
        "what practitioners should do",
        blank=True,
        max_length=NOTE,
        validators=[validate_markdown],
        help_text="A short list of what practitioners should now do, one line each starting with *. "
        "Printed as the last part of the 7-minute briefing instead of the general advice to read "
        "the lessons with the team.",
    )
    questions_contact = models.CharField(
        "contact for questions about this review",
        max_length=300,
        blank=True,
        help_text="Only when it is not the board's general contact, e.g. “Jo Patel, Learning and "
        "Improvement Officer, 01632 960 123, jo.patel@example.org”. Printed in the briefing's contact "
        "box instead of the board's.",
    )
    report_url = models.URLField("link to the full report", blank=True)
    report_file = models.FileField(
        "full report (PDF)",
        upload_to="reports/",
        blank=True,
        help_text="A PDF of at most 10 MB.",
        validators=[validate_pdf, MaxFileSize(10)],
    )
    state = models.CharField(max_length=20, choices=State, default=State.DRAFT)
    not_for_publication_reason = models.TextField(
        blank=True,
        max_length=NOTE,
        help_text="Required when the board decided not to publish: why, and whether the national "
        "panel ratified it.",
    )
    public_note = models.CharField(
        "public note (when not published)",
        max_length=500,
        blank=True,
        help_text="Optional, for a review the board decided not to publish: a sentence the public may "
        "read, e.g. “The board decided not to publish this review to protect the child's siblings; "
        "its learning is in our training.” It is listed on the reviews page with only the kind of "
        "review and the year: no title, children or findings. Never write anything that identifies "
        "a child.",
    )
    visibility = models.CharField(
        "who may read it", max_length=10, choices=Visibility, default=Visibility.PUBLIC
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="reviews")
    services = models.ManyToManyField(
        Service, blank=True, related_name="reviews", verbose_name="applicable services"
    )
    show_progress_publicly = models.BooleanField(
        "show progress publicly",
        default=False,
        help_text="The published page then shows, for each recommendation, whether it is in progress, "
        "complete or not implemented (with the reason the board accepted). Nothing else of the action "
        "plan is ever public.",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The manager who last approved, withdrew or decided not to publish it.",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(
        blank=True, max_length=NOTE, help_text="Why it was withdrawn or sent back."
    )
    # Raised on every save, so that a second officer saving a stale copy is refused.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReviewQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[themes, services], excluded_fields=["version"])

    class Meta:
        ordering = ["-published_on", "-commissioned_on", "-id"]
        indexes = [
            models.Index(fields=["state", "visibility", "-published_on"]),
            # The lessons library and the kept PDFs ask "when did any review last change?" on every request.
            models.Index(fields=["updated_at"], name="review_updated_at"),
        ]
        permissions = [
            ("submit_review", "Can submit a review for approval"),
            ("publish_review", "Can approve, publish, withdraw and decide not to publish a review"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state="not_for_publication") | ~Q(not_for_publication_reason=""),
                name="review_not_for_publication_has_reason",
                violation_error_message="Give the reason the board decided not to publish this review.",
            ),
            models.CheckConstraint(
                condition=~Q(state="published") | Q(published_on__isnull=False),
                name="review_published_has_date",
                violation_error_message="A published review needs its publication date.",
            ),
            models.CheckConstraint(
                condition=Q(period_end__isnull=True)
                | Q(period_start__isnull=True)
                | Q(period_end__gte=F("period_start")),
                name="review_period_in_order",
                violation_error_message="The period covered must end after it starts.",
            ),
            models.CheckConstraint(
                condition=Q(completed_on__isnull=True)
                | Q(commissioned_on__isnull=True)
                | Q(completed_on__gte=F("commissioned_on")),
                name="review_completed_after_commissioned",
                violation_error_message="A review cannot be completed before it was commissioned.",
            ),
            models.CheckConstraint(condition=Q(state__in=ReviewState.values), name="review_state_valid"),
            models.CheckConstraint(
                condition=Q(visibility__in=ReviewVisibility.values), name="review_visibility_valid"
            ),
            models.CheckConstraint(condition=Q(kind__in=ReviewKind.values), name="review_kind_valid"),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{date}_precision__in": DatePrecision.values}),
                    name=f"review_{date}_precision_valid",
                )
                for date in ("commissioned", "completed", "published")
            ),
            length_at_most("summary", BACKGROUND, name="review_summary_length", label="The background"),
            length_at_most(
                "why_it_matters", BACKGROUND, name="review_why_it_matters_length", label="Why it matters"
            ),
            length_at_most(
                "what_to_do", NOTE, name="review_what_to_do_length", label="What practitioners should do"
            ),
            length_at_most(
                "not_for_publication_reason",
                NOTE,
                name="review_not_for_publication_reason_length",
                label="The reason for not publishing",
            ),
            length_at_most(
                "decision_note", NOTE, name="review_decision_note_length", label="The decision note"
            ),
        ]

    def __str__(self):
        return f"{self.reference}: {self.title}"

    def save(self, *args, **kwargs):
        if self.pk:
            self.version += 1
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("reviews:review_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        for date in ("commissioned", "completed", "published"):
            if not getattr(self, f"{date}_precision"):
                setattr(self, f"{date}_precision", DatePrecision.DAY)

    @property
    def is_public(self):
        return self.state == self.State.PUBLISHED and self.visibility == self.Visibility.PUBLIC

    @property
    def year(self):
        date = self.published_on or self.completed_on or self.commissioned_on
        return date.year if date else None


class ChildAgeBand(models.TextChoices):
    UNBORN = "unborn", "Unborn"
    UNDER_1 = "under_1", "Under 1"
    AGE_1_4 = "1_4", "1 to 4"
    AGE_5_9 = "5_9", "5 to 9"
    AGE_10_15 = "10_15", "10 to 15"
    AGE_16_17 = "16_17", "16 or 17"
    OVER_17 = "18_plus", "18 or over (care leaver / transition)"


class ChildSex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"


class ChildOutcome(models.TextChoices):
    NOT_STATED = "not_stated", "Not stated / not relevant"
    DIED = "died", "Died"
    SERIOUS_HARM = "serious_harm", "Serious harm"
    OTHER = "other", "Other: say what in the outcome in words (e.g. self-harm, harmed another child)"


# The outcome in plain words, as printed after the child's name when no words were typed.
OUTCOME_WORDS = {
    ChildOutcome.NOT_STATED: "",
    ChildOutcome.DIED: "died",
    ChildOutcome.SERIOUS_HARM: "seriously harmed",
    # Without words typed, the reader still learns that the outcome was something else, not nothing.
    ChildOutcome.OTHER: "other",
}


class Child(models.Model):
    """A child in a review, known only by a pseudonym."""

    AgeBand = ChildAgeBand
    Sex = ChildSex
    Outcome = ChildOutcome

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="children")
    pseudonym = models.CharField(
        max_length=60,
        help_text="Never the child's real name: “Child M”, “Alice”. The software holds no real names, "
        "dates of birth or addresses, because even pseudonymised records must not identify a child.",
    )
    age_years = models.PositiveSmallIntegerField(
        "age at the time (years)",
        null=True,
        blank=True,
        help_text="Whole years at the time of the incident; leave empty and use the age band if unsure.",
    )
    age_band = models.CharField(max_length=10, choices=AgeBand, blank=True)
    sex = models.CharField(
        max_length=10, choices=Sex, blank=True, help_text="Only where relevant to the learning."
    )
    outcome = models.CharField(max_length=20, choices=Outcome, default=Outcome.NOT_STATED)
    outcome_detail = models.CharField(
        "outcome in words",
        max_length=200,
        blank=True,
        help_text="A few words, printed after the child's name instead of the choice above, "
        "e.g. “life-threatening injuries”, “self-harm”.",
    )
    known_to_social_care = models.BooleanField("known to children's social care", default=False)
    child_in_need = models.BooleanField("child in need plan", default=False)
    child_protection_plan = models.BooleanField("child protection plan", default=False)
    looked_after = models.BooleanField("looked after", default=False)
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]
        verbose_name_plural = "children"
        constraints = [
            models.UniqueConstraint(fields=["review", "pseudonym"], name="child_pseudonym_unique_in_review"),
            models.CheckConstraint(
                condition=Q(age_years__isnull=True) | Q(age_years__lte=25),
                name="child_age_plausible",
                violation_error_message="Age must be between 0 and 25 years.",
            ),
            models.CheckConstraint(condition=Q(outcome__in=ChildOutcome.values), name="child_outcome_valid"),
        ]

    def __str__(self):
        return self.pseudonym

    @property
    def age_display(self):
        if self.age_years is not None:
            return "under 1" if self.age_years == 0 else f"{self.age_years}"
        return self.get_age_band_display()

    @property
    def outcome_words(self):
        """The outcome as printed: the words typed, else a plain word (“died”); empty when not stated."""
        if self.outcome == self.Outcome.NOT_STATED:
            return self.outcome_detail
        return self.outcome_detail or OUTCOME_WORDS.get(self.outcome, "")

    @property
    def label(self):
        """The child as every page and PDF names it: “Child Two, 11: self-harm”, “Baby Q, under 1: died”."""
        text = self.pseudonym
        if self.age_display:
            text += f", {self.age_display.lower()}"
        if self.outcome_words:
            text += f": {self.outcome_words}"
        return text
