"""Loading the demo: the board, its reviews and its newsletters, through the validating services.

Not ``loaddata``, which skips validation and signals: every record goes through the same
service an officer's upload would use (the reviews through the workbook importer), so a demo
file that breaks a rule fails loudly, naming the file. Everything is idempotent: a record
already present (found by its reference or slug) is left exactly as it is, so an officer's
edits survive loading the demo again.
"""

from functools import partial
from itertools import groupby
from pathlib import Path

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone

from briefings.kept_pdfs import newsletter_pdf_queue, review_pdfs_queue
from briefings.models import Newsletter
from briefings.services import newsletter_create, newsletter_problems
from demo import content
from demo.content import DemoDataError, shown
from reviews.models import BoardProfile, Recommendation, Review
from reviews.services import board_profile_ensure
from workbooks.constraints import full_clean
from workbooks.plan import preview_build
from workbooks.reading import workbook_from_rows
from workbooks.services import workbook_import

# How the demo's reviews are named in their history ("Imported from …").
DEMO_SOURCE = "the demo data (demo/data/reviews)"
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
    """Import the demo reviews not present yet through the workbook importer; returns how many
    were added, and how many files.

    A review whose reference is in the database already (whatever its capitals) is left out of
    the workbook: the importer would make it match its file again, undoing an officer's edits.
    Nothing is written unless every file passes the importer's checks.
    """
    files = content.reviews(folder)
    present = {reference.casefold() for reference in Review.objects.values_list("reference", flat=True)}
    new = {path: data for path, data in files.items() if data["reference"].casefold() not in present}
    if not new:
        return 0, len(files)
    sheets = content.Sheets(new)
    preview = preview_build(workbook_from_rows(sheets.rows))
    if preview.problems:
        raise DemoDataError("\n".join(sheets.message(problem) for problem in preview.problems))
    # The new lessons' "learnt before" is computed once this commits (the importer queues it).
    with transaction.atomic():
        workbook_import(preview=preview, by=None, file_name=DEMO_SOURCE)
        _states_set(new)
    return len(new), len(files)


def _states_set(files: dict[Path, dict]) -> None:
    """Give the new reviews their states and their recommendations their progress, as their files say.

    The importer makes drafts, and leaves progress to the action plan. The demo's reviews are
    loaded by a command, not decided by a person, so they do not go through approval: each is
    checked as the admin would check it, then written in one statement per model.
    """
    by_reference = {data["reference"].casefold(): (path, data) for path, data in files.items()}
    reviews = list(Review.objects.filter(reference__in=[data["reference"] for data in files.values()]))
    for review in reviews:
        path, data = by_reference[review.reference.casefold()]
        review.state = data.get("state", Review.State.DRAFT)
        review.not_for_publication_reason = data.get("not_for_publication_reason", "")
        _checked(path, review, validate_unique=False)
    Review.objects.bulk_update(reviews, ["state", "not_for_publication_reason"])

    recommendations = Recommendation.objects.filter(review__in=reviews).order_by("review_id", "order")
    paths = {review.pk: by_reference[review.reference.casefold()] for review in reviews}
    progressed = []
    for review_id, rows in groupby(recommendations, key=lambda recommendation: recommendation.review_id):
        path, data = paths[review_id]
        for recommendation, item in zip(rows, data.get("recommendations", []), strict=True):
            recommendation.status = item.get("status") or Recommendation.Status.NOT_STARTED
            recommendation.outcome = item.get("outcome", "")
            progressed.append(_checked(path, recommendation, exclude=["review", "child", "owner_group"]))
    Recommendation.objects.bulk_update(progressed, ["status", "outcome"])

    for review in reviews:
        if review.state == Review.State.PUBLISHED:  # its briefing is kept, as when a review is published
            transaction.on_commit(partial(review_pdfs_queue, review_id=review.pk))


def _checked(path, obj, **options):
    try:
        full_clean(obj, **options)
    except ValidationError as error:
        raise _problem(path, error) from error
    return obj


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
            newsletter_pdf_queue(newsletter=newsletter)  # its PDF kept, as when a newsletter is published
    return added
