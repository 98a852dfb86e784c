"""Loading the demo: the board, its reviews and its newsletters, through the validating services.

Not ``loaddata``, which skips validation and signals: every record goes through the same
service an import would use, so a demo file that breaks a rule fails loudly, naming the file.
Everything is idempotent: a record already present (found by its reference or slug) is left
exactly as it is, so an officer's edits survive loading the demo again.
"""

import logging
from pathlib import Path

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone

from briefings.kept_pdfs import newsletter_pdf_keep
from briefings.models import Newsletter
from briefings.services import newsletter_create, newsletter_problems
from demo import content
from demo.content import DemoDataError, shown
from reviews.models import BoardProfile, Review
from reviews.services import board_profile_ensure, review_import

logger = logging.getLogger(__name__)

# What a malformed record raises on its way through the services: a broken rule, a name
# missing from the controlled lists (KeyError), a field that does not exist (TypeError).
RECORD_ERRORS = (ValidationError, KeyError, TypeError, ValueError)


def _problem(path: Path, error: Exception) -> DemoDataError:
    return DemoDataError(f"{shown(path)} could not be loaded: {_detail(error).rstrip('.')}.")


def _detail(error: Exception) -> str:
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        return "; ".join(
            " ".join(messages) if field == NON_FIELD_ERRORS else f"{field}: {' '.join(messages)}"
            for field, messages in error.message_dict.items()
        )
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    if isinstance(error, KeyError):
        return (
            f"{error.args[0]!r} is missing, or is not a name in the controlled lists of themes, "
            "services and owner groups"
        )
    return str(error)


def board_demo_ensure(*, folder: Path = content.DATA) -> BoardProfile:
    path = folder / "board.toml"
    try:
        return board_profile_ensure(data=content.board(folder))
    except RECORD_ERRORS as error:
        raise _problem(path, error) from error


def reviews_demo_ensure(*, folder: Path = content.DATA) -> tuple[int, int]:
    """Import every demo review not present yet; returns how many were added, and how many files."""
    files = content.reviews(folder)
    added = 0
    for path, data in files.items():
        try:
            added += review_import(data=data)[1]
        except RECORD_ERRORS as error:
            raise _problem(path, error) from error
    return added, len(files)


def newsletters_demo_ensure(*, folder: Path = content.DATA) -> int:
    """Create each demo newsletter once, with those of its reviews that exist; returns how many were added.

    A file whose ``state`` is "published" starts the demo's archive with one issue. The draft
    deliberately includes a review still awaiting approval, to show how the admin and the
    preview name a review that cannot yet go into a public newsletter.
    """
    known = set(Review.objects.values_list("reference", flat=True))
    added = 0
    for path, data in content.newsletters(folder).items():
        fields = {key: value for key, value in data.items() if key not in ("reviews", "state")}
        state = data.get("state", Newsletter.State.DRAFT)
        if state not in (Newsletter.State.DRAFT, Newsletter.State.PUBLISHED):
            raise DemoDataError(f'{shown(path)}: state must be "draft" or "published", not "{state}".')
        references = [reference for reference in data.get("reviews", []) if reference in known]
        try:
            newsletter, created = newsletter_create(data=fields, review_references=references)
        except RECORD_ERRORS as error:
            raise _problem(path, error) from error
        added += created
        if created and state == Newsletter.State.PUBLISHED and not newsletter_problems(newsletter):
            # Loaded by a command, not decided by a person, so it does not go through approval.
            Newsletter.objects.filter(pk=newsletter.pk).update(
                state=Newsletter.State.PUBLISHED, published_at=timezone.now()
            )
            _keep_pdf(Newsletter.objects.get(pk=newsletter.pk))
    return added


def _keep_pdf(newsletter):
    try:
        newsletter_pdf_keep(newsletter=newsletter)
    except Exception:
        # The newsletter stands; its PDF is rendered on the first download instead.
        logger.exception("Could not render the PDF of demo newsletter %s", newsletter.pk)
