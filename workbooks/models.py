from django.conf import settings
from django.db import models


class WorkbookImport(models.Model):
    """One upload of a review workbook: who brought it in, when, and what it did.

    The file itself is kept in private storage (never served) only between the preview and
    the officer's confirmation, then deleted.
    """

    class Status(models.TextChoices):
        PREVIEWED = "previewed", "Previewed, waiting for confirmation"
        REFUSED = "refused", "Refused: problems to correct"
        IMPORTED = "imported", "Imported"

    file_name = models.CharField(max_length=255)
    stored_name = models.CharField(max_length=255, blank=True, editable=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    imported_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status, default=Status.PREVIEWED)
    reviews_created = models.PositiveIntegerField(default=0)
    reviews_updated = models.PositiveIntegerField(default=0)
    reviews_unchanged = models.PositiveIntegerField(default=0)
    problems = models.PositiveIntegerField("problems found", default=0)
    # What the preview showed, in short: confirming imports only exactly that.
    fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = "review workbook import"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["previewed", "refused", "imported"]),
                name="workbook_import_status_valid",
            )
        ]

    def __str__(self):
        return f"{self.file_name} ({self.uploaded_at:%d/%m/%Y %H:%M})" if self.uploaded_at else self.file_name
