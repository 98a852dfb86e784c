"""Importing a review workbook: preview, then write everything or nothing.

Every record is written the way the admin writes it: ``full_clean()`` then ``save()`` one by
one, and ``.set()`` for themes and services, so the receivers in reviews/signals.py and
briefings/signals.py keep search vectors, cached pages and kept PDFs current exactly as after
a save in the admin. ``bulk_create`` is never used: it sends no signals. Each history row
carries the person who confirmed the import and the reason "Imported from <file>".
"""

import uuid
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from reviews.caching import library_changes_together
from reviews.models import Child, PracticeArea, Review
from workbooks.columns import FINDING_SHEETS, RECOMMENDATIONS
from workbooks.constraints import full_clean
from workbooks.models import WorkbookImport
from workbooks.plan import MODELS, Preview, preview_build, saved_key
from workbooks.reading import workbook_read

# Under MEDIA_ROOT, which the site never serves: uploads wait here between preview and confirmation.
PRIVATE_FOLDER = "private/workbooks"
ORDER_STEP = 10
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
    writer = Writer(by=by, reason=f"Imported from {file_name}"[:2000])
    changing = [plan.existing.pk for plan in preview.plans if plan.action == "update"]
    # Locked until the end: a second officer saving one of these reviews meanwhile waits.
    list(Review.objects.select_for_update().filter(pk__in=changing).values_list("pk", flat=True))
    # Each review's counts in the library are taken once, as the import ends (in its transaction).
    with library_changes_together():
        for plan in preview.plans:
            if plan.action == "create":
                writer.create(plan)
            elif plan.action == "update":
                writer.update(plan)
            if progress is not None:
                progress()
    return preview.counts


class Writer:
    def __init__(self, *, by, reason):
        self.by, self.reason = by, reason

    def save(self, obj):
        obj._history_user, obj._change_reason = self.by, self.reason
        full_clean(obj)
        obj.save()
        return obj

    def delete(self, obj):
        obj._history_user, obj._change_reason = self.by, self.reason
        obj.delete()

    def set_list(self, obj, name, entries):
        obj._history_user, obj._change_reason = self.by, self.reason
        getattr(obj, name).set(entries)

    def lesson_tags(self, lesson, row):
        """A lesson's themes and services, with one history row for both.

        Each ``.set()`` would record the lesson again, with a copy of all its tags; only the
        last one does, so the history shows the lesson saved and then tagged, in two rows.
        The receivers that keep counts and caches still see every change.
        """
        changes = [
            (name, getattr(row, name))
            for name in ("themes", "services")
            if {e.pk for e in getattr(row, name)} != {e.pk for e in getattr(lesson, name).all()}
        ]
        for number, (name, entries) in enumerate(changes, start=1):
            if number < len(changes):
                lesson.skip_history_when_saving = True
            try:
                self.set_list(lesson, name, entries)
            finally:
                lesson.__dict__.pop("skip_history_when_saving", None)

    def create(self, plan):
        review = Review(reference=plan.reference, state=Review.State.DRAFT)
        for name, value in plan.fields.items():
            setattr(review, name, value if value is not None else _empty(Review, name))
        self.save(review)
        for name in ("themes", "services"):
            if getattr(plan, name):
                self.set_list(review, name, getattr(plan, name))
        children = {}
        for position, (_, data) in enumerate(plan.children or [], start=1):
            child = self.save(Child(review=review, order=position * ORDER_STEP, **data))
            children[child.pseudonym.casefold()] = child
        self.findings(review, plan, children, areas={}, saved={})

    def update(self, plan):
        review = plan.existing
        changed = False
        for name, value in plan.new_values.items():
            if getattr(review, name) != value:
                setattr(review, name, value)
                changed = True
        if changed:
            self.save(review)
        for name in ("themes", "services"):
            wanted = getattr(plan, name)
            if wanted is not None and {e.pk for e in wanted} != {e.pk for e in getattr(review, name).all()}:
                self.set_list(review, name, wanted)
        children = {child.pseudonym.casefold(): child for child in review.children.all()}
        leaving = []
        if plan.children is not None:
            top = max((child.order for child in children.values()), default=0)
            wanted = {}
            for _, data in plan.children:
                key = data["pseudonym"].casefold()
                child = children.get(key)
                if child is None:
                    top += ORDER_STEP
                    child = Child(review=review, order=top)
                if child.pk is None or any(getattr(child, name) != value for name, value in data.items()):
                    for name, value in data.items():
                        setattr(child, name, value)
                    self.save(child)
                wanted[key] = child
            leaving = [child for key, child in children.items() if key not in wanted]
            children = wanted
        areas = {area.name.casefold(): area for area in review.practice_areas.all()}
        saved = {
            sheet.key: list(getattr(review, MODELS[sheet.key].__name__.lower() + "s").all())
            for sheet in FINDING_SHEETS
        }
        self.findings(review, plan, children, areas=areas, saved=saved)
        for child in leaving:  # after the findings have let go of them
            self.delete(child)

    def area(self, review, name, areas):
        if not name:
            return None
        if name.casefold() not in areas:
            top = max((area.order for area in areas.values()), default=0)
            areas[name.casefold()] = self.save(PracticeArea(review=review, name=name, order=top + ORDER_STEP))
        return areas[name.casefold()]

    def findings(self, review, plan, children, *, areas, saved):
        """Findings in the file's order: the n-th row of a sheet is the review's n-th finding of that kind."""
        for sheet in FINDING_SHEETS:
            wanted = plan.findings.get(sheet.key)
            if wanted is None:
                continue
            model, old = MODELS[sheet.key], saved.get(sheet.key, [])
            top = max((finding.order for finding in old), default=0)
            for position, row in enumerate(wanted):
                finding = old[position] if position < len(old) else None
                if finding is not None and saved_key(finding) == row.key():
                    continue
                if finding is None:
                    top += ORDER_STEP
                    finding = model(review=review, order=top)
                finding.text = row.text
                finding.child = children.get(row.child.casefold()) if row.child else None
                if hasattr(finding, "practice_area_id"):
                    finding.practice_area = self.area(review, row.practice_area, areas)
                if sheet is RECOMMENDATIONS:
                    finding.owner_group, finding.target_date = row.owner, row.target_date
                self.save(finding)
                if model is MODELS["lessons"]:
                    self.lesson_tags(finding, row)
            for finding in old[len(wanted) :]:
                self.delete(finding)


def _empty(model, name):
    field = model._meta.get_field(name)
    return None if field.null else field.get_default()
