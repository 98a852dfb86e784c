"""What the board publishes, and how it gets there: the tables of the review's workflow
(draft → awaiting approval → published, plus withdrawn and not for publication), of a
theme's guidance (proposed → approved onto the theme page), and of a correction to anything
published (proposed → approved onto the live rows, or rejected).

The rules (who may, four eyes, reasons, history) are those of ``reviews.workflow``.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from reviews.models import Child, KeyIssue, Lesson, PositiveFactor, Recommendation, Review, Revision, Theme
from reviews.revisions import revision_apply, revision_check
from reviews.workflow import Transition, Workflow, transition_run, workflow_of

State = Review.State
SUBMIT = "reviews.submit_review"
PUBLISH = "reviews.publish_review"


def _publication_date_fields(review):
    """Asked for on the approval page: a historic review was published long before it is entered."""
    return {
        "published_on": forms.DateField(
            label="Publication date",
            required=False,
            initial=review.published_on or timezone.localdate,
            widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
            help_text="Today for a review published now; the date it was first published for an "
            "earlier review. Left empty, today's date is used.",
        ),
        "published_precision": forms.ChoiceField(
            label="How precise is that date",
            required=False,
            choices=Review.Precision.choices,
            initial=review.published_precision,
            help_text="For a review known only to have been published in a month or a year: the page "
            "then shows “January 2017” or “2013”.",
        ),
    }


def _set_publication_date(review, *, published_on=None, published_precision=None, **_):
    if published_on is not None:
        review.published_on = published_on
    if published_precision:
        review.published_precision = published_precision
    if review.published_on is None:
        review.published_on = timezone.localdate()


# How long a published review must stay online, as other apps rule it (a statutory review: a year
# after publication). They add a rule at start-up, so that reviews imports none of them. Each rule
# takes a review and returns the date until which it must stay online, or None.
ONLINE_UNTIL_RULES = []


def online_until(review):
    """The date until which ``review`` must stay online, or ``None`` when no rule holds it."""
    dates = [until for rule in ONLINE_UNTIL_RULES if (until := rule(review))]
    until = max(dates, default=None)
    return until if until and until > timezone.localdate() else None


def _early_withdrawal_fields(review):
    until = online_until(review)
    if until is None:
        return {}
    return {
        "withdraw_early": forms.BooleanField(
            label=f"Withdraw it before {until.day} {until:%B %Y}",
            required=False,
            help_text="This review must stay online for at least a year after publication. Withdrawing "
            "it earlier needs a manager's reason in the box above.",
        )
    }


def _withdraw(review, *, reason, withdraw_early=False, **_):
    until = online_until(review)
    if until is None:
        return
    if not withdraw_early:
        raise ValidationError(
            f"This review must stay online until {until.day} {until:%B %Y}, a year after it was published. "
            "To withdraw it earlier, tick “withdraw it before” and give the reason."
        )
    review.decision_note = f"Withdrawn before {until.day} {until:%B %Y}, within its year online: {reason}"


def _public_note_fields(review):
    """Asked for when deciding not to publish: the review is not open to edits afterwards."""
    model_field = Review._meta.get_field("public_note")
    return {
        "public_note": forms.CharField(
            label="Public note (optional)",
            required=False,
            max_length=model_field.max_length,
            initial=review.public_note,
            widget=forms.Textarea(attrs={"rows": 2}),
            help_text=model_field.help_text,
        )
    }


def _record_why_not(review, *, reason, public_note=None, **_):
    review.not_for_publication_reason = reason
    if public_note is not None:  # a bulk decision asks for no note and keeps the one written
        review.public_note = public_note.strip()


def _changes(review):
    """What counts as changing a review: the review itself and everything entered inside it."""
    return [
        Review.history.filter(id=review.pk),
        *(model.history.filter(review_id=review.pk) for model in [Child, KeyIssue, PositiveFactor, Lesson]),
        Recommendation.history.filter(review_id=review.pk),
    ]


REVIEW = Workflow(
    model=Review,
    noun="review",
    open_states=(State.DRAFT, State.WITHDRAWN),
    locked_states=(State.PUBLISHED,),
    editor_permission=PUBLISH,
    texts={
        "locked": (
            "This review is published, so nobody can change it directly. A change to it is kept as "
            "a correction, which another board manager approves before the public sees it."
        ),
    },
    permission_texts={
        PUBLISH: "Only a board manager can do this.",
        SUBMIT: "Your role does not allow you to submit reviews.",
    },
    changes=_changes,
    written_fields=("published_on", "not_for_publication_reason"),
    transitions=(
        Transition(
            "submit",
            "Submit for approval",
            (State.DRAFT,),
            State.AWAITING_APPROVAL,
            SUBMIT,
            done="submitted for approval",
            submits=True,
            explain="A board manager other than you then approves it.",
        ),
        Transition(
            "publish",
            "Approve and publish",
            (State.AWAITING_APPROVAL,),
            State.PUBLISHED,
            PUBLISH,
            done="published",
            four_eyes=True,
            explain="Once approved it appears at once on the public site, in search and in newsletters.",
            apply=_set_publication_date,
            form_fields=_publication_date_fields,
        ),
        Transition(
            "return_to_draft",
            "Send back to draft",
            (State.AWAITING_APPROVAL, State.WITHDRAWN, State.NOT_FOR_PUBLICATION),
            State.DRAFT,
            PUBLISH,
            done="sent back to draft",
            needs_reason=True,
        ),
        Transition(
            "withdraw",
            "Withdraw",
            (State.PUBLISHED,),
            State.WITHDRAWN,
            PUBLISH,
            done="withdrawn",
            needs_reason=True,
            explain="Withdrawing removes it at once from every public page, search result and newsletter.",
            apply=_withdraw,
            form_fields=_early_withdrawal_fields,
        ),
        Transition(
            "not_for_publication",
            "Decide not to publish",
            (State.DRAFT, State.AWAITING_APPROVAL, State.WITHDRAWN),
            State.NOT_FOR_PUBLICATION,
            PUBLISH,
            done="marked not for publication",
            needs_reason=True,
            apply=_record_why_not,
            form_fields=_public_note_fields,
        ),
    ),
)


def review_transition(*, review: Review, name: str, by, reason: str = "", data: dict | None = None) -> Review:
    """Move ``review`` through the named step of its publication workflow on behalf of ``by``.

    ``data``: for "publish", the ``published_on`` date and its ``published_precision``.
    """
    return transition_run(workflow=REVIEW, obj=review, name=name, by=by, reason=reason, data=data)


def _guidance_changed(theme):
    if theme.proposed_guidance.strip() == theme.guidance.strip():
        return ["The proposed guidance is the same as the guidance on the theme page: change it first."]
    return []


def _guidance_approve(theme, **_):
    theme.guidance, theme.proposed_guidance = theme.proposed_guidance, ""


Guidance = Theme.GuidanceState

THEME_GUIDANCE = Workflow(
    model=Theme,
    noun="guidance",
    open_states=(Guidance.CURRENT,),
    editor_permission=PUBLISH,
    state_field="guidance_state",
    submitted_by_field="guidance_proposed_by",
    submitted_at_field="guidance_proposed_at",
    decided_by_field="guidance_decided_by",
    decided_at_field="guidance_decided_at",
    decision_note_field="guidance_decision_note",
    texts={
        "wrong_state": "This theme's guidance is {state}, so it cannot be {done}.",
        "own_submission": (
            "You proposed this guidance yourself, so another board manager must approve it. "
            "Nothing is published by one person alone."
        ),
        "editors_only": (
            "New guidance for this theme is awaiting approval, so only a board manager can change it."
        ),
    },
    permission_texts={PUBLISH: "Only a board manager can do this."},
    changes=lambda theme: [Theme.history.filter(id=theme.pk)],
    written_fields=("guidance",),
    transitions=(
        Transition(
            "propose",
            "Propose the new guidance",
            (Guidance.CURRENT,),
            Guidance.PROPOSED,
            "reviews.change_theme",
            done="proposed",
            submits=True,
            explain="A board manager other than you then approves it; until then the theme page "
            "keeps its current guidance.",
            check=_guidance_changed,
        ),
        Transition(
            "approve",
            "Approve the new guidance",
            (Guidance.PROPOSED,),
            Guidance.CURRENT,
            PUBLISH,
            done="approved",
            four_eyes=True,
            explain="The proposed guidance replaces the guidance on the theme page at once.",
            apply=_guidance_approve,
        ),
        Transition(
            "send_back",
            "Send the guidance back",
            (Guidance.PROPOSED,),
            Guidance.CURRENT,
            PUBLISH,
            done="sent back",
            needs_reason=True,
            explain="The theme page keeps its current guidance; "
            "the proposal stays for the officer to correct.",
        ),
    ),
)


def theme_guidance_transition(*, theme: Theme, name: str, by, reason: str = "") -> Theme:
    """Propose, approve or send back a theme's new guidance on behalf of ``by``."""
    return transition_run(workflow=THEME_GUIDANCE, obj=theme, name=name, by=by, reason=reason)


def _target_publisher(revision):
    """A correction is approved by whoever may approve publishing what it corrects."""
    target = workflow_of(revision.content_type.model_class())
    return next(t.permission for t in target.transitions if t.four_eyes)


def _target_editor(revision):
    content_type = revision.content_type
    return f"{content_type.app_label}.change_{content_type.model}"


Correction = Revision.State

REVISION = Workflow(
    model=Revision,
    noun="correction",
    texts={
        "own_submission": (
            "You proposed this correction yourself, so another board manager must approve it. "
            "Nothing is published by one person alone."
        ),
        "reason": "Give a reason: the person who proposed the correction reads it, and it is kept.",
    },
    transitions=(
        Transition(
            "submit",
            "Propose the correction",
            (Correction.DRAFT,),
            Correction.PENDING,
            _target_editor,
            done="proposed",
            submits=True,
        ),
        Transition(
            "approve",
            "Approve the correction",
            (Correction.PENDING,),
            Correction.APPROVED,
            _target_publisher,
            done="approved",
            four_eyes=True,
            explain="The corrected version replaces the published one at once, on every page, "
            "search result and PDF.",
            check=revision_check,
            apply=revision_apply,
        ),
        Transition(
            "reject",
            "Reject the correction",
            (Correction.PENDING,),
            Correction.REJECTED,
            _target_publisher,
            done="rejected",
            needs_reason=True,
            explain="The published version stays as it is.",
        ),
    ),
)


def revision_transition(*, revision: Revision, name: str, by, reason: str = "") -> Revision:
    """Approve or reject a correction on behalf of ``by`` (proposing is ``revision_propose``)."""
    return transition_run(workflow=REVISION, obj=revision, name=name, by=by, reason=reason)
