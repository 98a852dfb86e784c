"""From a workbook's rows to what an import would do: each review created, updated or unchanged,
and every problem, by sheet, row and column.

Nothing here writes. Each record is checked by its model's own ``full_clean`` (field rules,
lengths, Markdown that would hide text, the database constraints) on an unsaved copy, plus the
checks only a workbook needs: references that link the sheets, names from the board's lists,
children named on the Children sheet. A review already in the system is matched by its
reference (whatever its capitals) and compared: same content, no change.
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.text import slugify

from reviews.models import (
    Child,
    KeyIssue,
    Lesson,
    OwnerGroup,
    PositiveFactor,
    Recommendation,
    Review,
    Service,
    Theme,
)
from reviews.publication import REVIEW
from reviews.workflow import edit_refusal
from workbooks import values
from workbooks.columns import (
    CHILDREN,
    CHOICE,
    DATE,
    FINDING_SHEETS,
    KEY_ISSUES,
    LESSONS,
    NAME,
    NAMES,
    POSITIVE_FACTORS,
    RECOMMENDATIONS,
    REVIEWS,
    WHOLE,
    YES_NO,
    Sheet,
)
from workbooks.constraints import full_clean
from workbooks.preview import FindingRow, Preview, ReviewPlan, saved_key
from workbooks.reading import Problem, Workbook

MODELS = {KEY_ISSUES.key: KeyIssue, POSITIVE_FACTORS.key: PositiveFactor, LESSONS.key: Lesson,
          RECOMMENDATIONS.key: Recommendation}  # fmt: skip
LIST_FIELDS = ("themes", "services")
# What the review sheet fills besides the review's own fields.
NOT_FIELDS = {"reference", *LIST_FIELDS}
CHILD_FIELDS = [c.key for c in CHILDREN.columns if c.key != "review"]
PARSERS = {DATE: values.date, YES_NO: values.yes_no, WHOLE: values.whole}
BAD = object()  # a cell that could not be read: reported once, then left out of every record


class Checker:
    def __init__(self, book: Workbook, user=None):
        self.book, self.user = book, user
        self.preview = Preview(problems=list(book.problems))
        self.lookups = {
            "themes": {t.name.casefold(): t for t in Theme.objects.all()},
            "services": {s.name.casefold(): s for s in Service.objects.all()},
            "owners": {o.name.casefold(): o for o in OwnerGroup.objects.all()},
        }
        self.plans = {}  # folded reference -> ReviewPlan
        self.bad_rows = set()

    def problem(self, message, sheet: Sheet | None = None, row=None, column=""):
        self.bad_rows.add((sheet.key if sheet else "", row))
        self.preview.problems.append(
            Problem(message, sheet=sheet.title if sheet else "", row=row, column=column)
        )

    def cell(self, sheet, number, cells, column):
        """The cell of ``column`` read as its kind, or BAD after reporting why it cannot be."""
        raw = cells.get(column.key)
        try:
            if column.kind in PARSERS:
                return PARSERS[column.kind](raw)
            if column.kind == CHOICE:
                return values.choice(raw, column) or self.empty(column.key, sheet)
            if column.kind == NAMES:
                return values.names(
                    raw, self.lookups[column.names], column.names.rstrip("s").replace("owner", "owner group")
                )
            if column.kind == NAME:
                words = values.plain(raw)
                return values.named(words, self.lookups[column.names], "owner group") if words else None
            return values.text(raw)
        except values.CellError as error:
            self.problem(str(error), sheet, number, column.header)
            return BAD

    def run(self) -> Preview:
        sheets = self.book.sheets
        if "reviews" not in sheets:
            if not self.preview.problems:
                self.problem("The file has no Reviews sheet: every other sheet names its reviews there.")
            return self.preview
        for rows in sheets.values():
            self.preview.rows[rows.sheet.title] = len(rows.rows)
        self.reviews(sheets["reviews"])
        self.existing()
        if "children" in sheets:
            self.children(sheets["children"])
        for sheet in FINDING_SHEETS:
            if sheet.key in sheets:
                self.findings(sheets[sheet.key])
        for plan in self.plans.values():
            self.validate(plan)
            if plan.existing is not None:
                self.compare(plan)
        self.preview.plans = list(self.plans.values())
        return self.preview

    def present(self, sheet_key):
        return self.book.sheets[sheet_key].columns

    def reviews(self, rows):
        present = rows.columns
        for number, cells in rows.rows:
            reference = values.plain(cells.get("reference"))
            if not reference:
                self.problem("the reference is empty; every review needs one.", REVIEWS, number, "Reference")
                continue
            if reference.casefold() in self.plans:
                first = self.plans[reference.casefold()].row
                self.problem(
                    f"the reference {reference} is on row {first} already.", REVIEWS, number, "Reference"
                )
                continue
            plan = ReviewPlan(reference=reference, row=number, fields={})
            for column in REVIEWS.columns:
                if column.key in NOT_FIELDS or column.key not in present:
                    continue
                value = self.cell(REVIEWS, number, cells, column)
                if value is not BAD:
                    plan.fields[column.key] = value
            for name in LIST_FIELDS:
                if name in present:
                    value = self.cell(REVIEWS, number, cells, REVIEWS.column(name))
                    setattr(plan, name, [] if value is BAD else value)
            self.plans[reference.casefold()] = plan

    def existing(self):
        """Reviews already in the system with the file's references, with everything compared."""
        ids = {}
        for pk, reference in Review.objects.values_list("pk", "reference"):
            ids.setdefault(reference.casefold(), pk)
        wanted = [ids[key] for key in self.plans if key in ids]
        self.slugs = set(Review.objects.values_list("slug", flat=True))
        if not wanted:
            return
        found = Review.objects.filter(pk__in=wanted).prefetch_related(
            "themes", "services", "children", "practice_areas", "keyissues__child",
            "positivefactors__child", "positivefactors__practice_area", "lessons__child",
            "lessons__practice_area", "lessons__themes", "lessons__services", "recommendations__child",
        )  # fmt: skip
        for review in found:
            self.plans[review.reference.casefold()].existing = review

    def plan_for(self, sheet, number, cells):
        reference = values.plain(cells.get("review"))
        if not reference:
            self.problem("the review reference is empty.", sheet, number, "Review reference")
            return None
        plan = self.plans.get(reference.casefold())
        if plan is None:
            self.problem(
                f"review “{reference}” is not on the Reviews sheet of this file.",
                sheet,
                number,
                "Review reference",
            )
        return plan

    def children(self, rows):
        for plan in self.plans.values():
            plan.children = []
        seen = {}
        for number, cells in rows.rows:
            plan = self.plan_for(CHILDREN, number, cells)
            if plan is None:
                continue
            data = {}
            for column in CHILDREN.columns[1:]:
                if column.key in rows.columns:
                    value = self.cell(CHILDREN, number, cells, column)
                    if value is not BAD:
                        data[column.key] = value
            pseudonym = data.get("pseudonym", "")
            if not pseudonym:
                self.problem("the pseudonym is empty.", CHILDREN, number, "Pseudonym")
                continue
            key = (plan.reference.casefold(), pseudonym.casefold())
            if key in seen:
                self.problem(
                    f"{pseudonym} is on row {seen[key]} already for review {plan.reference}.",
                    CHILDREN,
                    number,
                    "Pseudonym",
                )
                continue
            seen[key] = number
            plan.children.append((number, data))

    def child_names(self, plan):
        if plan.children is not None:
            return {data["pseudonym"].casefold() for _, data in plan.children}
        if plan.existing is not None:
            return {child.pseudonym.casefold() for child in plan.existing.children.all()}
        return set()

    def findings(self, rows):
        sheet = rows.sheet
        for plan in self.plans.values():
            plan.findings[sheet.key] = []
        for number, cells in rows.rows:
            plan = self.plan_for(sheet, number, cells)
            if plan is None:
                continue
            finding = FindingRow(row=number)
            for column in sheet.columns[1:]:
                if column.key not in rows.columns:
                    continue
                value = self.cell(sheet, number, cells, column)
                if value is not BAD and value is not None:
                    setattr(finding, "owner" if column.key == "owner" else column.key, value)
            if not finding.text:
                if (sheet.key, number) not in self.bad_rows:
                    self.problem("the text is empty.", sheet, number, "Text")
                continue
            if finding.child and finding.child.casefold() not in self.child_names(plan):
                self.problem(
                    f"there is no child “{finding.child}” in review {plan.reference} on the Children "
                    "sheet. Check the spelling, or add the child there.",
                    sheet,
                    number,
                    "Child",
                )
                continue
            if sheet is RECOMMENDATIONS and finding.owner is None:
                if (sheet.key, number) not in self.bad_rows:
                    self.problem("the owner is empty: name who must act on it.", sheet, number, "Owner")
                continue
            plan.findings[sheet.key].append(finding)

    def errors(self, error: ValidationError, sheet, number):
        by_field = error.message_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.messages}
        headers = {column.key: column.header for column in sheet.columns}
        headers["owner_group"] = "Owner"
        for name, messages in by_field.items():
            self.problem(" ".join(messages), sheet, number, headers.get(name, ""))

    def validate(self, plan):
        """Each record through its model's own checks, unsaved."""
        review = plan.existing or Review(reference=plan.reference, state=Review.State.DRAFT)
        current = {name: getattr(review, name) for name in plan.fields}
        for name, value in plan.fields.items():
            setattr(review, name, value if value is not None else self.empty(name, REVIEWS))
        before = current.get("slug", review.slug) if plan.existing is not None else ""
        if not review.slug:  # a blank cell keeps a review's address, or makes one from the title
            review.slug = before or self.slug_for(review.title or plan.reference)
            plan.fields["slug"] = review.slug
        elif review.slug != before:
            if review.slug in self.slugs:
                taken = f"the web address “{review.slug}” is another review's already."
                self.problem(taken, REVIEWS, plan.row, "Web address")
            self.slugs.add(review.slug)
        try:
            # Unique references and addresses are checked against the lists read once, not a query per review.
            full_clean(review, validate_unique=False)
        except ValidationError as error:
            self.errors(error, REVIEWS, plan.row)
        if plan.existing is not None:  # the preview changes nothing: the compared values come from `current`
            plan.new_values = {name: getattr(review, name) for name in plan.fields}
            for name, value in current.items():
                setattr(review, name, value)
        for number, data in plan.children or []:
            try:
                full_clean(Child(**data), exclude=["review"])
            except ValidationError as error:
                self.errors(error, CHILDREN, number)
        for sheet in FINDING_SHEETS:
            for finding in plan.findings.get(sheet.key, []):
                extra = (
                    {"owner_group": finding.owner, "target_date": finding.target_date}
                    if sheet is RECOMMENDATIONS
                    else {}
                )
                try:
                    # The owner group was found in the board's list just now: no query to check it exists.
                    full_clean(
                        MODELS[sheet.key](text=finding.text, **extra),
                        exclude=["review", "child", "practice_area", "owner_group"],
                    )
                except ValidationError as error:
                    self.errors(error, sheet, finding.row)

    def empty(self, name, sheet):
        model = Child if sheet is CHILDREN else Review
        model_field = model._meta.get_field(name)
        return None if model_field.null else model_field.get_default()

    def slug_for(self, title):
        base = slugify(title)[:190] or "review"
        slug, number = base, 2
        while slug in self.slugs:
            slug, number = f"{base}-{number}", number + 1
        self.slugs.add(slug)
        return slug

    def compare(self, plan):
        review = plan.existing
        for name, value in plan.new_values.items():
            if getattr(review, name) != value:
                plan.changes.append(REVIEWS.column(name).header)
        for name in LIST_FIELDS:
            wanted = getattr(plan, name)
            if wanted is not None and {e.pk for e in wanted} != {e.pk for e in getattr(review, name).all()}:
                plan.changes.append(REVIEWS.column(name).header)
        if plan.children is not None:
            saved = {child.pseudonym.casefold(): child for child in review.children.all()}
            wanted = {data["pseudonym"].casefold(): data for _, data in plan.children}
            added = len(wanted.keys() - saved.keys())
            removed = len(saved.keys() - wanted.keys())
            changed = sum(
                any(getattr(saved[key], name) != value for name, value in data.items())
                for key, data in wanted.items()
                if key in saved
            )
            plan.changes += _counted("child", "children", changed, added, removed)
        for sheet in FINDING_SHEETS:
            wanted = plan.findings.get(sheet.key)
            if wanted is None:
                continue
            saved = list(getattr(review, MODELS[sheet.key].__name__.lower() + "s").all())
            changed = sum(saved_key(old) != new.key() for old, new in zip(saved, wanted, strict=False))
            added, removed = max(0, len(wanted) - len(saved)), max(0, len(saved) - len(wanted))
            plan.changes += _counted(sheet.noun, sheet.noun + "s", changed, added, removed)
            if sheet is RECOMMENDATIONS and removed:
                for recommendation in saved[len(wanted) :]:
                    actions = getattr(recommendation, "actions", None)  # the action plan's, when installed
                    if actions is not None and actions.exists():
                        self.problem(
                            f"review {plan.reference} has a recommendation with actions in the action plan "
                            f"(“{str(recommendation)[:60]}”) that this file leaves out. Keep it in the file, "
                            "or close its actions in the action plan first.",
                            RECOMMENDATIONS,
                        )
        if plan.changes:
            refusal = self.refusal(review)
            if refusal:
                self.problem(
                    f"review {plan.reference} is {review.get_state_display().lower()}: {refusal} "
                    "The import cannot change it; change it in the admin.",
                    REVIEWS,
                    plan.row,
                    "Reference",
                )

    def refusal(self, review):
        if self.user is None:
            return REVIEW.text("locked", review) if review.state in REVIEW.locked_states else None
        return edit_refusal(workflow=REVIEW, obj=review, user=self.user)


def _counted(noun, plural, changed, added, removed) -> list[str]:
    parts = [
        f"{n} {noun if n == 1 else plural} {verb}"
        for n, verb in ((changed, "changed"), (added, "added"), (removed, "removed"))
        if n
    ]
    return parts


def preview_build(book: Workbook, *, user=None) -> Preview:
    """What importing ``book`` would do, and every problem that stops it."""
    return Checker(book, user).run()
