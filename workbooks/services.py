"""Importing a review workbook: preview, then write everything or nothing.

How each record is written is workbooks/writing.py's: new reviews in bulk, changed ones
record by record. Each history row carries the person who confirmed the import and the
reason "Imported from <file>".
"""

import uuid
from functools import partial
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from learnt_before.services import word_counts_add
from learnt_before.tasks import lessons_matches_refresh
from reviews.caching import library_changes_together
from reviews.models import Review
from workbooks.models import WorkbookImport
from workbooks.plan import preview_build
from workbooks.preview import Preview
from workbooks.reading import workbook_read
from workbooks.writing import Creator, Writer

# Under MEDIA_ROOT, which the site never serves: uploads wait here between preview and confirmation.
# New reviews written in one go: a progress bar that moves, and memory that stays small.
CREATED_TOGETHER = 100
PRIVATE_FOLDER = "private/workbooks"
# The permissions the review pages ask for: board officers and managers hold both.
IMPORTERS = ("reviews.add_review", "reviews.change_review")


def may_import(user) -> bool:
    return user.is_active and user.is_staff and user.has_perms(IMPORTERS)


def workbook_preview(*, source, name: str, user=None) -> Preview:
    """What importing the file would do, and every problem that stops it. Writes nothing."""
    return preview_build(workbook_read(source, name), user=user)


def upload_keep(*, upload, by) -> WorkbookImport:
    """Keep an uploaded file privately until it is confirmed, under a name nobody can guess.

    One waits per person: their earlier unconfirmed uploads are no longer kept, so
    pseudonymised files do not pile up in storage.
    """
    waiting = WorkbookImport.objects.filter(uploaded_by=by).exclude(stored_name="")
    for name in waiting.values_list("stored_name", flat=True):
        default_storage.delete(name)
    waiting.update(stored_name="")
    suffix = PurePath(upload.name).suffix.lower()[:8]
    stored = default_storage.save(f"{PRIVATE_FOLDER}/{uuid.uuid4().hex}{suffix}", upload)
    return WorkbookImport.objects.create(file_name=upload.name[:255], stored_name=stored, uploaded_by=by)


def upload_preview(*, record: WorkbookImport, user) -> Preview:
    """The preview of a kept upload; records its counts, and the fingerprint confirmation checks."""
    with default_storage.open(record.stored_name, "rb") as source:
        preview = workbook_preview(source=source, name=record.file_name, user=user)
    counts = preview.counts
    if preview.problems:  # to be corrected and uploaded again: the copy is not kept
        default_storage.delete(record.stored_name)
        record.stored_name = ""
    WorkbookImport.objects.filter(pk=record.pk).update(
        stored_name=record.stored_name,
        status=WorkbookImport.Status.REFUSED if preview.problems else WorkbookImport.Status.PREVIEWED,
        problems=len(preview.problems),
        reviews_created=counts["create"],
        reviews_updated=counts["update"],
        reviews_unchanged=counts["unchanged"],
        fingerprint=preview.fingerprint,
    )
    return preview


def upload_import(*, record: WorkbookImport, by, fingerprint: str) -> Preview:
    """Import a kept upload if it still does what its preview showed; otherwise write nothing.

    Returns the preview it was checked against: with problems (or a different fingerprint)
    nothing was written and the officer is shown it again.
    """
    preview = upload_preview(record=record, user=by)
    if preview.problems or preview.fingerprint != fingerprint:
        return preview
    workbook_import(preview=preview, by=by, file_name=record.file_name)
    default_storage.delete(record.stored_name)
    WorkbookImport.objects.filter(pk=record.pk).update(
        status=WorkbookImport.Status.IMPORTED, imported_at=timezone.now(), stored_name=""
    )
    return preview


@transaction.atomic
def workbook_import(*, preview: Preview, by, file_name: str, progress=None) -> dict:
    """Write what ``preview`` shows, all of it or (on any error) none of it; returns the counts.

    ``progress``, if given, is called once per review written (the command's progress bar).
    """
    if preview.problems:
        raise ValidationError("The file has problems to correct first; nothing was imported.")
    reason = f"Imported from {file_name}"[:2000]
    changing = [plan.existing.pk for plan in preview.plans if plan.action == "update"]
    # Locked until the end: a second officer saving one of these reviews meanwhile waits.
    list(Review.objects.select_for_update().filter(pk__in=changing).values_list("pk", flat=True))
    # Each review's counts in the library are taken once, as the import ends (in its transaction).
    with library_changes_together():
        writer = Writer(by=by, reason=reason)
        for plan in preview.plans:
            if plan.action == "update":
                writer.update(plan)
                if progress is not None:
                    progress()
        new = [plan for plan in preview.plans if plan.action == "create"]
        for start in range(0, len(new), CREATED_TOGETHER):
            batch = new[start : start + CREATED_TOGETHER]
            lessons = Creator(by=by, reason=reason).create(batch)
            if lessons:
                # Their words are counted now, so that the board's word counts never miss a lesson;
                # their matches are computed after the import commits.
                word_counts_add(texts=[lesson.text for lesson in lessons])
                ids = [lesson.pk for lesson in lessons]
                transaction.on_commit(partial(lessons_matches_refresh.enqueue, ids))
            if progress is not None:
                for _ in batch:
                    progress()
    return preview.counts
