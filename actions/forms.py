from django import forms

from actions.models import Action, Dissemination, ProgressUpdate
from reviews.models import OwnerGroup

DUE_WINDOWS = [
    ("", "Any time"),
    ("overdue", "Overdue"),
    ("14", "Due within 14 days"),
    ("30", "Due within 30 days"),
    ("90", "Due within 90 days"),
]
OPEN = "open"
STATES = [(OPEN, "Every open action"), ("", "Every action"), *Action.State.choices]


class PlanFilterForm(forms.Form):
    """The filters of the board's plan; the same filters shape its XLSX and PDF exports."""

    # Typed, not chosen from a list: a national plan has thousands of reviews.
    review = forms.CharField(
        required=False,
        max_length=200,
        help_text="Its reference, or words of its title.",
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    owner = forms.ModelChoiceField(
        OwnerGroup.objects.filter(pk__in=Action.objects.values("owner_group_id")).order_by("name"),
        required=False,
        empty_label="Every owner",
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    state = forms.ChoiceField(
        choices=STATES, required=False, initial=OPEN, widget=forms.Select(attrs={"class": "form-select"})
    )
    due = forms.ChoiceField(
        label="Due", choices=DUE_WINDOWS, required=False, widget=forms.Select(attrs={"class": "form-select"})
    )

    def clean_review(self):
        return self.cleaned_data["review"].strip()


class ProgressUpdateForm(forms.ModelForm):
    class Meta:
        model = ProgressUpdate
        fields = ["written_on", "note", "link", "evidence"]
        widgets = {
            "written_on": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
            "note": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {"note": "What was done since the last update, and what it shows."}


class DisseminationForm(forms.ModelForm):
    class Meta:
        model = Dissemination
        fields = ["agency", "team", "discussed_on", "staff_count", "changes"]
        widgets = {
            "discussed_on": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
            "changes": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"changes": "What your team agreed to do differently after discussing the briefing."}

    def clean_discussed_on(self):
        import datetime

        day = self.cleaned_data["discussed_on"]
        if day > datetime.date.today():
            raise forms.ValidationError(
                "The date cannot be in the future: record the discussion once it has happened."
            )
        return day
