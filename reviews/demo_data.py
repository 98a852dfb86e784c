"""Demo content: a fictional board and eleven case reviews to show the system working.

Everything here is invented and written in the project's own words, modelled on the kinds of
case seen in published board briefings. The board, its contact details and its chair are
fictional (the telephone number is in Ofcom's drama range and the domains end in .example).
Children are known only by pseudonyms; no real child, family, practitioner or board is described.

The reviews cover every kind and every state, including a partner-only review, a review the
board decided not to publish (it must never be shown publicly), one awaiting approval, one
withdrawn after publication and a draft rapid review. Theme, service and owner names match
reviews/vocabulary.py exactly; each finding's "child" is a pseudonym from the same review.
"""

BOARD = {
    "name": "Northshire Safeguarding Children Partnership",
    "short_name": "NSCP",
    "address": "Learning and Improvement Team\nCivic Centre, Market Street\nNorthbridge\nNorthshire NB1 2ZZ",
    "telephone": "01632 960 000",
    "email": "learning@northshire-scp.example",
    "website": "https://northshire-scp.example",
    "chair": "Dr Rosalind Fairweather",
}

REVIEWS = [
    {
        "reference": "MR-2014-01",
        "slug": "child-m-management-review",
        "title": "Child M: a teenager at risk from gang involvement",
        "kind": "management",
        "method": "Facilitated discussion with practitioners and managers, informed by agency chronologies",
        "commissioned_on": "2013-09-02",
        "completed_on": "2014-03-14",
        "published_on": "2014-05-01",
        "period_start": "2012-01-01",
        "period_end": "2013-08-31",
        "state": "published",
        "visibility": "public",
        "not_for_publication_reason": "",
        "summary": (
            "Child M was a 15-year-old boy well known to local services. Over about eighteen months, "
            "concern grew about his disruptive behaviour at school, overnight absences from home and "
            "arrests for offences committed alongside older young men believed to belong to a local gang.\n"
            "\n"
            "At home there was a long history of parental drug and alcohol misuse, and the police had been "
            "called several times to domestic abuse between his mother and her partner. Child M spent more "
            "and more nights sofa-surfing with friends, and a request that he be accommodated was never "
            "progressed.\n\n"
            "Child M was found with life-threatening injuries after an assault in a park and was taken "
            "straight to hospital, where he survived.\n\n"
            "* Most referrals were about his offending rather than his safety.\n"
            "* Each agency held part of the picture, and no one brought it together.\n"
            "* Because he was nearly 16, several professionals treated his refusal of help as a free choice."
        ),
        "why_it_matters": (
            "Young people drawn into gangs are often seen as offenders rather than as children at risk of "
            "exploitation. This review shows how a teenager's age and behaviour can lead professionals to "
            "lower their guard just when the danger to him is greatest."
        ),
        "report_url": "",
        "themes": [
            "Criminal exploitation and gangs",
            "Adolescent risk",
            "Parental substance misuse",
            "Domestic abuse",
            "Multi-agency working and the lead professional",
            "Assessment quality",
        ],
        "services": [
            "Children's social care",
            "Police",
            "Youth justice",
            "Schools and education",
            "Drug and alcohol services",
            "Hospitals and emergency departments",
            "Housing",
        ],
        "children": [
            {
                "pseudonym": "Child M",
                "age_years": 15,
                "age_band": "10_15",
                "sex": "male",
                "outcome": "serious_harm",
                "outcome_detail": "life-threatening injuries after an assault",
                "known_to_social_care": True,
                "child_in_need": True,
                "child_protection_plan": False,
                "looked_after": False,
            },
        ],
        "key_issues": [
            {
                "text": (
                    "Child M's behaviour was recorded as anti-social or criminal. Professionals rarely "
                    "asked whether older gang members were grooming, pressuring or exploiting him."
                ),
                "child": "Child M",
            },
            {
                "text": (
                    "Information about his missing nights, new associates and unexplained money and clothes "
                    "was held separately by the police, the school and the youth justice service and was "
                    "never pooled."
                ),
                "child": "Child M",
            },
            {
                "text": (
                    "Assessments looked at Child M on his own. The effect of his mother's drug use and the "
                    "domestic abuse at home was not analysed alongside his own risk-taking."
                ),
                "child": "Child M",
            },
            {
                "text": (
                    "As he approached 16, his refusal of help was accepted as his choice, and the duty to "
                    "safeguard him as a child under 18 was lost sight of."
                ),
                "child": "Child M",
            },
            {
                "text": (
                    "When he was sleeping away from home, nobody assessed where he was staying or whether "
                    "he should be accommodated; he was given housing advice instead of a children's social "
                    "care assessment."
                ),
                "child": "Child M",
            },
            {
                "text": (
                    "The parents' refusal to engage with drug services and support was not escalated to a "
                    "multi-agency professionals meeting."
                ),
                "child": None,
            },
        ],
        "positive_factors": [
            {
                "text": (
                    "The school's pastoral lead kept in regular contact with Child M and was the adult he "
                    "trusted most; her referrals were detailed and well evidenced."
                ),
                "child": "Child M",
                "practice_area": "",
            },
            {
                "text": (
                    "Police officers attending domestic incidents consistently recorded that a child was in "
                    "the household and notified children's social care."
                ),
                "child": None,
                "practice_area": "",
            },
            {
                "text": (
                    "Ambulance and emergency department staff acted quickly, made an immediate safeguarding "
                    "referral and worked with the police on a safe plan for his discharge from hospital."
                ),
                "child": "Child M",
                "practice_area": "",
            },
        ],
        "lessons": [
            {
                "text": (
                    "There is a need for practitioners to understand that adolescent risk-taking may be "
                    "shaped by exploitation, and to manage a young person's risk and vulnerability together "
                    "rather than treating behaviour as a lifestyle choice."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Adolescent risk", "Criminal exploitation and gangs"],
                "services": ["Children's social care", "Police", "Youth justice", "Schools and education"],
            },
            {
                "text": (
                    "There is a need for every professional to remember that a young person is a child "
                    "until their 18th birthday, and that the duty to safeguard does not lessen because they "
                    "seem streetwise or refuse help."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Adolescent risk", "Voice of the child"],
                "services": ["Children's social care", "Police", "Youth justice", "Housing"],
            },
            {
                "text": (
                    "There is a need for an integrated, whole-family approach in which a young person's "
                    "risks outside the home are considered alongside parental substance misuse and domestic "
                    "abuse inside it."
                ),
                "child": None,
                "practice_area": "",
                "themes": [
                    "Multi-agency working and the lead professional",
                    "Parental substance misuse",
                    "Domestic abuse",
                ],
                "services": ["Children's social care", "Drug and alcohol services", "Police"],
            },
            {
                "text": (
                    "There is a need for all staff to understand how domestic abuse, parental substance "
                    "misuse and parental mental ill health undermine the care a child receives, in "
                    "adolescence as much as in early childhood."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Toxic trio", "Domestic abuse"],
                "services": [
                    "Children's social care",
                    "Drug and alcohol services",
                    "Adult mental health",
                    "Schools and education",
                ],
            },
            {
                "text": (
                    "There is a need for clear assessment of the accommodation needs of vulnerable, "
                    "high-risk young people who are sleeping away from home, including whether they should "
                    "be looked after."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Adolescent risk", "Assessment quality"],
                "services": ["Children's social care", "Housing"],
            },
            {
                "text": (
                    "There is a need for practitioners to know how young people are groomed into crime "
                    "(gifts, debts, status and threats) and the signs that a young person is carrying "
                    "drugs, weapons or cash for others."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Criminal exploitation and gangs", "Professional curiosity"],
                "services": ["Police", "Schools and education", "Youth justice", "Children's social care"],
            },
        ],
        "recommendations": [
            {
                "text": (
                    "Deliver multi-agency training on adolescent risk, gang association and the grooming of "
                    "young people into criminal activity."
                ),
                "owner": "Learning and Improvement Group",
                "child": None,
                "target_date": "2014-12-31",
                "status": "complete",
                "outcome": (
                    "Six half-day sessions ran between September and December 2014 for 148 practitioners; "
                    "evaluations showed greater confidence in recognising criminal exploitation."
                ),
            },
            {
                "text": (
                    "Set up a regular meeting to share information about young people at risk of gang "
                    "involvement between the police, youth justice, schools and children's social care."
                ),
                "owner": "Police",
                "child": None,
                "target_date": "2014-10-31",
                "status": "complete",
                "outcome": (
                    "A fortnightly exploitation risk meeting, jointly chaired by police and children's "
                    "social care, has run since November 2014."
                ),
            },
            {
                "text": (
                    "Amend the procedure for young people who are homeless or sleeping away from home, so "
                    "that a children's social care assessment is considered before housing advice is given."
                ),
                "owner": "Policies and Procedures Group",
                "child": None,
                "target_date": "2014-09-30",
                "status": "complete",
                "outcome": (
                    "The joint housing and children's social care protocol for homeless 16 and 17-year-olds "
                    "was reissued in October 2014."
                ),
            },
            {
                "text": (
                    "Make sure supervision of work with teenagers asks explicitly whether the young "
                    "person's age is influencing decisions about risk."
                ),
                "owner": "All agencies",
                "child": None,
                "target_date": "2015-03-31",
                "status": "at_risk",
                "outcome": "",
            },
        ],
    },
    {
        "reference": "MR-2014-02",
        "slug": "child-l-management-review",
        "title": "Child L: neonatal discharge and care by a relative",
        "kind": "management",
        "method": "Facilitated discussion with practitioners, agency chronologies and single-agency reports",
        "commissioned_on": "2013-10-14",
        "completed_on": "2014-04-25",
        "published_on": "2014-05-01",
        "period_start": "2012-06-01",
        "period_end": "2013-09-30",
        "state": "published",
        "visibility": "public",
        "not_for_publication_reason": "",
        "summary": (
            "Child L was born prematurely with complex health needs, including feeding difficulties that "
            "needed specialist equipment at home. The parents had some vulnerabilities of their own, and "
            "staff on the neonatal unit could see that the family would need extra help once the baby went "
            "home.\n\n"
            "During discharge planning each agency assumed that another was arranging that help. A CAF form "
            "was sent as a referral rather than used to start a shared assessment, and Child L went home "
            "with no extra support in place.\n\n"
            "* A relative found Child L in need of urgent medical attention and the baby was readmitted. "
            "The readmission did not lead anyone to look again at the support plan.\n"
            "* Back at home, Child L was again found by a visiting professional to need urgent treatment.\n"
            "* After about four months in hospital Child L went to live with a relative. Nobody was sure "
            "whether this was a private family arrangement or a connected-person foster placement, and "
            "worries grew about whether the relative could manage Child L's health needs."
        ),
        "why_it_matters": (
            "Babies leaving neonatal care with complex health needs depend completely on the adults around "
            "them. Discharge is a point of high risk, and this review shows how assumptions between "
            "agencies can leave a baby without the support everyone agreed was needed."
        ),
        "report_url": "",
        "themes": [
            "Disabled children and complex health needs",
            "Kinship and connected-person care",
            "Information sharing and follow through",
            "Early help and the CAF",
            "Multi-agency working and the lead professional",
            "Looked-after children and placements",
        ],
        "services": [
            "Hospitals and emergency departments",
            "Midwifery",
            "Health visiting",
            "GPs and primary care",
            "Children's social care",
            "Fostering and residential providers",
        ],
        "children": [
            {
                "pseudonym": "Child L",
                "age_years": 0,
                "age_band": "under_1",
                "sex": "",
                "outcome": "serious_harm",
                "outcome_detail": "needed urgent hospital treatment on two occasions",
                "known_to_social_care": True,
                "child_in_need": True,
                "child_protection_plan": False,
                "looked_after": True,
            },
        ],
        "key_issues": [
            {
                "text": (
                    "The neonatal unit noted doubts about the parents' ability to manage Child L's care, "
                    "but did not describe them as safeguarding concerns or discuss them with the named "
                    "nurse for safeguarding."
                ),
                "child": None,
            },
            {
                "text": (
                    "A CAF was used to pass the family on. Partners were unsure whether it was asking for "
                    "an assessment, a service or just information, and no lead professional was agreed."
                ),
                "child": None,
            },
            {
                "text": (
                    "No health lead professional was named for the discharge, so community health staff did "
                    "not know who was coordinating Child L's care."
                ),
                "child": "Child L",
            },
            {
                "text": (
                    "The first readmission was treated as a medical event only; the discharge plan and the "
                    "support offered to the parents were not revisited."
                ),
                "child": "Child L",
            },
            {
                "text": (
                    "The legal basis for Child L living with a relative was unclear. 'Family arrangement', "
                    "'kinship care' and 'connected person' were used interchangeably, and the fostering "
                    "assessment started late."
                ),
                "child": "Child L",
            },
            {
                "text": (
                    "When the parents declined help, no multi-agency professionals meeting was called to "
                    "agree what to do."
                ),
                "child": None,
            },
        ],
        "positive_factors": [
            {
                "text": (
                    "Neonatal nurses saw early on that the family would need more help at home and said so "
                    "in the discharge summary."
                ),
                "child": None,
                "practice_area": "",
            },
            {
                "text": (
                    "The relative who found Child L acted at once and called an ambulance; the paramedics' "
                    "records were clear and detailed."
                ),
                "child": "Child L",
                "practice_area": "",
            },
            {
                "text": (
                    "The health visitor visited within days of each discharge and persisted in trying to "
                    "see the baby when appointments were missed."
                ),
                "child": "Child L",
                "practice_area": "",
            },
        ],
        "lessons": [
            {
                "text": (
                    "There is a need for multi-agency referral and planning processes to be used when a "
                    "family's support needs are identified. A CAF is a shared assessment and plan, not a "
                    "referral form."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Early help and the CAF", "Multi-agency working and the lead professional"],
                "services": [
                    "Children's social care",
                    "Hospitals and emergency departments",
                    "Health visiting",
                ],
            },
            {
                "text": (
                    "There is a need for hospitals to record safeguarding concerns clearly as safeguarding "
                    "concerns, and to discuss them with their named safeguarding professionals before a "
                    "baby is discharged."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Information sharing and follow through"],
                "services": ["Hospitals and emergency departments", "Midwifery"],
            },
            {
                "text": (
                    "There is a need for a health lead professional to be named for every baby discharged "
                    "from a neonatal unit with continuing health needs."
                ),
                "child": None,
                "practice_area": "",
                "themes": [
                    "Disabled children and complex health needs",
                    "Multi-agency working and the lead professional",
                ],
                "services": [
                    "Hospitals and emergency departments",
                    "Health visiting",
                    "GPs and primary care",
                ],
            },
            {
                "text": (
                    "There is a need for a shared understanding of when to hold a multi-agency "
                    "professionals meeting, particularly when parents will not accept the support offered."
                ),
                "child": None,
                "practice_area": "",
                "themes": [
                    "Escalation and professional challenge",
                    "Multi-agency working and the lead professional",
                ],
                "services": ["Children's social care", "Health visiting", "GPs and primary care"],
            },
            {
                "text": (
                    "There is a need for practitioners to be able to get advice from specialist teams, such "
                    "as the children's disability team, even when a child does not meet the criteria for "
                    "allocation."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Disabled children and complex health needs"],
                "services": ["Children's social care", "Hospitals and emergency departments"],
            },
            {
                "text": (
                    "There is a need for professionals to be certain of the legal basis on which a child "
                    "lives with a relative (private arrangement, connected-person foster placement or court "
                    "order) and of the duties that follow from it."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Kinship and connected-person care", "Looked-after children and placements"],
                "services": ["Children's social care", "Fostering and residential providers"],
            },
            {
                "text": (
                    "There is a need for temporary and full approval of connected-person foster carers to "
                    "be completed safely and on time, including whether they can meet the child's health "
                    "needs."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Kinship and connected-person care", "Assessment quality"],
                "services": ["Fostering and residential providers", "Children's social care"],
            },
        ],
        "recommendations": [
            {
                "text": (
                    "Introduce a discharge planning checklist for babies leaving the neonatal unit with "
                    "continuing health needs, which names the health lead professional."
                ),
                "owner": "Health",
                "child": None,
                "target_date": "2014-09-30",
                "status": "complete",
                "outcome": (
                    "The checklist has been used on the neonatal unit since October 2014; an audit of 20 "
                    "discharges in 2015 found a named health lead professional in 19."
                ),
            },
            {
                "text": (
                    "Publish guidance that distinguishes private family arrangements, connected-person "
                    "foster placements and court orders for children living with relatives."
                ),
                "owner": "Policies and Procedures Group",
                "child": None,
                "target_date": "2014-12-31",
                "status": "complete",
                "outcome": (
                    "Guidance was added to the multi-agency procedures in January 2015 and summarised in a "
                    "7-minute briefing."
                ),
            },
            {
                "text": (
                    "Report to the board on how quickly temporary approvals of connected-person foster "
                    "carers are completed, and act on any delay."
                ),
                "owner": "Children's social care",
                "child": "Child L",
                "target_date": "2015-03-31",
                "status": "overdue",
                "outcome": "",
            },
            {
                "text": (
                    "Remind staff that a CAF is a shared assessment and plan, and that a lead professional "
                    "must be agreed at the first meeting."
                ),
                "owner": "All agencies",
                "child": None,
                "target_date": "2014-07-31",
                "status": "complete",
                "outcome": (
                    "A reminder went out in the board newsletter; an early help audit in 2015 found a lead "
                    "professional named in most CAFs sampled."
                ),
            },
        ],
    },
    {
        "reference": "MR-2011-01",
        "slug": "alice-management-review",
        "title": "Alice: neglect, dental decay and missed school",
        "kind": "management",
        "method": "Facilitated discussion with practitioners at a multi-agency learning event",
        "commissioned_on": "2010-06-07",
        "completed_on": "2010-12-10",
        "published_on": "2011-03-01",
        "period_start": "2004-03-01",
        "period_end": "2010-05-31",
        "state": "published",
        "visibility": "public",
        "not_for_publication_reason": "",
        "summary": (
            "Alice, aged 6, and her younger sister Bella were found by police and paramedics dirty, unkempt "
            "and living in squalid conditions. It was the second night running that emergency services had "
            "been called because their mother had said she wanted to end her life. Both girls were taken "
            "into police protection and placed with foster carers.\n\n"
            "Alice's mother had been a very young and vulnerable parent when Alice was born. Several "
            "agencies were involved over the following years, but no one identified the neglect as serious "
            "enough to need a firmer response.\n\n"
            "* Alice had severe tooth decay and was repeatedly not brought to appointments for treatment "
            "under general anaesthetic.\n"
            "* Her school attendance was poor, although it improved for a while when legal action was "
            "threatened.\n"
            "* The family moved house several times and Alice changed nursery and school; nobody explored "
            "why.\n"
            "* Different men lived in the household at different times, but little was known about any of "
            "them."
        ),
        "why_it_matters": (
            "Neglect can build slowly behind single issues such as attendance or missed appointments. "
            "Alice's case shows why each agency's piece of the picture needs to be put together and judged "
            "by its effect on the child."
        ),
        "report_url": "",
        "themes": [
            "Neglect",
            "Was not brought (non-attendance)",
            "Early help and the CAF",
            "Information sharing and follow through",
            "Absent men",
            "Parental mental health",
            "Voice of the child",
        ],
        "services": [
            "Dental services",
            "GPs and primary care",
            "Schools and education",
            "Health visiting",
            "Midwifery",
            "Children's social care",
            "Police",
            "Ambulance service",
            "School nursing",
        ],
        "children": [
            {
                "pseudonym": "Alice",
                "age_years": 6,
                "age_band": "5_9",
                "sex": "female",
                "outcome": "serious_harm",
                "outcome_detail": "severe neglect; taken into police protection",
                "known_to_social_care": True,
                "child_in_need": False,
                "child_protection_plan": False,
                "looked_after": False,
            },
            {
                "pseudonym": "Bella",
                "age_years": 4,
                "age_band": "1_4",
                "sex": "female",
                "outcome": "serious_harm",
                "outcome_detail": "severe neglect; taken into police protection",
                "known_to_social_care": True,
                "child_in_need": False,
                "child_protection_plan": False,
                "looked_after": False,
            },
        ],
        "key_issues": [
            {
                "text": (
                    "Agencies had no shared understanding of neglect: how to recognise it, how to judge "
                    "whether improvements would last, and when to act because a child's health and "
                    "development were being harmed."
                ),
                "child": None,
            },
            {
                "text": (
                    "Missed dental appointments and poor school attendance were each treated as a problem "
                    "on its own rather than as evidence of neglect."
                ),
                "child": "Alice",
            },
            {
                "text": (
                    "Neither the dentist nor the GP saw Alice's severe dental decay and repeated missed "
                    "treatment as a safeguarding concern, despite the well-known link between severe decay "
                    "in young children and neglect."
                ),
                "child": "Alice",
            },
            {
                "text": (
                    "Alice often seemed content in school, which made the harm at home harder to see. "
                    "Practitioners felt that the amount of neglect in the community was greater than the "
                    "services available to respond to it."
                ),
                "child": "Alice",
            },
            {
                "text": (
                    "The school attendance service had completed a CAF, but other agencies did not know "
                    "about it and had not checked the shared database where it was held."
                ),
                "child": None,
            },
            {
                "text": (
                    "An initial assessment when Alice was a baby was not followed up, and the mother's "
                    "later requests for emergency financial help did not prompt a new assessment."
                ),
                "child": None,
            },
            {
                "text": (
                    "The midwife's concerns about the family's vulnerability before Alice's birth were not "
                    "acted on by anyone else, and the pre-birth assessment was never completed."
                ),
                "child": None,
            },
            {
                "text": (
                    "Little was done to understand daily life from Alice's point of view, and the men in "
                    "the household were never assessed."
                ),
                "child": "Alice",
            },
        ],
        "positive_factors": [
            {
                "text": (
                    "Police, the ambulance service and children's social care worked well together to bring "
                    "the girls into care on the night of the incident."
                ),
                "child": None,
                "practice_area": "",
            },
            {
                "text": (
                    "Paramedics and police officers described the home conditions in careful detail, which "
                    "later supported the plans to keep both girls safe in foster care."
                ),
                "child": None,
                "practice_area": "",
            },
            {
                "text": (
                    "The midwife identified the family's vulnerability before Alice was born and recorded "
                    "it clearly."
                ),
                "child": None,
                "practice_area": "",
            },
            {
                "text": (
                    "The school attendance team improved Alice's attendance, and school staff were a "
                    "reliable, supportive presence for Alice, her sister and their mother."
                ),
                "child": "Alice",
                "practice_area": "",
            },
            {
                "text": (
                    "The home visiting team helped the family establish routines and keep the house cleaner "
                    "when it was involved earlier on."
                ),
                "child": None,
                "practice_area": "",
            },
        ],
        "lessons": [
            {
                "text": (
                    "There is a need for timely and proportionate intervention in neglect, using a "
                    "structured tool such as the graded care profile to judge whether change is real and "
                    "will last."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Neglect", "Assessment quality"],
                "services": [
                    "Children's social care",
                    "Health visiting",
                    "Schools and education",
                    "Early years",
                ],
            },
            {
                "text": (
                    "There is a need for vulnerable young parents to be supported to bring up their "
                    "children in their own community, starting with a completed pre-birth assessment."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Early help and the CAF", "Parental mental health"],
                "services": ["Midwifery", "Health visiting", "Children's social care"],
            },
            {
                "text": (
                    "There is a need for GPs and dentists to play a full part in inter-agency child "
                    "protection work, and to treat a child repeatedly not brought for treatment as a "
                    "possible sign of neglect."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Was not brought (non-attendance)", "Neglect"],
                "services": ["Dental services", "GPs and primary care"],
            },
            {
                "text": (
                    "There is a need for information to be shared within the CAF framework, and for "
                    "practitioners to check whether an early help assessment already exists before starting "
                    "their own."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Information sharing and follow through", "Early help and the CAF"],
                "services": [
                    "Schools and education",
                    "School nursing",
                    "Children's social care",
                    "GPs and primary care",
                ],
            },
            {
                "text": (
                    "There is a need for quality assurance audit trails that show whether the help given to "
                    "a family actually made a lasting difference for the child."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Supervision and management oversight", "Assessment quality"],
                "services": ["Children's social care", "Schools and education", "Health visiting"],
            },
            {
                "text": (
                    "There is a need for male carers to be identified, considered and included in every "
                    "assessment."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Absent men", "Assessment quality"],
                "services": ["Children's social care", "Health visiting", "Police"],
            },
        ],
        "recommendations": [
            {
                "text": (
                    "Revise the neglect strategy and introduce the graded care profile for use by all "
                    "agencies."
                ),
                "owner": "All agencies",
                "child": None,
                "target_date": "2012-03-31",
                "status": "complete",
                "outcome": (
                    "The neglect strategy was revised in 2012 and the graded care profile adopted by all "
                    "partner agencies; more than 300 practitioners were trained by March 2013."
                ),
            },
            {
                "text": (
                    "Issue guidance to dental practices and GP surgeries on what to do when a child is not "
                    "brought for treatment."
                ),
                "owner": "Health",
                "child": "Alice",
                "target_date": "2011-09-30",
                "status": "complete",
                "outcome": (
                    "'Was not brought' guidance went to every dental practice and GP surgery. Dental "
                    "practices now tell the health visitor or school nurse after two missed treatment "
                    "appointments."
                ),
            },
            {
                "text": (
                    "Audit a sample of neglect cases to test whether assessments include male carers and "
                    "describe the child's daily life."
                ),
                "owner": "Quality Assurance and Performance Group",
                "child": None,
                "target_date": "2011-12-31",
                "status": "overdue",
                "outcome": "",
            },
        ],
    },
    {
        "reference": "MR-2011-02",
        "slug": "andrew-management-review",
        "title": "Andrew: a looked-after young person who harmed another young person in foster care",
        "kind": "management",
        "method": (
            "Independent reviewer's analysis of agency reports and chronologies, with practitioner interviews"
        ),
        "commissioned_on": "2010-04-19",
        "completed_on": "2010-11-26",
        "published_on": "2011-03-01",
        "period_start": "2005-09-01",
        "period_end": "2010-02-28",
        "state": "published",
        "visibility": "partners",
        "not_for_publication_reason": "",
        "summary": (
            "Andrew was looked after by the local authority and lived with foster carers approved by an "
            "independent fostering agency. While in that placement he sexually abused another young person, "
            "and he was later convicted of the offence.\n\n"
            "Andrew had a history of worrying sexual behaviour, including an earlier incident for which he "
            "received a police caution. Both his parents had learning disabilities, and his early childhood "
            "was marked by neglect.\n\n"
            "The review looked at:\n\n"
            "* how closely Andrew was supervised in the placement, and how closely he needed to be;\n"
            "* whether agencies understood and managed the risk he posed to others;\n"
            "* what the foster carers were told about his background;\n"
            "* how the local authority, as commissioner, monitored the independent fostering agency, as "
            "provider;\n"
            "* the care of any other children placed with the same carers."
        ),
        "why_it_matters": (
            "A child who sexually harms others is also a child in need of help, and a placement can only be "
            "safe if the carers know enough to manage the risk. This review shows why risk information must "
            "reach carers and why commissioners must oversee the placements they buy."
        ),
        "report_url": "",
        "themes": [
            "Children who sexually harm others",
            "Looked-after children and placements",
            "Information sharing and follow through",
            "Assessment quality",
            "Supervision and management oversight",
        ],
        "services": [
            "Children's social care",
            "Fostering and residential providers",
            "Police",
            "Youth justice",
            "Schools and education",
            "CAMHS",
            "GPs and primary care",
            "Health visiting",
            "School nursing",
        ],
        "children": [
            {
                "pseudonym": "Andrew",
                "age_years": 15,
                "age_band": "10_15",
                "sex": "male",
                "outcome": "other",
                "outcome_detail": "sexually harmed another young person in the placement; later convicted",
                "known_to_social_care": True,
                "child_in_need": False,
                "child_protection_plan": False,
                "looked_after": True,
            },
        ],
        "key_issues": [
            {
                "text": (
                    "The level of supervision Andrew needed in placement was never defined, and he received "
                    "less supervision than agencies assumed."
                ),
                "child": "Andrew",
            },
            {
                "text": (
                    "Agencies held different views of the risk Andrew posed in the community, and there was "
                    "no shared risk management plan."
                ),
                "child": "Andrew",
            },
            {
                "text": (
                    "The foster carers were told little about Andrew's history or the risk he presented, so "
                    "they could not put safety measures in place."
                ),
                "child": "Andrew",
            },
            {
                "text": (
                    "Known facts about his background, including the earlier caution, were not used to "
                    "decide what kind of placement would be safe."
                ),
                "child": "Andrew",
            },
            {
                "text": (
                    "The contract with the independent fostering agency did not say how the placement would "
                    "be monitored, and the local authority's oversight was weak."
                ),
                "child": None,
            },
            {
                "text": (
                    "Other children placed with the same carers were not considered when the placement was "
                    "made or reviewed."
                ),
                "child": None,
            },
        ],
        "positive_factors": [
            {
                "text": (
                    "When Andrew was young, the GP, health visitor and school nurse shared information "
                    "well, and the school nurse took on liaison with the school."
                ),
                "child": "Andrew",
                "practice_area": "",
            },
            {
                "text": (
                    "Education staff realised that Andrew's parents might struggle with the special "
                    "educational needs process and visited them at home to explain it."
                ),
                "child": None,
                "practice_area": "",
            },
            {
                "text": (
                    "The therapeutic service working with Andrew shared information regularly and always "
                    "confirmed it in writing."
                ),
                "child": "Andrew",
                "practice_area": "",
            },
            {
                "text": (
                    "The officer dealing with the first incident made sure Andrew received a formal "
                    "caution, so that it would be taken into account if he offended again."
                ),
                "child": "Andrew",
                "practice_area": "",
            },
            {
                "text": (
                    "A family support worker involved early on understood the family's needs well and "
                    "adapted the help offered."
                ),
                "child": None,
                "practice_area": "",
            },
        ],
        "lessons": [
            {
                "text": (
                    "There is a need for robust, evidence-based assessment drawing on history, other "
                    "agencies' information and research, especially for parents with learning disabilities "
                    "and for young people who sexually harm."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Children who sexually harm others", "Assessment quality"],
                "services": ["Children's social care", "Youth justice", "CAMHS"],
            },
            {
                "text": (
                    "There is a need for local authorities that commission placements and specialist "
                    "services to put contracts in place that set out monitoring and information sharing."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Looked-after children and placements", "Supervision and management oversight"],
                "services": ["Children's social care", "Fostering and residential providers"],
            },
            {
                "text": (
                    "There is a need for carers of young people whose behaviour may put others at risk to "
                    "be given the information they need, and helped to decide what can be shared, so that "
                    "the risk can be kept to a minimum."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Children who sexually harm others", "Information sharing and follow through"],
                "services": ["Fostering and residential providers", "Children's social care"],
            },
            {
                "text": (
                    "There is a need for staff to follow recognised guidance when supporting parents who "
                    "have learning disabilities."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Assessment quality"],
                "services": ["Children's social care", "Health visiting", "Schools and education"],
            },
            {
                "text": (
                    "There is a need for plans for looked-after young people to rest on evidence and "
                    "involve every agency concerned, with statutory reviews held on time and as the "
                    "procedures require."
                ),
                "child": None,
                "practice_area": "",
                "themes": [
                    "Looked-after children and placements",
                    "Multi-agency working and the lead professional",
                ],
                "services": [
                    "Children's social care",
                    "Fostering and residential providers",
                    "Schools and education",
                ],
            },
            {
                "text": (
                    "There is a need for social care and education staff to record the purpose of every "
                    "visit and whether the child was seen alone."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Voice of the child"],
                "services": ["Children's social care", "Schools and education"],
            },
            {
                "text": (
                    "There is a need for assessments in cases involving sexual abuse to be carried out by "
                    "an experienced, qualified social worker."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Children who sexually harm others", "Assessment quality"],
                "services": ["Children's social care"],
            },
            {
                "text": (
                    "There is a need for regular, reflective supervision for practitioners working with "
                    "young people who sexually harm."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Supervision and management oversight", "Children who sexually harm others"],
                "services": [
                    "Children's social care",
                    "Fostering and residential providers",
                    "Youth justice",
                ],
            },
        ],
        "recommendations": [
            {
                "text": (
                    "Revise contracts with independent fostering agencies to require monitoring visits, "
                    "notification of incidents and information about other children in the household."
                ),
                "owner": "Commissioners",
                "child": None,
                "target_date": "2011-06-30",
                "status": "complete",
                "outcome": (
                    "The regional fostering contract was revised in 2011, and quarterly monitoring meetings "
                    "are now held with every independent provider."
                ),
            },
            {
                "text": (
                    "Write a multi-agency procedure for assessing and managing children who display harmful "
                    "sexual behaviour."
                ),
                "owner": "Policies and Procedures Group",
                "child": None,
                "target_date": "2011-09-30",
                "status": "complete",
                "outcome": (
                    "The procedure was published in 2012 with a referral route to a specialist assessment "
                    "service."
                ),
            },
            {
                "text": (
                    "Make sure every placement request for a young person whose behaviour may put others at "
                    "risk includes a written risk summary that is shared with the carers."
                ),
                "owner": "Children's social care",
                "child": "Andrew",
                "target_date": "2011-04-30",
                "status": "overdue",
                "outcome": "",
            },
            {
                "text": (
                    "Provide training on harmful sexual behaviour for foster carers, social workers and "
                    "youth justice staff."
                ),
                "owner": "Learning and Improvement Group",
                "child": None,
                "target_date": "2011-12-31",
                "status": "at_risk",
                "outcome": "",
            },
        ],
    },
    {
        "reference": "SCR-2011-01",
        "slug": "benjamin-serious-case-review",
        "title": "Benjamin: a baby whose vulnerability was not pieced together",
        "kind": "scr",
        "method": (
            "Serious case review: individual management reviews and an overview report by an independent "
            "author"
        ),
        "commissioned_on": "2010-02-01",
        "completed_on": "2010-10-29",
        "published_on": "2011-03-01",
        "period_start": "2008-11-01",
        "period_end": "2009-12-31",
        "state": "published",
        "visibility": "public",
        "not_for_publication_reason": "",
        "summary": (
            "Benjamin was a few months old when he was seriously injured. When he was born, several things "
            "should already have made professionals worried about how vulnerable he was:\n\n"
            "* his mother was a young single parent with a previous miscarriage and a history of depression "
            "and an eating disorder;\n"
            "* the birth was complicated;\n"
            "* violence had featured in the wider family, and agencies were already involved because of an "
            "uncle's behaviour;\n"
            "* Benjamin and his mother were staying in someone else's home, and their housing problems were "
            "unresolved.\n\n"
            "Many agencies were in touch with the family, so there were chances to act. The family was not "
            "lost to services, but there was no coordinated multi-agency assessment and the CAF was not "
            "used to pool information and agree actions. Children's social care closed the case without "
            "talking to the other agencies involved."
        ),
        "why_it_matters": (
            "Very young babies are the most vulnerable to serious harm, and their needs can be overlooked "
            "when professionals are focused on the adults in a busy household. Benjamin's case shows what "
            "is lost when agencies act alone and early help is not coordinated."
        ),
        "report_url": "",
        "themes": [
            "Early help and the CAF",
            "Assessment quality",
            "Rule of optimism",
            "Escalation and professional challenge",
            "Parental mental health",
            "Multi-agency working and the lead professional",
        ],
        "services": [
            "Children's social care",
            "Health visiting",
            "Midwifery",
            "School nursing",
            "Housing",
            "GPs and primary care",
            "Hospitals and emergency departments",
            "Police",
        ],
        "children": [
            {
                "pseudonym": "Benjamin",
                "age_years": 0,
                "age_band": "under_1",
                "sex": "male",
                "outcome": "serious_harm",
                "outcome_detail": "serious injuries needing hospital treatment",
                "known_to_social_care": True,
                "child_in_need": False,
                "child_protection_plan": False,
                "looked_after": False,
            },
        ],
        "key_issues": [
            {
                "text": (
                    "Risk factors present at Benjamin's birth (his mother's age and mental health history, "
                    "a difficult delivery, family violence and insecure housing) were known to different "
                    "agencies but never considered together."
                ),
                "child": "Benjamin",
            },
            {
                "text": (
                    "Several agencies were working with members of the family, yet there was no coordinated "
                    "assessment and the CAF was not used."
                ),
                "child": None,
            },
            {
                "text": (
                    "Children's social care closed the case without discussing it with the health visitor, "
                    "housing or the school nurse."
                ),
                "child": None,
            },
            {
                "text": (
                    "Timescales for the initial assessment and section 47 enquiries slipped, and the time "
                    "between the strategy discussion and the child protection conference was not used to "
                    "manage the continuing risk."
                ),
                "child": None,
            },
            {
                "text": (
                    "Changes of social worker and team manager meant no one held a clear view of risk over "
                    "time, and professionals were too optimistic about the mother's progress."
                ),
                "child": None,
            },
            {
                "text": (
                    "Benjamin did not have a medical assessment when concerns about neglect were first "
                    "raised."
                ),
                "child": "Benjamin",
            },
        ],
        "positive_factors": [
            {
                "text": (
                    "There was good liaison at several points; housing officers in particular kept pressing "
                    "children's social care when they were worried."
                ),
                "child": None,
                "practice_area": "",
            },
            {
                "text": (
                    "The school nurse, working with another child in the wider family, raised the first "
                    "concerns."
                ),
                "child": None,
                "practice_area": "",
            },
            {
                "text": (
                    "The health visitor became involved early and responded appropriately after the birth."
                ),
                "child": "Benjamin",
                "practice_area": "",
            },
        ],
        "lessons": [
            {
                "text": (
                    "There is a need for thorough, multi-agency assessments that state the risks clearly, "
                    "particularly where a very young baby is involved."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Assessment quality", "Multi-agency working and the lead professional"],
                "services": ["Children's social care", "Health visiting", "Midwifery"],
            },
            {
                "text": (
                    "There is a need for the CAF to be used as early as possible, so that agencies can "
                    "identify concerns together and plan support."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Early help and the CAF"],
                "services": ["Health visiting", "Housing", "School nursing", "Midwifery"],
            },
            {
                "text": (
                    "There is a need for staff to be supported by their managers to challenge other "
                    "agencies' decisions, using the escalation procedure."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Escalation and professional challenge", "Supervision and management oversight"],
                "services": ["Children's social care", "Health visiting", "Housing", "GPs and primary care"],
            },
            {
                "text": (
                    "There is a need for the closure of a case always to involve discussion with the other "
                    "agencies working with the family."
                ),
                "child": None,
                "practice_area": "",
                "themes": [
                    "Information sharing and follow through",
                    "Multi-agency working and the lead professional",
                ],
                "services": ["Children's social care"],
            },
            {
                "text": (
                    "There is a need for a medical assessment of every very young child where there are "
                    "child protection concerns about neglect, physical abuse or sexual abuse."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Assessment quality"],
                "services": [
                    "Hospitals and emergency departments",
                    "GPs and primary care",
                    "Children's social care",
                ],
            },
            {
                "text": (
                    "There is a need to keep the vulnerability of babies in view when agencies are working "
                    "with other members of the household."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Voice of the child", "Safe sleeping and infants"],
                "services": ["Health visiting", "Housing", "Police", "School nursing"],
            },
            {
                "text": (
                    "There is a need for a clear focus on risk when a case changes worker or manager, with "
                    "a handover that sums up what is known."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Supervision and management oversight"],
                "services": ["Children's social care"],
            },
            {
                "text": (
                    "There is a need to keep challenging the 'rule of optimism': hope that a parent will "
                    "change must rest on evidence."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Rule of optimism"],
                "services": ["Children's social care", "Health visiting", "Midwifery"],
            },
        ],
        "recommendations": [
            {
                "text": (
                    "Strategy discussions to set out how risk will be managed until the child protection "
                    "conference, and who will see the child in the meantime."
                ),
                "owner": "Children's social care",
                "child": None,
                "target_date": "2011-06-30",
                "status": "complete",
                "outcome": (
                    "The strategy discussion record was revised in May 2011 to include an interim safety "
                    "plan; an audit found it completed in nine cases out of ten."
                ),
            },
            {
                "text": (
                    "Require children's social care to discuss any planned closure with partner agencies "
                    "when a child under two is in the household."
                ),
                "owner": "Policies and Procedures Group",
                "child": None,
                "target_date": "2011-06-30",
                "status": "complete",
                "outcome": (
                    "The case closure procedure was amended, and a closure notice now goes to the health "
                    "visitor and GP."
                ),
            },
            {
                "text": (
                    "Launch the procedure for resolving professional disagreements with briefings for "
                    "frontline staff in all agencies."
                ),
                "owner": "Learning and Improvement Group",
                "child": None,
                "target_date": "2011-09-30",
                "status": "overdue",
                "outcome": "",
            },
        ],
    },
    {
        "reference": "PR-2013-01",
        "slug": "special-practice-review-three-children",
        "title": "Special practice review: three children",
        "kind": "practice",
        "method": (
            "Practice review panel of the Case Review Group, with conversations with the practitioners "
            "involved"
        ),
        "commissioned_on": "2012-11-05",
        "completed_on": "2013-06-28",
        "published_on": "2013-09-16",
        "period_start": "2006-01-01",
        "period_end": "2012-10-31",
        "state": "published",
        "visibility": "public",
        "not_for_publication_reason": "",
        "summary": (
            "The board referred three children's cases to its case review panel. The cases are not linked; "
            "the learning from each has been brought together in one report.\n\n"
            "**Child One** was a 3-year-old girl left alone outside her home over a bank holiday weekend, "
            "while her mother was too drunk to know where she was. There was a history of alcohol misuse, "
            "domestic abuse and neglect, and the family's first language was not English. Her mother was "
            "bailed after arrest. Child One is now in foster care under an interim care order.\n\n"
            "**Child Two** was an 11-year-old boy who was self-harming and talking about wanting to die. He "
            "and his family were reluctant for him to return home, so he was placed out of county, where he "
            "has settled reasonably well. The plan is now for him to return to his family.\n\n"
            "**Child Three** was a young man with complex medical needs and learning disabilities who "
            "arrived at hospital in crisis with several minor injuries. Over many years his family engaged "
            "with professionals only intermittently; earlier injuries were put down to a younger sibling, "
            "and his parents did not protect him. He was educated at home instead of at the local special "
            "school. The case fell short of the threshold for a serious case review, but the panel found "
            "important learning about how agencies protect disabled young people, especially as they move "
            "to adult services."
        ),
        "why_it_matters": (
            "Three very different children show the same thing: when information is passed on but not "
            "followed through, and no one coordinates the work, children fall through the gaps, at "
            "weekends, between tiers of mental health care, and at the move to adulthood."
        ),
        "report_url": "",
        "themes": [
            "Information sharing and follow through",
            "Weekends and out of hours",
            "Neglect",
            "Self-harm and suicide",
            "Disabled children and complex health needs",
            "Transition to adult services",
            "Multi-agency working and the lead professional",
            "Professional curiosity",
        ],
        "services": [
            "Police",
            "Children's social care",
            "Hospitals and emergency departments",
            "CAMHS",
            "Schools and education",
            "Adult social care",
            "GPs and primary care",
            "School nursing",
        ],
        "children": [
            {
                "pseudonym": "Child One",
                "age_years": 3,
                "age_band": "1_4",
                "sex": "female",
                "outcome": "serious_harm",
                "outcome_detail": "abandoned outside the home over a bank holiday weekend; neglect",
                "known_to_social_care": True,
                "child_in_need": False,
                "child_protection_plan": False,
                "looked_after": False,
            },
            {
                "pseudonym": "Child Two",
                "age_years": 11,
                "age_band": "10_15",
                "sex": "male",
                "outcome": "serious_harm",
                "outcome_detail": "self-harm and suicidal thoughts",
                "known_to_social_care": True,
                "child_in_need": True,
                "child_protection_plan": False,
                "looked_after": True,
            },
            {
                "pseudonym": "Child Three",
                "age_years": 17,
                "age_band": "16_17",
                "sex": "male",
                "outcome": "serious_harm",
                "outcome_detail": "arrived at hospital in crisis with multiple injuries",
                "known_to_social_care": True,
                "child_in_need": True,
                "child_protection_plan": False,
                "looked_after": False,
            },
        ],
        "key_issues": [
            {
                "text": (
                    "Information passed between agencies over the weekend was not followed through: each "
                    "agency assumed the other had received it and acted."
                ),
                "child": "Child One",
            },
            {
                "text": (
                    "The mother was released on bail with no condition about contact with Child One, and "
                    "senior cover was not available out of hours."
                ),
                "child": "Child One",
            },
            {
                "text": (
                    "Agreed procedures were not followed: no strategy discussion was held before decisions "
                    "were made about where Child One would stay, and an interpreter was not always used."
                ),
                "child": "Child One",
            },
            {
                "text": (
                    "No lead professional coordinated help for Child Two, and emotional health services at "
                    "different tiers were poorly understood and poorly joined up."
                ),
                "child": "Child Two",
            },
            {
                "text": "Not all police incidents about Child Two were shared with children's services.",
                "child": "Child Two",
            },
            {
                "text": (
                    "Child Three was invisible to most agencies for long periods while home educated, and "
                    "concerns about his injuries were never brought together."
                ),
                "child": "Child Three",
            },
        ],
        "positive_factors": [
            {
                "text": (
                    "All agencies shared a commitment to protect Child Three, and this became much stronger "
                    "once a lead professional was coordinating services."
                ),
                "child": "Child Three",
                "practice_area": "Child protection and mental capacity",
            },
            {
                "text": (
                    "Agencies acknowledged openly how hard it is for a young person to move from children's "
                    "to adult health, social care and police services, and began planning together."
                ),
                "child": "Child Three",
                "practice_area": "Transition issues",
            },
            {
                "text": (
                    "A 'team around the child' approach brought the professionals working with Child Three "
                    "together regularly."
                ),
                "child": "Child Three",
                "practice_area": "Interagency working",
            },
            {
                "text": (
                    "Little good practice was found at the time, but the children's community nursing team "
                    "has since taken on oversight of young people with complex health needs who are not "
                    "seen in school."
                ),
                "child": "Child Three",
                "practice_area": "When a child is invisible to agencies",
            },
            {
                "text": (
                    "When parents were given clear, good-quality information early, they coped better over "
                    "the long term."
                ),
                "child": "Child Three",
                "practice_area": "Parents and carers",
            },
        ],
        "lessons": [
            {
                "text": (
                    "There is a need for agencies that share information to 'follow through': check that it "
                    "has arrived and been acted on. Passing it on is not enough."
                ),
                "child": "Child One",
                "practice_area": "",
                "themes": ["Information sharing and follow through", "Weekends and out of hours"],
                "services": [
                    "Police",
                    "Children's social care",
                    "Hospitals and emergency departments",
                    "Ambulance service",
                ],
            },
            {
                "text": (
                    "There is a need for agencies to recognise that children can be most at risk at "
                    "weekends and bank holidays, and to have senior staff available out of hours."
                ),
                "child": "Child One",
                "practice_area": "",
                "themes": ["Weekends and out of hours", "Neglect"],
                "services": ["Children's social care", "Police", "Hospitals and emergency departments"],
            },
            {
                "text": (
                    "There is a need for police to consider bail conditions preventing contact with the "
                    "child where a parent is suspected of child neglect."
                ),
                "child": "Child One",
                "practice_area": "",
                "themes": ["Neglect", "Parental substance misuse"],
                "services": ["Police"],
            },
            {
                "text": (
                    "There is a need for a lead professional and a coordinated early intervention plan as "
                    "soon as a child's self-harm becomes known."
                ),
                "child": "Child Two",
                "practice_area": "",
                "themes": [
                    "Self-harm and suicide",
                    "Multi-agency working and the lead professional",
                    "Early help and the CAF",
                ],
                "services": ["CAMHS", "Schools and education", "School nursing", "Children's social care"],
            },
            {
                "text": (
                    "There is a need for commissioners of emotional health and wellbeing services to see "
                    "how fragmented provision harms children, and for CAMHS clinicians to help social care "
                    "staff understand their work."
                ),
                "child": "Child Two",
                "practice_area": "",
                "themes": ["Self-harm and suicide", "Multi-agency working and the lead professional"],
                "services": ["CAMHS", "Children's social care"],
            },
            {
                "text": (
                    "There is a need for management and strategic oversight of disabled young people's "
                    "cases, clarity about which legal framework is being used, and robust recording of "
                    "evidence of neglect or injury."
                ),
                "child": "Child Three",
                "practice_area": "Child protection and mental capacity",
                "themes": [
                    "Disabled children and complex health needs",
                    "Supervision and management oversight",
                ],
                "services": [
                    "Children's social care",
                    "Adult social care",
                    "Hospitals and emergency departments",
                    "Police",
                ],
            },
            {
                "text": (
                    "There is a need for early, shared planning about where a young person with complex "
                    "needs will live and who their lead professional will be as they move to adult services."
                ),
                "child": "Child Three",
                "practice_area": "Transition issues",
                "themes": ["Transition to adult services", "Disabled children and complex health needs"],
                "services": [
                    "Adult social care",
                    "Children's social care",
                    "Hospitals and emergency departments",
                    "GPs and primary care",
                ],
            },
            {
                "text": (
                    "There is a need for professional curiosity and objectivity, especially when long "
                    "relationships with a family make it hard to question what parents say."
                ),
                "child": "Child Three",
                "practice_area": "Interagency working",
                "themes": ["Professional curiosity", "Rule of optimism"],
                "services": [
                    "Children's social care",
                    "Hospitals and emergency departments",
                    "GPs and primary care",
                    "Schools and education",
                ],
            },
            {
                "text": (
                    "There is a need for every agency to take responsibility for raising concerns when a "
                    "young person with complex needs drops 'off the radar', including when they are "
                    "educated at home."
                ),
                "child": "Child Three",
                "practice_area": "When a child is invisible to agencies",
                "themes": ["Was not brought (non-attendance)", "Disabled children and complex health needs"],
                "services": [
                    "Schools and education",
                    "GPs and primary care",
                    "Hospitals and emergency departments",
                    "Children's social care",
                ],
            },
            {
                "text": (
                    "There is a need for consistent, good-quality information for parents, a proper "
                    "assessment of parenting capacity, and advance care planning introduced sensitively and "
                    "at the right time."
                ),
                "child": "Child Three",
                "practice_area": "Parents and carers",
                "themes": ["Assessment quality", "Disabled children and complex health needs"],
                "services": [
                    "Hospitals and emergency departments",
                    "Children's social care",
                    "Adult social care",
                ],
            },
        ],
        "recommendations": [
            {
                "text": (
                    "Respond to incidents as part of the whole picture rather than in isolation, and follow "
                    "through every piece of information passed to another agency until it is confirmed as "
                    "received and acted on."
                ),
                "owner": "All agencies",
                "child": "Child One",
                "target_date": "2014-03-31",
                "status": "complete",
                "outcome": (
                    "'Follow through' was written into the board's information sharing guidance and "
                    "promoted in a 7-minute briefing; a 2014 audit found confirmation of receipt recorded "
                    "in most referrals."
                ),
            },
            {
                "text": (
                    "Give the board assurance that out-of-hours cover is at the right level of seniority "
                    "over weekends and bank holidays."
                ),
                "owner": "All agencies",
                "child": "Child One",
                "target_date": "2013-12-31",
                "status": "complete",
                "outcome": (
                    "Every agency reported its out-of-hours arrangements to the board in December 2013, and "
                    "gaps in community health cover were filled."
                ),
            },
            {
                "text": (
                    "Complete a vulnerable child notification whenever a child is present at a domestic "
                    "incident."
                ),
                "owner": "Police",
                "child": "Child One",
                "target_date": "2013-10-31",
                "status": "complete",
                "outcome": (
                    "The notification is now a mandatory field in the police incident system and compliance "
                    "is checked monthly."
                ),
            },
            {
                "text": (
                    "Amend the procedures so that a strategy discussion, by telephone if need be, is always "
                    "held to agree the arrangements for a child."
                ),
                "owner": "Policies and Procedures Group",
                "child": "Child One",
                "target_date": "2013-12-31",
                "status": "on_track",
                "outcome": "",
            },
            {
                "text": "Invite schools to take part in every case review and practice review.",
                "owner": "Case Review Group",
                "child": "Child Two",
                "target_date": "2013-12-31",
                "status": "complete",
                "outcome": (
                    "Schools are now invited to every review panel, and designated safeguarding leads took "
                    "part in four reviews in 2014."
                ),
            },
            {
                "text": (
                    "Review guidance on where child safeguarding meets the Mental Capacity Act for young "
                    "people with complex needs, and on home tuition and safeguarding."
                ),
                "owner": "Policies and Procedures Group",
                "child": "Child Three",
                "target_date": "2014-06-30",
                "status": "at_risk",
                "outcome": "",
            },
            {
                "text": (
                    "Revise child protection training on disabled children and deliver it first to the "
                    "disability and looked-after children teams, adult transition workers, paediatricians "
                    "and therapists."
                ),
                "owner": "Learning and Improvement Group",
                "child": "Child Three",
                "target_date": "2014-09-30",
                "status": "overdue",
                "outcome": "",
            },
        ],
    },
    {
        "reference": "TR-2016-01",
        "slug": "child-q-and-child-s-thematic-review",
        "title": "Child Q and Child S: looked-after children exploited out of area",
        "kind": "thematic",
        "method": "Thematic review of two cases using the SCIE Learning Together model",
        "commissioned_on": "2015-07-20",
        "completed_on": "2016-06-30",
        "published_on": "2016-10-03",
        "period_start": "2013-04-01",
        "period_end": "2015-06-30",
        "state": "published",
        "visibility": "public",
        "not_for_publication_reason": "",
        "summary": (
            "Child Q and Child S were both looked after by Northshire and were each placed outside the "
            "county, one in a children's home and one with foster carers. Their cases are not linked, but "
            "both girls were sexually exploited after moving. Because the circumstances and likely learning "
            "were so alike, the case review group decided to review them together.\n\n"
            "* Both girls had gone missing and had older 'boyfriends' before they moved.\n"
            "* Information about their vulnerability did not always reach the police and services where "
            "they were placed.\n"
            "* Adult services, sexual health clinics and voluntary projects in the host area were involved "
            "but were not part of the planning.\n\n"
            "The review found some good practice. It concluded that exploitation was potentially "
            "predictable for both girls but could not have been prevented at the time, given what was known "
            "and the services available."
        ),
        "why_it_matters": (
            "Moving a child out of area can remove one risk and expose them to another. Exploitation does "
            "not stop at local authority boundaries, and a child placed elsewhere is only safe if the "
            "agencies there know she has arrived."
        ),
        "report_url": "",
        "themes": [
            "Child sexual exploitation",
            "Looked-after children and placements",
            "Adolescent risk",
            "Information sharing and follow through",
            "Multi-agency working and the lead professional",
        ],
        "services": [
            "Children's social care",
            "Police",
            "Fostering and residential providers",
            "Voluntary sector",
            "Schools and education",
            "CAMHS",
            "Adult social care",
        ],
        "children": [
            {
                "pseudonym": "Child Q",
                "age_years": 15,
                "age_band": "10_15",
                "sex": "female",
                "outcome": "serious_harm",
                "outcome_detail": "sexually exploited while placed out of area",
                "known_to_social_care": True,
                "child_in_need": False,
                "child_protection_plan": False,
                "looked_after": True,
            },
            {
                "pseudonym": "Child S",
                "age_years": 14,
                "age_band": "10_15",
                "sex": "female",
                "outcome": "serious_harm",
                "outcome_detail": "sexually exploited while placed out of area",
                "known_to_social_care": True,
                "child_in_need": False,
                "child_protection_plan": False,
                "looked_after": True,
            },
        ],
        "key_issues": [
            {
                "text": (
                    "Police and children's services in the host area were not always told that the girls "
                    "had been placed there, or what risks they carried."
                ),
                "child": None,
            },
            {
                "text": (
                    "Missing episodes after each move were reported, but return home interviews were not "
                    "always done, so patterns and the adults involved were not identified."
                ),
                "child": None,
            },
            {
                "text": (
                    "Placements were chosen mainly on availability; the risks in the neighbourhood around "
                    "each placement were not assessed."
                ),
                "child": None,
            },
            {
                "text": (
                    "Child S told a support worker that older men were giving her alcohol, but this was "
                    "passed on as a concern about her behaviour rather than as possible exploitation."
                ),
                "child": "Child S",
            },
            {
                "text": (
                    "Child Q's care plan did not change when exploitation was suspected, and she stayed in "
                    "the same placement for several weeks after the risk was known."
                ),
                "child": "Child Q",
            },
            {
                "text": (
                    "Partners in the host area, including adult services, sexual health and voluntary "
                    "projects, were not invited to strategy meetings."
                ),
                "child": None,
            },
        ],
        "positive_factors": [
            {
                "text": (
                    "Child Q's key worker in the children's home built a trusting relationship with her and "
                    "recorded each missing episode promptly and in detail."
                ),
                "child": "Child Q",
                "practice_area": "",
            },
            {
                "text": (
                    "A specialist voluntary sector project in the host area worked intensively with Child S "
                    "and kept her social worker informed."
                ),
                "child": "Child S",
                "practice_area": "",
            },
            {
                "text": (
                    "Once exploitation was confirmed, police in both areas shared intelligence quickly and "
                    "pursued the perpetrators, leading to prosecutions."
                ),
                "child": None,
                "practice_area": "",
            },
        ],
        "lessons": [
            {
                "text": (
                    "There is a need to assess the neighbourhood around a proposed placement, including "
                    "known exploitation hotspots, before a child is placed out of area."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Child sexual exploitation", "Looked-after children and placements"],
                "services": ["Children's social care", "Fostering and residential providers"],
            },
            {
                "text": (
                    "There is a need for police, health and children's services in the host area to be "
                    "notified when a looked-after child is placed there, and told of the risks."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Information sharing and follow through", "Looked-after children and placements"],
                "services": ["Children's social care", "Police", "Fostering and residential providers"],
            },
            {
                "text": (
                    "There is a need for a return home interview after every missing episode, with the "
                    "findings analysed for patterns across episodes."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Child sexual exploitation", "Adolescent risk"],
                "services": ["Children's social care", "Police", "Voluntary sector"],
            },
            {
                "text": (
                    "There is a need for the full participation of every relevant partner (statutory, "
                    "independent, voluntary and adult services) in planning for children with complex "
                    "safeguarding needs."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Multi-agency working and the lead professional"],
                "services": ["Voluntary sector", "Adult social care", "Children's social care", "Police"],
            },
            {
                "text": (
                    "There is a need for practitioners to see older 'boyfriends', gifts, alcohol and going "
                    "missing as possible signs of sexual exploitation, and to respond to the child as a "
                    "victim."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Child sexual exploitation", "Professional curiosity", "Voice of the child"],
                "services": [
                    "Fostering and residential providers",
                    "Schools and education",
                    "Police",
                    "Children's social care",
                ],
            },
            {
                "text": (
                    "There is a need for care plans and placement choices to be reviewed promptly when "
                    "exploitation is suspected."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Looked-after children and placements", "Child sexual exploitation"],
                "services": ["Children's social care", "Fostering and residential providers"],
            },
        ],
        "recommendations": [
            {
                "text": (
                    "Introduce a placement risk assessment, covering the surrounding neighbourhood, for "
                    "every out-of-area placement of a child at risk of exploitation."
                ),
                "owner": "Children's social care",
                "child": None,
                "target_date": "2017-03-31",
                "status": "complete",
                "outcome": (
                    "The assessment has been used since April 2017; a 2018 audit found it completed for "
                    "every out-of-area placement sampled."
                ),
            },
            {
                "text": (
                    "Agree a protocol with neighbouring areas for telling the police and children's "
                    "services when a child is placed in their area."
                ),
                "owner": "Police",
                "child": None,
                "target_date": "2017-06-30",
                "status": "complete",
                "outcome": (
                    "A regional notification protocol was signed by all police forces and local authorities "
                    "in the region in 2017."
                ),
            },
            {
                "text": (
                    "Include exploitation risk and return home interviews in contracts with residential and "
                    "fostering providers."
                ),
                "owner": "Commissioners",
                "child": None,
                "target_date": "2017-09-30",
                "status": "overdue",
                "outcome": "",
            },
            {
                "text": "Deliver child sexual exploitation training to foster carers and residential staff.",
                "owner": "Learning and Improvement Group",
                "child": None,
                "target_date": "2017-12-31",
                "status": "complete",
                "outcome": "210 foster carers and residential staff completed the training in 2017-18.",
            },
            {
                "text": (
                    "Audit strategy meetings for exploited children to check that host-area partners were "
                    "invited."
                ),
                "owner": "Quality Assurance and Performance Group",
                "child": None,
                "target_date": "2027-03-31",
                "status": "on_track",
                "outcome": "",
            },
        ],
    },
    {
        "reference": "SCR-2016-02",
        "slug": "child-n-serious-case-review",
        "title": "Child N: a child who sexually assaulted another child",
        "kind": "scr",
        "method": "Serious case review: overview report by an independent author",
        "commissioned_on": "2015-05-11",
        "completed_on": "2016-05-27",
        "published_on": None,
        "period_start": "2013-01-01",
        "period_end": "2015-03-31",
        "state": "not_for_publication",
        "visibility": "partners",
        "not_for_publication_reason": (
            "Publishing the report would risk identifying both the child who was harmed and Child N, and "
            "would damage the welfare of both because of their age and vulnerability. The board therefore "
            "decided not to publish. The national panel ratified the decision in July 2016. The learning is "
            "shared with partner agencies through training only."
        ),
        "summary": (
            "Child N, a 14-year-old boy, was found guilty of seriously sexually assaulting a younger child "
            "he knew. He had shown sexualised behaviour at primary school and at home for several years "
            "before the assault.\n\n"
            "* Teachers, the school nurse and his GP had each seen incidents of worrying sexual behaviour, "
            "but dealt with them as one-off behaviour problems.\n"
            "* No specialist assessment of harmful sexual behaviour, such as an AIM assessment, was ever "
            "requested.\n"
            "* Child N's own experience of harm, including living with domestic abuse, was never explored."
        ),
        "why_it_matters": (
            "Harmful sexual behaviour by children is often missed, minimised or handled as ordinary "
            "misbehaviour. Early specialist assessment protects other children and gives the child who "
            "harms the best chance to change."
        ),
        "report_url": "",
        "themes": [
            "Children who sexually harm others",
            "Assessment quality",
            "Professional curiosity",
            "Information sharing and follow through",
        ],
        "services": [
            "Schools and education",
            "School nursing",
            "GPs and primary care",
            "Children's social care",
            "CAMHS",
            "Youth justice",
            "Police",
        ],
        "children": [
            {
                "pseudonym": "Child N",
                "age_years": 14,
                "age_band": "10_15",
                "sex": "male",
                "outcome": "other",
                "outcome_detail": "convicted of seriously sexually assaulting another child",
                "known_to_social_care": True,
                "child_in_need": False,
                "child_protection_plan": False,
                "looked_after": False,
            },
        ],
        "key_issues": [
            {
                "text": (
                    "Professionals lacked confidence in telling sexual behaviour that is normal for a "
                    "child's age from behaviour that is problematic or harmful."
                ),
                "child": None,
            },
            {
                "text": (
                    "Each incident was recorded by the agency that saw it, but no one linked them or asked "
                    "for a specialist assessment."
                ),
                "child": "Child N",
            },
            {
                "text": (
                    "Child N's own history of trauma was not considered as a possible driver of his "
                    "behaviour."
                ),
                "child": "Child N",
            },
            {
                "text": (
                    "No safety plan for other children at school or in the neighbourhood was made after the "
                    "earlier incidents."
                ),
                "child": None,
            },
        ],
        "positive_factors": [
            {
                "text": (
                    "A teaching assistant recorded Child N's behaviour accurately and in his own words, "
                    "which later helped the review see how it had escalated."
                ),
                "child": "Child N",
                "practice_area": "",
            },
            {
                "text": (
                    "After the assault, police and children's social care held a prompt strategy discussion "
                    "and protected the child who had been harmed."
                ),
                "child": None,
                "practice_area": "",
            },
        ],
        "lessons": [
            {
                "text": (
                    "There is a need for practitioners in every agency to use a recognised framework, such "
                    "as a traffic light tool, to identify harmful sexual behaviour in children."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Children who sexually harm others", "Professional curiosity"],
                "services": [
                    "Schools and education",
                    "School nursing",
                    "GPs and primary care",
                    "Children's social care",
                ],
            },
            {
                "text": (
                    "There is a need for a clear pathway to specialist assessment and intervention when a "
                    "child displays harmful sexual behaviour."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Children who sexually harm others", "Assessment quality"],
                "services": ["Children's social care", "CAMHS", "Youth justice"],
            },
            {
                "text": (
                    "There is a need for agencies to share every incident of concerning sexual behaviour so "
                    "that a pattern can be seen."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Information sharing and follow through"],
                "services": [
                    "Schools and education",
                    "GPs and primary care",
                    "Children's social care",
                    "Police",
                ],
            },
            {
                "text": (
                    "There is a need for safety plans that protect other children while a child who has "
                    "harmed receives help."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Children who sexually harm others"],
                "services": ["Schools and education", "Children's social care", "Youth justice"],
            },
        ],
        "recommendations": [
            {
                "text": (
                    "Publish a multi-agency procedure for children who display harmful sexual behaviour, "
                    "with a referral route to specialist assessment."
                ),
                "owner": "Policies and Procedures Group",
                "child": None,
                "target_date": "2016-12-31",
                "status": "complete",
                "outcome": (
                    "The procedure was published in November 2016 and launched at practitioner briefings "
                    "across the county."
                ),
            },
            {
                "text": (
                    "Provide harmful sexual behaviour training for schools, school nurses and primary care."
                ),
                "owner": "Learning and Improvement Group",
                "child": None,
                "target_date": "2017-06-30",
                "status": "at_risk",
                "outcome": "",
            },
        ],
    },
    {
        "reference": "LCSPR-2026-01",
        "slug": "child-r-practice-review",
        "title": "Child R: the unexpected death of a baby",
        "kind": "lcspr",
        "method": (
            "Local child safeguarding practice review led by an independent reviewer, with practitioner "
            "learning events and agency chronologies"
        ),
        "commissioned_on": "2026-03-02",
        "completed_on": "2026-10-16",
        "published_on": None,
        "period_start": "2024-01-01",
        "period_end": "2026-01-31",
        "state": "awaiting_approval",
        "visibility": "public",
        "not_for_publication_reason": "",
        "summary": (
            "Child R died unexpectedly at home at ten weeks old, and the cause of death remains "
            "unexplained. Child R had been asleep on a sofa with a parent who had been drinking and had "
            "used cannabis that evening.\n\n"
            "Both parents were known to children's social care from the past, because of worries about "
            "their mental health, drug use and domestic abuse in an earlier relationship. There was no "
            "social work involvement after Child R was born or at the time of the death.\n\n"
            "* The midwife recorded the history, but the pre-birth referral did not mention the mother's "
            "recent mental health crisis.\n"
            "* Midwives and health visitors gave safe sleep advice, but it was not tailored to the parents' "
            "drinking and drug use.\n"
            "* No health professional saw the father after the birth, and he was left out of conversations "
            "about safe sleep."
        ),
        "why_it_matters": (
            "Many sudden unexpected infant deaths in families known to services involve unsafe sleep in "
            "homes where other risks are present. When domestic abuse, substance misuse and mental ill "
            "health occur together, every practitioner needs to recognise the combined danger to a baby and "
            "act on it."
        ),
        "report_url": "",
        "themes": [
            "Toxic trio",
            "Safe sleeping and infants",
            "Absent men",
            "Domestic abuse",
            "Parental mental health",
            "Parental substance misuse",
            "Information sharing and follow through",
        ],
        "services": [
            "Midwifery",
            "Health visiting",
            "GPs and primary care",
            "Children's social care",
            "Adult mental health",
            "Drug and alcohol services",
            "Police",
        ],
        "children": [
            {
                "pseudonym": "Child R",
                "age_years": 0,
                "age_band": "under_1",
                "sex": "",
                "outcome": "died",
                "outcome_detail": "sudden unexpected death in infancy; cause unexplained",
                "known_to_social_care": True,
                "child_in_need": False,
                "child_protection_plan": False,
                "looked_after": False,
            },
        ],
        "key_issues": [
            {
                "text": (
                    "Past information about domestic abuse, parental mental health and substance misuse was "
                    "held by several agencies but was not brought together when the pregnancy was confirmed."
                ),
                "child": None,
            },
            {
                "text": (
                    "The pre-birth referral was judged not to meet the threshold because it described each "
                    "risk separately and left out the most recent information."
                ),
                "child": "Child R",
            },
            {
                "text": (
                    "Safe sleep advice was generic and did not address sofa-sharing, alcohol and drug use, "
                    "or the family's overcrowded flat."
                ),
                "child": "Child R",
            },
            {
                "text": (
                    "The father was largely invisible to professionals; nobody assessed his history or his "
                    "part in caring for Child R."
                ),
                "child": None,
            },
            {
                "text": (
                    "The GP was not told that the mother had stopped her prescribed medication during the "
                    "pregnancy."
                ),
                "child": None,
            },
        ],
        "positive_factors": [
            {
                "text": (
                    "The midwife recorded the family history in detail at the booking appointment and made "
                    "a timely pre-birth referral."
                ),
                "child": None,
                "practice_area": "",
            },
            {
                "text": (
                    "Police and the ambulance service followed the joint agency response to an unexpected "
                    "child death, and the family were supported sensitively afterwards."
                ),
                "child": "Child R",
                "practice_area": "",
            },
        ],
        "lessons": [
            {
                "text": (
                    "There is a need for practitioners in every agency to understand the combined impact of "
                    "domestic abuse, substance misuse and mental ill health (the 'toxic trio') and to weigh "
                    "it in every assessment and referral."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Toxic trio"],
                "services": [
                    "Midwifery",
                    "Health visiting",
                    "Children's social care",
                    "GPs and primary care",
                ],
            },
            {
                "text": (
                    "There is a need for safe sleep advice to fit the family's circumstances, including "
                    "alcohol, drugs, smoking and sofa-sharing, and to be repeated at every contact."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Safe sleeping and infants"],
                "services": [
                    "Midwifery",
                    "Health visiting",
                    "GPs and primary care",
                    "Drug and alcohol services",
                ],
            },
            {
                "text": (
                    "There is a need for referrals to set out past and present risks together, so that the "
                    "combined risk is clear to whoever applies the threshold."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Information sharing and follow through", "Assessment quality"],
                "services": ["Midwifery", "Children's social care"],
            },
            {
                "text": (
                    "There is a need for fathers and male carers to be seen, assessed and included in safe "
                    "sleep and parenting advice."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Absent men", "Safe sleeping and infants"],
                "services": ["Midwifery", "Health visiting"],
            },
            {
                "text": (
                    "There is a need for adult mental health and drug and alcohol services to ask about "
                    "pregnancy and babies in the household, and to share concerns with maternity and health "
                    "visiting."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Parental mental health", "Parental substance misuse"],
                "services": ["Adult mental health", "Drug and alcohol services", "GPs and primary care"],
            },
            {
                "text": (
                    "There is a need for a pre-birth referral that does not meet the threshold to be "
                    "followed by a clear early help offer and a plan to review after the birth."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Early help and the CAF"],
                "services": ["Children's social care", "Midwifery", "Health visiting"],
            },
        ],
        "recommendations": [
            {
                "text": (
                    "Refresh the multi-agency safe sleeping guidance and risk assessment tool, with "
                    "specific prompts on alcohol, drugs and sofa-sharing."
                ),
                "owner": "Policies and Procedures Group",
                "child": None,
                "target_date": "2027-03-31",
                "status": "not_started",
                "outcome": "",
            },
            {
                "text": (
                    "Deliver 'toxic trio' training for midwives, health visitors, GPs and adult services."
                ),
                "owner": "Learning and Improvement Group",
                "child": None,
                "target_date": "2027-06-30",
                "status": "not_started",
                "outcome": "",
            },
            {
                "text": (
                    "Record the father's details and history at the midwife booking appointment and the new "
                    "birth visit."
                ),
                "owner": "Health",
                "child": None,
                "target_date": "2027-01-31",
                "status": "on_track",
                "outcome": "",
            },
            {
                "text": (
                    "Audit pre-birth referrals that did not meet the threshold, to check an early help "
                    "offer was made."
                ),
                "owner": "Quality Assurance and Performance Group",
                "child": None,
                "target_date": "2027-09-30",
                "status": "not_started",
                "outcome": "",
            },
        ],
    },
    {
        "reference": "SCR-2016-01",
        "slug": "child-o-serious-case-review",
        "title": "Child O: a young person in a large family living with neglect",
        "kind": "scr",
        "method": (
            "Serious case review: individual management reviews and an overview report by an independent "
            "author"
        ),
        "commissioned_on": "2015-04-13",
        "completed_on": "2016-02-26",
        "published_on": "2016-04-18",
        "period_start": "2009-04-01",
        "period_end": "2015-02-28",
        "state": "withdrawn",
        "visibility": "public",
        "not_for_publication_reason": "",
        "summary": (
            "Child O, aged 15, took his own life. He was one of eight children in a family known for many "
            "years to children's social care, health services, schools and the police because of neglect "
            "and domestic abuse.\n\n"
            "The review did not find any link between agencies' involvement and Child O's death. It did "
            "find that agencies worked mainly with the family as a whole and with its latest crisis, and "
            "that the individual children, Child O among them, were rarely seen or heard on their own.\n\n"
            "* Neglect continued at much the same level for years, with short-lived improvements followed "
            "by drift.\n"
            "* Assessments described the household rather than each child's experience.\n"
            "* A graded care profile was started once but never finished or repeated."
        ),
        "why_it_matters": (
            "In large families living with long-term neglect, individual children can disappear behind the "
            "family's needs. Each child needs to be seen, heard and assessed in their own right."
        ),
        "report_url": "",
        "themes": [
            "Neglect",
            "Voice of the child",
            "Self-harm and suicide",
            "Domestic abuse",
            "Assessment quality",
            "Supervision and management oversight",
        ],
        "services": [
            "Children's social care",
            "Schools and education",
            "School nursing",
            "GPs and primary care",
            "CAMHS",
            "Police",
            "Housing",
        ],
        "children": [
            {
                "pseudonym": "Child O",
                "age_years": 15,
                "age_band": "10_15",
                "sex": "male",
                "outcome": "died",
                "outcome_detail": "took his own life",
                "known_to_social_care": True,
                "child_in_need": True,
                "child_protection_plan": False,
                "looked_after": False,
            },
        ],
        "key_issues": [
            {
                "text": (
                    "Work focused on the family's immediate crises (housing, debt and domestic incidents) "
                    "rather than on the cumulative effect of neglect on each child."
                ),
                "child": None,
            },
            {
                "text": (
                    "Child O was seldom seen alone, and the low mood noticed at school was not shared with "
                    "his GP or with children's social care."
                ),
                "child": "Child O",
            },
            {
                "text": (
                    "The case was closed and reopened several times without anyone analysing the long-term "
                    "pattern."
                ),
                "child": None,
            },
            {
                "text": (
                    "Supervision did not challenge drift or ask what life was like for each of the children."
                ),
                "child": None,
            },
        ],
        "positive_factors": [
            {
                "text": (
                    "School staff noticed Child O becoming withdrawn and offered him mentoring sessions, "
                    "which he valued."
                ),
                "child": "Child O",
                "practice_area": "",
            },
            {
                "text": (
                    "The family's housing officer worked hard to secure a larger home and kept other "
                    "agencies informed."
                ),
                "child": None,
                "practice_area": "",
            },
        ],
        "lessons": [
            {
                "text": (
                    "There is a need for assessments in large families to consider each child separately: "
                    "their age, their needs and how neglect affects them."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Neglect", "Voice of the child", "Assessment quality"],
                "services": ["Children's social care", "Schools and education", "Health visiting"],
            },
            {
                "text": (
                    "There is a need for the graded care profile to be completed and repeated, so that "
                    "change, or the lack of it, can be measured over time."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Neglect", "Assessment quality"],
                "services": ["Children's social care", "Health visiting", "School nursing"],
            },
            {
                "text": (
                    "There is a need for signs of low mood or self-harm in a young person to be shared with "
                    "the GP and CAMHS and followed up."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Self-harm and suicide", "Information sharing and follow through"],
                "services": ["Schools and education", "School nursing", "GPs and primary care", "CAMHS"],
            },
            {
                "text": (
                    "There is a need for managers to look at the whole history when a case is re-referred, "
                    "and to challenge drift in long-term neglect."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Supervision and management oversight", "Neglect"],
                "services": ["Children's social care"],
            },
            {
                "text": (
                    "There is a need for practitioners to speak with each child alone and to record what "
                    "the child says."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Voice of the child"],
                "services": ["Children's social care", "Schools and education", "Police"],
            },
        ],
        "recommendations": [
            {
                "text": (
                    "Relaunch the neglect strategy, expecting a graded care profile for every child in a "
                    "family where neglect is the main concern."
                ),
                "owner": "All agencies",
                "child": None,
                "target_date": "2016-12-31",
                "status": "complete",
                "outcome": (
                    "The neglect strategy was relaunched in 2016, and more than 400 practitioners took up "
                    "graded care profile training places."
                ),
            },
            {
                "text": (
                    "Require managers to review the full case history before a case is opened for the third "
                    "time in two years."
                ),
                "owner": "Children's social care",
                "child": None,
                "target_date": "2016-09-30",
                "status": "complete",
                "outcome": "A re-referral check was added to the case management system in September 2016.",
            },
            {
                "text": (
                    "Agree a pathway from schools to CAMHS and the GP when a young person shows signs of "
                    "low mood or self-harm."
                ),
                "owner": "Commissioners",
                "child": None,
                "target_date": "2017-03-31",
                "status": "at_risk",
                "outcome": "",
            },
        ],
    },
    {
        "reference": "RR-2026-01",
        "slug": "child-p-rapid-review",
        "title": "Child P: rapid review",
        "kind": "rapid",
        "method": "Rapid review: agency information returns and a multi-agency rapid review meeting",
        "commissioned_on": "2026-11-09",
        "completed_on": None,
        "published_on": None,
        "period_start": "2026-05-01",
        "period_end": "2026-11-06",
        "state": "draft",
        "visibility": "public",
        "not_for_publication_reason": "",
        "summary": (
            "Child P, aged 3, was brought to the emergency department with a fractured arm and bruising to "
            "the face and back. The explanation given did not fit the injuries, and a skeletal survey found "
            "older, healing fractures.\n\n"
            "Child P attended nursery part-time, where staff had recorded two earlier bruises along with "
            "the parent's explanations. The family had moved into Northshire six months before, and records "
            "from the previous local authority had not yet arrived.\n\n"
            "The rapid review meeting will decide whether the criteria for a local child safeguarding "
            "practice review are met, and the review must go to the national panel within 15 working days."
        ),
        "why_it_matters": "",
        "report_url": "",
        "themes": ["Professional curiosity", "Information sharing and follow through"],
        "services": [
            "Early years",
            "Hospitals and emergency departments",
            "Children's social care",
            "Health visiting",
        ],
        "children": [
            {
                "pseudonym": "Child P",
                "age_years": 3,
                "age_band": "1_4",
                "sex": "",
                "outcome": "serious_harm",
                "outcome_detail": "fractured arm, bruising and older healing fractures",
                "known_to_social_care": False,
                "child_in_need": False,
                "child_protection_plan": False,
                "looked_after": False,
            },
        ],
        "key_issues": [
            {
                "text": (
                    "Nursery staff recorded two earlier bruises and accepted the parent's explanations "
                    "without seeking advice from the designated safeguarding lead."
                ),
                "child": "Child P",
            },
            {
                "text": (
                    "Records from the family's previous area were slow to arrive, so local agencies did not "
                    "know of earlier concerns."
                ),
                "child": None,
            },
        ],
        "positive_factors": [],
        "lessons": [
            {
                "text": (
                    "There is a need for early years practitioners to treat any bruising on a pre-school "
                    "child as a reason to seek safeguarding advice, whatever explanation is given."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Professional curiosity"],
                "services": ["Early years", "Health visiting"],
            },
            {
                "text": (
                    "There is a need for agencies to request, and chase, records promptly when a family "
                    "with a history of concerns moves into the area."
                ),
                "child": None,
                "practice_area": "",
                "themes": ["Information sharing and follow through"],
                "services": ["Children's social care", "Health visiting", "GPs and primary care"],
            },
        ],
        "recommendations": [],
    },
]
