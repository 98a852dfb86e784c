from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from reviews.logos import logo_fit_for_letterhead
from reviews.models.bounds import ADDRESS, length_at_most
from reviews.validators import MaxFileSize, validate_logo


class BoardProfile(models.Model):
    """The board's own details, shown in page footers and on every PDF. There is only one."""

    # A constant column with a unique constraint lets the database itself refuse a second row.
    singleton = models.BooleanField(default=True, editable=False)
    name = models.CharField(max_length=200, help_text="e.g. Northshire Safeguarding Children Partnership")
    short_name = models.CharField(max_length=40, blank=True, help_text="e.g. NSCP")
    address = models.TextField(blank=True, max_length=ADDRESS, help_text="Postal address, one line per row.")
    telephone = models.CharField(max_length=40, blank=True)
    email = models.EmailField("e-mail address", blank=True)
    website = models.URLField(blank=True)
    chair = models.CharField(
        max_length=200, blank=True, help_text="Name of the independent chair, as printed."
    )
    logo = models.ImageField(
        upload_to="board/",
        blank=True,
        help_text="PNG or JPEG, at most 2 MB. Printed at the top of newsletters and briefings.",
        validators=[validate_logo, MaxFileSize(2)],
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["singleton"])

    class Meta:
        verbose_name = "board profile"
        constraints = [
            models.UniqueConstraint(fields=["singleton"], name="one_board_profile"),
            models.CheckConstraint(condition=Q(singleton=True), name="board_profile_singleton_true"),
            length_at_most("address", ADDRESS, name="board_profile_address_length", label="The address"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # A newly uploaded logo is stored at the size a letterhead needs, whatever was uploaded.
        if self.logo and not self.logo._committed:
            fitted = logo_fit_for_letterhead(self.logo.file)
            if fitted is not None:
                self.logo.file = fitted
        super().save(*args, **kwargs)

    @classmethod
    def current(cls):
        """The board's profile, or an unsaved placeholder before an officer has filled it in."""
        return cls.objects.first() or cls(name="Local Safeguarding Children Partnership")
