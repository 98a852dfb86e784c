"""Realistic synthetic reviews for scale and speed testing.

Sentences are put together from the vocabulary of real reviews, so full-text search,
facets and PDFs meet text of a realistic length and variety. Never used for demo content.
"""

import datetime
import random

from reviews.models import Review

OPENINGS = [
    "There is a need for", "Practitioners should ensure", "Agencies must strengthen",
    "Managers need to secure", "The review found a need for", "Staff should be supported to achieve",
]  # fmt: skip
SUBJECTS = [
    "timely multi-agency assessment", "robust information sharing", "professional curiosity",
    "clear escalation when concerns persist", "reflective supervision", "a named lead professional",
    "the voice of the child in every record", "follow through after a referral",
    "consideration of fathers and male carers", "challenge to the rule of optimism",
    "planned discharge from hospital", "safe sleeping advice at every contact",
    "attention to repeated missed health appointments", "out-of-hours cover at weekends",
    "assessment of parental capacity", "early help before concerns escalate",
    "understanding of adolescent risk and exploitation", "careful transition to adult services",
    "checks on connected-person carers", "recording when children are seen alone",
]  # fmt: skip
CONTEXTS = [
    "where neglect is long-standing", "when a parent misuses alcohol or drugs",
    "in families affected by domestic abuse", "when a parent's mental health deteriorates",
    "for disabled children with complex health needs", "for looked-after children placed out of area",
    "when a young person goes missing", "after school attendance falls",
    "when dental decay is severe", "in large families with many agencies involved",
    "during bank holidays and weekends", "when a baby is discharged from a neonatal unit",
]  # fmt: skip
SUMMARY_PARTS = [
    "The child was known to several agencies over a number of years.",
    "Concerns about home conditions were raised by the school and the health visitor.",
    "There was a history of domestic abuse and parental substance misuse.",
    "A referral to children's social care was made but not followed through.",
    "The family moved house several times, and records did not move with them.",
    "The child was not brought to a series of health appointments.",
    "Professionals were reassured by the parents' apparent co-operation.",
    "The young person had been reported missing on several occasions.",
    "An assessment was started but closed without a multi-agency discussion.",
    "The injuries were found at a weekend, when usual services were closed.",
]  # fmt: skip
PSEUDONYMS = [f"Child {letter}" for letter in "ABCDEFGHJKLMNPQRSTUVWXYZ"]


def sentence(rng: random.Random) -> str:
    return f"{rng.choice(OPENINGS)} {rng.choice(SUBJECTS)} {rng.choice(CONTEXTS)}."


def summary(rng: random.Random) -> str:
    return " ".join(rng.sample(SUMMARY_PARTS, 4)) + "\n\n" + " ".join(rng.sample(SUMMARY_PARTS, 3))


def review_fields(rng: random.Random, number: int) -> dict:
    roll = rng.random()
    if roll < 0.85:
        state, visibility = Review.State.PUBLISHED, Review.Visibility.PUBLIC
    elif roll < 0.93:
        state, visibility = Review.State.PUBLISHED, Review.Visibility.PARTNERS
    else:
        state = rng.choice([s for s in Review.State if s != Review.State.PUBLISHED])
        visibility = Review.Visibility.PUBLIC
    commissioned = datetime.date(2010, 1, 1) + datetime.timedelta(days=rng.randrange(0, 5800))
    completed = commissioned + datetime.timedelta(days=rng.randrange(60, 400))
    kind = rng.choice(Review.Kind.values)
    child = rng.choice(PSEUDONYMS)
    return {
        "reference": f"GEN-{number:06d}",
        "slug": f"gen-{number:06d}",
        "title": f"{child}: {Review.Kind(kind).label.lower()} {completed.year}",
        "kind": kind,
        "method": rng.choice(
            ["SCIE Learning Together", "Facilitated discussion", "Significant incident learning"]
        ),
        "commissioned_on": commissioned,
        "completed_on": completed,
        "published_on": completed + datetime.timedelta(days=60) if state != Review.State.DRAFT else None,
        "period_start": commissioned - datetime.timedelta(days=rng.randrange(180, 1500)),
        "period_end": commissioned,
        "summary": summary(rng),
        "why_it_matters": sentence(rng),
        "state": state,
        "visibility": visibility,
        "not_for_publication_reason": "The board decided not to publish, to protect the child's sibling."
        if state == Review.State.NOT_FOR_PUBLICATION
        else "",
    }


# What the synthetic action plans hold: most actions under way, some overdue, a few closed.
ACTION_STATES = ["not_started"] * 3 + ["in_progress"] * 5 + ["completed", "signed_off"]
ACTION_VERBS = ["Audit", "Train", "Revise", "Brief", "Review", "Agree"]


def action_fields(rng: random.Random, today) -> dict:
    """One synthetic action (without its recommendation, owner or lead): dates a year either side."""
    state = rng.choice(ACTION_STATES)
    fields = {
        "text": f"{rng.choice(ACTION_VERBS)}: {sentence(rng)}",
        "target_date": today + datetime.timedelta(days=rng.randrange(-365, 365)),
        "state": state,
        "at_risk": state == "in_progress" and rng.random() < 0.1,
    }
    if state == "signed_off":
        fields["outcome"] = sentence(rng)
    return fields


def action_lead():
    """The one lead of every synthetic action: an account that cannot sign in."""
    from accounts.models import User

    lead, created = User.objects.get_or_create(
        email="synthetic.lead@example.org", defaults={"first_name": "Synthetic", "last_name": "Lead"}
    )
    if created:
        lead.set_unusable_password()
        lead.save()
    return lead
