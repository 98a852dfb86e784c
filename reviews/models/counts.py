"""The library's counts, kept up to date by every write instead of recounted by every reader.

Counting 100,000 lessons per theme for each first reader after a change cost more than the
rest of the page. So each review's part of the counts is kept (``ReviewTally``), together
with the state and visibility it had when counted, and so are the sums of those parts per
state and visibility (``FacetCount``). A reader adds up the few rows its audience may see:
``visibility_q`` (reviews/querysets.py) applies to a ``FacetCount`` row as to a review.

Both are written by ``library_counts_refresh`` (reviews/caching.py), in the writer's
transaction, whenever the content version is raised; never edited by hand.
"""

from django.db import models

from reviews.models.review import Review

# What is counted, as ``facet`` values. Themes, services and years are stored as text ids.
FINDING = "finding"  # findings of one kind (value: the kind's key in reviews/library.py)
THEME = "theme"  # lessons tagged with a theme
SERVICE = "service"  # lessons tagged with a service
PAIR = "pair"  # lessons tagged with both a theme and a service: value "<theme id>:<service id>"
KIND = "kind"  # findings of reviews of one kind
YEAR = "year"  # findings of reviews published in one year
REVIEWS = "reviews"  # reviews with at least one finding (value "")
ON_THEME = "on_theme"  # 1 for a review tagged with a theme or with lessons on it: its theme page


class ReviewTally(models.Model):
    """One review's part of one count, as it stood when the review was last counted."""

    # No cascade and no database constraint: a deleted review's rows must outlive it until
    # its part is taken off the sums (in the same transaction).
    review = models.ForeignKey(Review, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+")
    state = models.CharField(max_length=20)
    visibility = models.CharField(max_length=10)
    facet = models.CharField(max_length=10)
    value = models.CharField(max_length=40, blank=True)
    n = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["review", "facet", "value"], name="review_tally_unique"),
        ]
        # The reviews with lessons on a theme, or on a theme and a service: the filtered pages.
        indexes = [models.Index(fields=["facet", "value", "review"], name="review_tally_by_value")]

    def __str__(self):
        return f"review {self.review_id}: {self.facet} {self.value} = {self.n}"


class FacetCount(models.Model):
    """The sum of ``ReviewTally`` over the reviews of one state and visibility."""

    state = models.CharField(max_length=20)
    visibility = models.CharField(max_length=10)
    facet = models.CharField(max_length=10)
    value = models.CharField(max_length=40, blank=True)
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["state", "visibility", "facet", "value"], name="facet_count_unique"
            ),
        ]

    def __str__(self):
        return f"{self.state}/{self.visibility}: {self.facet} {self.value} = {self.n}"
