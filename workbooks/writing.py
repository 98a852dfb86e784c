"""Writing what a preview shows: new reviews all at once, changed reviews record by record.

New reviews (most of an import, and all of a board's first) are written in bulk: a few
statements per kind of record rather than one per record and one per signal receiver. What
the receivers would do is done here, once: each record is checked by its model's
``full_clean`` first; ``bulk_create`` on reviews and findings (reviews/querysets.py) raises
the content version, takes the counts and makes the search vectors; history rows, themes and
services included, carry the person and the reason; "learnt before" is computed in the
background after the import commits (learnt_before/tasks.py). New reviews are drafts, so
there are no kept PDFs to render again.

A changed review is written the way the admin writes it: ``full_clean()`` then ``save()`` one
by one, and ``.set()`` for themes and services, so the receivers in reviews/signals.py,
briefings/signals.py and learnt_before/signals.py keep everything current as after a save.
"""

from django.apps import apps
from django.utils import timezone

from reviews.data_entry import ORDER_STEP
from reviews.models import Child, Lesson, PracticeArea, Review
from workbooks.columns import FINDING_SHEETS, RECOMMENDATIONS
from workbooks.constraints import full_clean
from workbooks.plan import MODELS
from workbooks.preview import saved_key

LIST_FIELDS = ("themes", "services")


class Creator:
    """Every new review of an import, with its children and findings, in bulk."""

    def __init__(self, *, by, reason):
        self.by, self.reason, self.now = by, reason, timezone.now()

    def create(self, plans) -> list[Lesson]:
        """Write the reviews of ``plans`` (all new); returns their lessons."""
        reviews = []
        for plan in plans:
            review = Review(reference=plan.reference, state=Review.State.DRAFT)
            for name, value in plan.fields.items():
                setattr(review, name, value if value is not None else _empty(Review, name))
            full_clean(review)
            reviews.append(review)
        Review.objects.bulk_create(reviews)
        self.tagged(Review, [(review, plan) for review, plan in zip(reviews, plans, strict=True)])

        children, kids = {}, []
        for review, plan in zip(reviews, plans, strict=True):
            for position, (_, data) in enumerate(plan.children or [], start=1):
                child = Child(review=review, order=position * ORDER_STEP, **data)
                kids.append(self.checked(child))
                children[review.pk, child.pseudonym.casefold()] = child
        self.written(Child, kids)

        areas = self.practice_areas(reviews, plans)
        lessons = []
        for sheet in FINDING_SHEETS:
            model, findings = MODELS[sheet.key], []
            for review, plan in zip(reviews, plans, strict=True):
                for position, row in enumerate(plan.findings.get(sheet.key) or [], start=1):
                    finding = model(review=review, order=position * ORDER_STEP, text=row.text)
                    finding.child = children.get((review.pk, row.child.casefold())) if row.child else None
                    if hasattr(finding, "practice_area_id"):
                        finding.practice_area = areas.get((review.pk, row.practice_area.casefold()))
                    if sheet is RECOMMENDATIONS:
                        finding.owner_group, finding.target_date = row.owner, row.target_date
                    findings.append((self.checked(finding), row))
            if model is Lesson:
                model.objects.bulk_create([finding for finding, _ in findings])
                self.tagged(Lesson, findings)
                lessons = [finding for finding, _ in findings]
            else:
                self.written(model, [finding for finding, _ in findings])
        return lessons

    def checked(self, obj):
        # Unique fields need no look-up: every record here belongs to a review that is new.
        full_clean(obj, validate_unique=False)
        return obj

    def practice_areas(self, reviews, plans) -> dict:
        """The practice areas the findings name, once per review, in the order first named."""
        areas = {}
        for review, plan in zip(reviews, plans, strict=True):
            order = 0
            for rows in plan.findings.values():
                for row in rows:
                    key = (review.pk, row.practice_area.casefold())
                    if row.practice_area and key not in areas:
                        order += ORDER_STEP
                        areas[key] = self.checked(
                            PracticeArea(review=review, name=row.practice_area, order=order)
                        )
        self.written(PracticeArea, list(areas.values()))
        return areas

    def written(self, model, objs):
        model.objects.bulk_create(objs)
        self.history(model, objs)

    def tagged(self, model, pairs):
        """The themes and services of ``pairs`` (record, its plan or row), then the records' history."""
        rows = {}
        for name in LIST_FIELDS:
            relation = getattr(model, name)
            through, own, other = (
                relation.through,
                relation.field.m2m_column_name(),
                relation.field.m2m_reverse_name(),
            )
            rows[name] = through.objects.bulk_create(
                through(**{own: obj.pk, other: entry.pk})
                for obj, source in pairs
                for entry in getattr(source, name) or ()
            )
        self.history(model, [obj for obj, _ in pairs], m2m=rows)

    def history(self, model, objs, m2m=None):
        """One history row per record ("created"), with a copy of its themes and services if it has them."""
        records = model.history.bulk_history_create(
            objs, default_user=self.by, default_change_reason=self.reason, default_date=self.now
        )
        record_of = {record.id: record for record in records}
        for name, rows in (m2m or {}).items():
            copy = apps.get_model(model._meta.app_label, f"Historical{model.__name__}_{name}")
            relation = getattr(model, name)
            own, columns = relation.field.m2m_column_name(), relation.through._meta.fields
            copy.objects.bulk_create(
                copy(
                    history=record_of[getattr(row, own)],
                    **{f.attname: getattr(row, f.attname) for f in columns},
                )
                for row in rows
            )


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
