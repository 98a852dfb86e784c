"""Admin forms that make entering a review quick: findings name their child by pseudonym and
their practice area by name (also a child or an area added in the same save), and new rows of an
ordered list go after the existing ones."""

from django import forms
from django.utils.html import format_html, format_html_join

from reviews.models import Child, PracticeArea, Review

ORDER_STEP = 10


class PseudonymInput(forms.TextInput):
    """A text box that suggests the review's saved children (or areas) as the officer types."""

    def __init__(self, names=(), attrs=None, suffix="children"):
        super().__init__(attrs={"size": 12, **(attrs or {})})
        self.names = list(names)
        self.suffix = suffix

    def render(self, name, value, attrs=None, renderer=None):
        box_id = (attrs or {}).get("id", name)
        attrs = {**(attrs or {}), "list": f"{box_id}-{self.suffix}", "autocomplete": "off"}
        box = super().render(name, value, attrs, renderer)
        options = format_html_join("", '<option value="{}">', ((n,) for n in self.names))
        return format_html('{}<datalist id="{}">{}</datalist>', box, attrs["list"], options)


def pseudonyms_on_page(data, prefix="children", field="pseudonym") -> set[str] | None:
    """The children (or with ``prefix`` and ``field``, the practice areas) the submitted page will
    leave the review with, by folded name, or None when the page has no such list."""
    try:
        total = int(data.get(f"{prefix}-TOTAL_FORMS", ""))
    except ValueError:
        return None
    names = set()
    for i in range(min(total, 1000)):
        name = (data.get(f"{prefix}-{i}-{field}") or "").strip()
        if name and not data.get(f"{prefix}-{i}-DELETE"):
            names.add(name.casefold())
    return names


class NextOrderForm(forms.ModelForm):
    """``order`` may be left empty on a new row: the row then goes after the existing ones."""

    order = forms.IntegerField(
        required=False,
        min_value=0,
        max_value=32767,
        widget=forms.NumberInput(attrs={"style": "width: 4.5em"}),
        help_text="Lower numbers come first. Leave empty to put it last.",
    )

    def clean_order(self):
        order = self.cleaned_data.get("order")
        self.order_pending = order is None
        # A placeholder until the formset numbers the row (see ``next_order_assign``).
        return 0 if order is None else order


def next_order_assign(formset):
    """Number the rows left without an order after every other row, in the order of the page."""
    # Every row the page keeps, saved or new, with the order it shows now: the page, not the
    # database, says where the last row is.
    kept = [
        f for f in formset.forms if getattr(f, "cleaned_data", None) and not formset._should_delete_form(f)
    ]
    pending = [f for f in kept if f.has_changed() and getattr(f, "order_pending", False)]
    if not pending:
        return
    numbered = [f.cleaned_data.get("order") or 0 for f in kept if f not in pending]
    top = max(numbered, default=0)
    for form in pending:
        top += ORDER_STEP
        form.instance.order = top


AREA_HELP = (
    "Optional row of the good practice / learning points table: the name of one of this review's "
    "practice areas, also one added above in this save. Give the positive factor and the lesson "
    "that belong together the same area."
)


class FindingForm(NextOrderForm):
    """A finding names its child by pseudonym and its practice area by name: one of the review's,
    saved or added on the same page. ``review``, ``names_on_page`` and ``areas_on_page`` are set
    per request (``finding_form_for``)."""

    review = None
    typed_by_name = ("child", "practice_area")  # relations typed as a name, not chosen by number
    names_on_page = None  # folded pseudonyms submitted in the children list, or None
    areas_on_page = None  # folded names submitted in the practice areas list, or None
    # Rows shown as blocks repeat every help text; the first block keeps them, the rest are shorter.
    help_once = False

    child = forms.CharField(
        required=False,
        max_length=100,
        help_text="The child's pseudonym, also of a child added on this page. Empty: the whole review.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.child_pending = ""
        self.practice_area_pending = ""
        saved = self._saved_children()
        self.fields["child"].widget = PseudonymInput(names=[c.pseudonym for c in saved])
        if self.instance.child_id:
            self.initial["child"] = self.instance.child.pseudonym
        if "practice_area" in self.fields:
            # Typed, not chosen from a list: a list could offer only the areas saved before this page.
            areas = [area.name for area in self._saved_areas()]
            self.fields["practice_area"] = forms.CharField(
                label="Practice area",
                required=False,
                max_length=120,
                help_text=AREA_HELP,
                widget=PseudonymInput(names=areas, suffix="areas"),
            )
            if self.instance.practice_area_id:
                self.initial["practice_area"] = self.instance.practice_area.name
        if self.help_once and self.prefix and not self.prefix.endswith("-0"):
            for field in self.fields.values():
                field.help_text = ""

    def _saved_children(self):
        if self.review is None or self.review.pk is None:
            return []
        if not hasattr(type(self), "_children_cache"):
            type(self)._children_cache = list(
                Child.objects.filter(review=self.review).order_by("order", "id")
            )
        return type(self)._children_cache

    def _saved_areas(self):
        if self.review is None or self.review.pk is None:
            return []
        if not hasattr(type(self), "_areas_cache"):
            type(self)._areas_cache = list(PracticeArea.objects.filter(review=self.review))
        return type(self)._areas_cache

    def clean_practice_area(self):
        name = (self.cleaned_data.get("practice_area") or "").strip()
        if not name:
            return None
        saved = {area.name.casefold(): area for area in self._saved_areas()}
        if self.instance.practice_area_id and name == self.initial.get("practice_area"):
            return self.instance.practice_area  # unchanged, even if the area is renamed on this page
        if name.casefold() in saved:
            return saved[name.casefold()]
        if name.casefold() in (self.areas_on_page or ()):
            self.practice_area_pending = name  # added on this page: found once the areas are saved
            return None
        by_number = {str(area.pk): area for area in self._saved_areas()}
        if name in by_number:
            return by_number[name]  # a page that still sends the area's number
        raise forms.ValidationError(
            f"There is no practice area called “{name}” in this review. Add it under Practice areas "
            "on this page, or check the spelling."
        )

    def clean_child(self):
        name = (self.cleaned_data.get("child") or "").strip()
        if not name:
            return None
        if self.instance.child_id and name == self.initial.get("child"):
            return self.instance.child  # unchanged, even if the child is renamed on this page
        saved = {c.pseudonym.casefold(): c for c in self._saved_children()}
        on_page = self.names_on_page if self.names_on_page is not None else set(saved)
        if name.casefold() not in on_page:
            raise forms.ValidationError(
                f"There is no child called “{name}” in this review. Add them under Children on this "
                "page, or check the spelling."
            )
        if name.casefold() in saved:
            return saved[name.casefold()]
        self.child_pending = name  # added on this page: found once the children are saved
        return None

    def save(self, commit=True):
        if self.child_pending:
            self.instance.child = Child.objects.filter(
                review=self.instance.review, pseudonym__iexact=self.child_pending
            ).first()
        if self.practice_area_pending:
            self.instance.practice_area = PracticeArea.objects.filter(
                review=self.instance.review, name__iexact=self.practice_area_pending
            ).first()
        return super().save(commit)


def finding_form_for(base, *, review, data, help_once=False):
    """The finding form for one request: knows the review and the children the page submits."""
    names = pseudonyms_on_page(data) if data else None
    areas = pseudonyms_on_page(data, prefix="practice_areas", field="name") if data else None
    return type(
        base.__name__,
        (base,),
        {"review": review, "names_on_page": names, "areas_on_page": areas, "help_once": help_once},
    )


REFERENCE_PREFIXES = {
    "scr": "SCR",
    "management": "MR",
    "practice": "PR",
    "thematic": "TR",
    "rapid": "RR",
    "lcspr": "LCSPR",
}


def reference_suggest(*, kind: str, year: int) -> str:
    """The next free reference for a kind of review and a year, e.g. “LCSPR-2026-03”."""
    prefix = f"{REFERENCE_PREFIXES.get(kind, (kind or 'REV').upper())}-{year}-"
    taken = Review.objects.filter(reference__istartswith=prefix).values_list("reference", flat=True)
    numbers = [int(ref[len(prefix) :]) for ref in taken if ref[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:02d}"


class PracticeAreaFormSet(forms.BaseInlineFormSet):
    """Two areas of one name would split a row of the table; the database would refuse the second."""

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or self._should_delete_form(form):
                continue
            name = (form.cleaned_data.get("name") or "").strip().casefold()
            if name and name in seen:
                form.add_error("name", "This review already has a practice area with that name.")
            seen.add(name)


class DataEntryAdminMixin:
    """For a ModelAdmin with ordered inlines: rows left without a number go last, and the error
    summary counts the messages shown, not the fields that have any."""

    def save_formset(self, request, form, formset, change):
        if issubclass(formset.form, NextOrderForm):
            next_order_assign(formset)
        super().save_formset(request, form, formset, change)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if context.get("errors"):
            context["errors"] = [message for messages in context["errors"] for message in messages]
        return super().render_change_form(request, context, add, change, form_url, obj)
