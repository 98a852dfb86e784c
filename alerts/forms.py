from django import forms
from django.core.exceptions import ValidationError

from reviews.models import Service, Theme


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label="Your e-mail address",
        max_length=254,
        help_text="We send a link to it: the alerts start only once you follow that link.",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Themes",
        help_text="Lessons tagged with any theme you choose.",
    )
    services = forms.ModelMultipleChoiceField(
        queryset=Service.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Your service",
        help_text="Lessons for any service you choose. With themes too, you get lessons on one of your "
        "themes for one of your services.",
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("themes") and not cleaned.get("services"):
            raise ValidationError("Choose at least one theme or service.", code="nothing_chosen")
        return cleaned
