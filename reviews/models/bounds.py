"""How long each kind of text an officer types may be, in characters.

Every page and PDF renders these texts, and PostgreSQL's search vector holds a review's
background for each of its lessons, so each field has a bound: held by the form (the field's
``max_length``) and by the database (a check constraint, so a bulk write cannot pass it either).

The bounds are several times the longest text in the board briefings the software was designed
from: a whole four-page newsletter is about 18,000 characters, a child's background about 2,500,
a single finding or theme's guidance under 1,000.
"""

from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual

BACKGROUND = 20_000  # a review's background and why it matters; a newsletter's introduction
FINDING = 4_000  # one key issue, positive factor, lesson or recommendation, or its outcome
GUIDANCE = 10_000  # a theme's guidance for practitioners
NOTE = 4_000  # reasons and notes, a newsletter's closing message, an owner group's description
ADDRESS = 500  # a postal address, one line per row


def length_at_most(field: str, limit: int, *, name: str, label: str) -> models.CheckConstraint:
    """A database check that ``field`` holds at most ``limit`` characters, refused in plain words."""
    return models.CheckConstraint(
        condition=LessThanOrEqual(Length(field), limit),
        name=name,
        violation_error_message=f"{label} can be at most {limit:,} characters. Shorten it.",
    )
