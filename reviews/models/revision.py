"""A correction to something already published, kept aside until a second person approves it.

The live rows stay exactly as approved while a correction waits, so every public read keeps
its one query path; ``reviews.revisions`` applies an approved correction to them.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q

from reviews.models.bounds import NOTE, length_at_most


class RevisionState(models.TextChoices):
    DRAFT = "draft", "Being written"
    PENDING = "pending", "Waiting for approval"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


OPEN = (RevisionState.DRAFT, RevisionState.PENDING)


class RevisionQuerySet(models.QuerySet):
    def of(self, obj):
        """The corrections proposed to ``obj``, newest first."""
        content_type = ContentType.objects.get_for_model(obj)
        return self.filter(content_type=content_type, object_id=obj.pk).order_by("-submitted_at", "-id")

    def waiting(self):
        return self.filter(state__in=OPEN)


class Revision(models.Model):
    State = RevisionState

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    # The proposed content: the form's fields and each list's changed, added and removed rows.
    data = models.JSONField(encoder=DjangoJSONEncoder)
    note = models.TextField(
        "what it changes and why", max_length=NOTE, help_text="The approving manager reads this."
    )
    # The version of the published item it was written against: approving refuses a stale one.
    base_version = models.PositiveIntegerField()
    state = models.CharField(max_length=20, choices=RevisionState, default=RevisionState.DRAFT)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="proposed by",
    )
    submitted_at = models.DateTimeField("proposed", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True, max_length=NOTE)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RevisionQuerySet.as_manager()

    class Meta:
        verbose_name = "correction"
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=Q(state__in=OPEN),
                name="revision_one_waiting",
                violation_error_message="Another correction to this item is already waiting for approval.",
            ),
            models.CheckConstraint(condition=Q(state__in=RevisionState.values), name="revision_state_valid"),
            length_at_most("note", NOTE, name="revision_note_length", label="The note"),
            length_at_most("decision_note", NOTE, name="revision_decision_note_length", label="The reason"),
        ]

    def __str__(self):
        return f"Correction to {self.target}"
