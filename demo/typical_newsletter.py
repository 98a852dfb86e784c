"""A newsletter of three reviews about the size of a typical four-page board newsletter.

Used by ``manage.py bench_pdf`` to time the PDF, and by the tests that pin the PDF's layout. The cases are
invented and written for this project; only their shape (how many key issues, positive
factors and lessons, how long each is) follows real published newsletters.
"""

import datetime

from briefings.services import newsletter_create
from reviews.models import BoardProfile, OwnerGroup
from reviews.services import review_import

BOARD = {
    "name": "Westmere Safeguarding Children Partnership",
    "short_name": "WSCP",
    "address": "Business Unit\nTown Hall, Bridge Street\nWestmere WM1 1ZZ",
    "telephone": "01632 960 111",
    "email": "learning@westmere-scp.example",
    "website": "https://westmere-scp.example",
    "chair": "Jordan Example",
}

# Review titles are kept short so that each fits on one line of "What's inside".
AMBER = {
    "reference": "BENCH-01",
    "slug": "bench-amber",
    "title": "Amber: neglect seen but not named",
    "summary": (
        "Amber, aged 6, and her younger brother were found by police at home late at night, hungry, "
        "unwashed and alone, after their mother had called a helpline saying she could not cope. It was "
        "the second call in two nights.\n\n"
        "Several agencies had known the family for years. None had described what they saw as neglect "
        "serious enough to need a multi-agency response, although each held part of the picture."
    ),
    "children": [
        {"pseudonym": "Amber", "age_years": 6, "outcome": "serious_harm", "known_to_social_care": True},
        {"pseudonym": "Amber's brother", "age_years": 3, "outcome": "serious_harm"},
    ],
    "key_issues": [
        "Agencies lacked a shared understanding of neglect: how to recognise it, how to judge whether "
        "improvements would last, and when to act because a child's development was being harmed.",
        "Poor school attendance and missed dental appointments were each handled as a single issue, and "
        "no one asked what they said together about the care Amber was receiving.",
        "Severe tooth decay in a young child was not recognised as a possible sign of neglect by the "
        "dental practice or the GP surgery, despite repeated failed appointments.",
        "Amber often seemed cheerful in school, which made it harder for staff to believe that she was "
        "suffering significant harm at home.",
        "An early help assessment completed by the attendance service was not known to other agencies, "
        "who had not checked the shared record where it was held.",
        "Work with the family aimed at single changes, such as better attendance, rather than lasting "
        "improvement in the children's daily lives.",
        "Moves of house and of nursery were not explored, so their significance was never analysed.",
        "An initial assessment when Amber was a baby was not followed up, and later requests from her "
        "mother for emergency money did not prompt a new assessment.",
        "The midwife's concerns before Amber's birth were recorded but never acted on by anyone else.",
        "Little effort was made to understand daily life from Amber's point of view.",
        "Practitioners were unsure how to tell whether family support was making a difference that "
        "would last once the support ended.",
    ],
    "positive_factors": [
        "Police, paramedics and children's social care worked well together on the night the children "
        "were taken into police protection.",
        "The police officers' and paramedics' careful descriptions of the home helped later planning to "
        "keep the children safe in foster care.",
        "The midwife identified the family's vulnerability before Amber was born.",
        "The attendance team improved Amber's attendance, and school staff were a reliable, supportive "
        "presence for the children and their mother.",
        "The family support team helped establish routines at home when it was involved earlier on.",
    ],
    "lessons": [
        "There is a need for timely, proportionate intervention in cases of neglect.",
        "There is a need for young, vulnerable parents to be supported to bring up their children.",
        "There is a need for GPs and dentists to play a full part in inter-agency child protection work.",
        "There is a need for information to be shared within the early help framework.",
        "There is a need for audit trails that show whether help given to a family made a difference.",
        "There is a need for male carers to be identified and included in every assessment.",
    ],
    "recommendations": [
        {
            "owner": "All agencies",
            "text": "Use the neglect toolkit in every case where neglect is suspected.",
        },
        {
            "owner": "Health",
            "text": "Issue guidance to dental practices on children not brought to appointments.",
        },
    ],
}

ELLIS = {
    "reference": "BENCH-02",
    "slug": "bench-ellis",
    "title": "Ellis: harm in a foster placement",
    "summary": (
        "Ellis was a looked-after young person. While living in a foster placement he sexually harmed "
        "another young person and was later convicted.\n\n"
        "The review asked how closely he was supervised in the placement, how well agencies worked "
        "together, how information was shared, and whether the risk he posed was identified and managed.\n\n"
        "Ellis is now in a secure setting and receiving treatment."
    ),
    "children": [{"pseudonym": "Ellis", "age_years": 15, "outcome": "other", "looked_after": True}],
    "key_issues": [
        "The level of supervision provided in the placement, and the level he needed.",
        "How well the agencies involved understood the risk Ellis posed to others in the community.",
        "What the foster carers were told about Ellis's background and the risk he presented.",
        "Factors in Ellis's history, known to agencies, that should have shaped the choice of placement.",
        "How the local authority, as commissioner, monitored the independent fostering agency.",
        "Whether other children placed with the same carers were safe.",
    ],
    "positive_factors": [
        "In the early years the GP and health visitor shared information well, and the school nurse took "
        "responsibility for keeping school staff informed.",
        "Staff recognised that Ellis's parents might struggle with the special educational needs process "
        "and visited them at home to explain it.",
        "The therapeutic centre shared information about its work with Ellis regularly and in writing.",
        "The officer who dealt with the first incident ensured a formal caution was given, so that any "
        "later offence would be seen in context.",
        "The family support worker understood the family's needs and responded to them.",
    ],
    "lessons": [
        "There is a need for assessments informed by history, other agencies' information and research.",
        "There is a need for proper contracts when specialist services are commissioned from other agencies.",
        "There is a need to advise carers what they may be told about a young person who may pose a risk.",
        "There is a need to follow the guidance on working with parents who have a learning disability.",
        "There is a need for plans for looked-after young people to be evidence based and multi-agency.",
        "There is a need to record the purpose of each visit and whether the child was seen alone.",
        "There is a need to keep to the procedures for reviewing looked-after children.",
        "There is a need to remind all professionals regularly of the multi-agency procedures.",
        "There is a need for an experienced social worker to assess when sexual abuse is a feature.",
        "There is a need to understand the risks posed by young people who sexually harm.",
        "There is a need for regular, reflective supervision.",
    ],
    "recommendations": [
        {"owner": "Commissioners", "text": "Review how independent fostering placements are monitored."},
        {
            "owner": "Learning and Improvement Group",
            "text": "Offer training on young people who sexually harm.",
        },
    ],
}

JAY = {
    "reference": "BENCH-03",
    "slug": "bench-jay",
    "title": "Jay: a baby whose risks were not joined up",
    "summary": (
        "Jay was a very young baby. At the time of his birth several things should have made "
        "professionals concerned about how vulnerable he was.\n\n"
        "* a young parent with past mental health difficulties;\n"
        "* complications at the birth;\n"
        "* violence in the wider family;\n"
        "* no settled home."
    ),
    "children": [
        {"pseudonym": "Jay", "age_years": 0, "outcome": "serious_harm", "known_to_social_care": True}
    ],
    "key_issues": [
        "Several agencies were involved throughout, so there were chances to intervene.",
        "The family were not lost to services, but there was no coordinated multi-agency assessment.",
        "The early help assessment was not used to pool information and agree actions.",
        "Housing difficulties were treated separately from concerns about the baby.",
        "Concerns about a relative's behaviour were not linked to the risk to the baby.",
        "Changes of worker and manager weakened the focus on risk.",
    ],
    "positive_factors": [
        "There was good liaison at several points: housing staff pursued contact with social care.",
        "The school nurse raised the first concerns.",
        "Early health visitor involvement was appropriate.",
    ],
    "lessons": [
        "Assessments need to be thorough and multi-agency, especially where a very young child is involved.",
        "The early help assessment should be used as early as possible to share concerns between agencies.",
        "Staff need support to challenge decisions made by other agencies.",
        "Closing a case should always involve discussion with the other agencies involved.",
        "Timescales for assessments and enquiries need to be consistent and follow procedures.",
        "Medical assessment is needed for very young children where there are child protection concerns.",
        "Agencies need to focus on the vulnerability of very young children in families they work with.",
        "Agencies working with complex families need to share case records at meetings with a clear purpose.",
        "Risk needs managing between the strategy meeting and the child protection conference.",
        "A clear focus on risk is needed when workers or managers change.",
        "Over-optimism about parents needs to be challenged.",
        "Future reviews should consider the records of other relevant family members.",
    ],
    "recommendations": [
        {"owner": "Policies and Procedures Group", "text": "Update the procedure for closing cases."},
        {"owner": "All agencies", "text": "Include very young siblings in every assessment of a family."},
    ],
}

INTRODUCTION = (
    "Boards learn from cases where a child died or was seriously harmed, and from cases where "
    "agencies could have worked together better. This issue summarises three local reviews.\n\n"
    "Nationally, each review may involve more than one child, and most of the children were already "
    "known to children's social care. Many were receiving help as children in need, and some were "
    "subject to a child protection plan.\n\n"
    "Please share the learning with all your staff and discuss it in team meetings."
)


def _review_data(data: dict) -> dict:
    child = data["children"][0]["pseudonym"] if len(data["children"]) > 1 else None
    return {
        "kind": "management",
        "method": "Facilitated discussion with practitioners",
        "state": "published",
        "visibility": "public",
        "commissioned_on": "2013-01-07",
        "completed_on": "2013-09-30",
        "published_on": "2013-11-04",
        **data,
        "key_issues": [{"text": text, "child": child} for text in data["key_issues"]],
        "positive_factors": [{"text": text} for text in data["positive_factors"]],
        "lessons": [{"text": text} for text in data["lessons"]],
    }


def typical_newsletter_create(*, slug="bench-newsletter"):
    """Create the board profile (if none), the three reviews and a draft newsletter of them."""
    if not BoardProfile.objects.exists():
        profile = BoardProfile(**BOARD)
        profile.full_clean()
        profile.save()
    for data in (AMBER, ELLIS, JAY):
        for recommendation in data["recommendations"]:
            OwnerGroup.objects.get_or_create(name=recommendation["owner"])
        review_import(data=_review_data(data))
    newsletter, _ = newsletter_create(
        data={
            "slug": slug,
            "kind": "newsletter",
            "title": "Learning from local case reviews",
            "issue_date": datetime.date(2013, 12, 2),
            "introduction": INTRODUCTION,
            "closing_message": "Safeguarding children is everyone's responsibility.",
        },
        review_references=[AMBER["reference"], ELLIS["reference"], JAY["reference"]],
    )
    return newsletter


REVIEW_TITLES = [AMBER["title"], ELLIS["title"], JAY["title"]]
