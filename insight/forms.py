from django import forms

FIRST_YEAR, LAST_YEAR = 1900, 2200
YEAR_MESSAGE = "Enter a year as four digits, for example 2019."


class YearField(forms.IntegerField):
    def __init__(self, label):
        super().__init__(
            label=label,
            required=False,
            min_value=FIRST_YEAR,
            max_value=LAST_YEAR,
            error_messages={"invalid": YEAR_MESSAGE, "min_value": YEAR_MESSAGE, "max_value": YEAR_MESSAGE},
            # A text box, not a number spinner: what was typed, even "20l9", is shown back as typed.
            widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 6}),
        )


class YearRangeForm(forms.Form):
    """The years to count (``?from=2019&to=2023``); either end may be left open."""

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        # "from" is a Python keyword, so these fields are named here rather than as attributes.
        self.fields["from"] = YearField("From year")
        self.fields["to"] = YearField("To year")

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("from"), cleaned.get("to")
        if first is not None and last is not None and first > last:
            raise forms.ValidationError(
                f"The first year ({first}) is after the last ({last}): swap them to see {last} to {first}.",
                code="reversed",
            )
        return cleaned

    def years(self) -> tuple[int | None, int | None]:
        """The years to count; every year when what was typed cannot be used."""
        if not self.is_valid():
            return None, None
        return self.cleaned_data.get("from"), self.cleaned_data.get("to")

    def query(self) -> str:
        """The chosen years as a query string, for the CSV links."""
        first, last = self.years()
        parts = [f"from={first}" if first else "", f"to={last}" if last else ""]
        return "&".join(part for part in parts if part)
