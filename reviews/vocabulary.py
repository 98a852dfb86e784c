"""The starting controlled lists, from the board's practice. Officers can edit them later.

Used once by the data migration that seeds them; later edits live in the database.
"""

THEMES = [
    "Neglect",
    "Domestic abuse",
    "Parental mental health",
    "Parental substance misuse",
    "Toxic trio",
    "Child sexual exploitation",
    "Criminal exploitation and gangs",
    "Children who sexually harm others",
    "Self-harm and suicide",
    "Safe sleeping and infants",
    "Disabled children and complex health needs",
    "Transition to adult services",
    "Looked-after children and placements",
    "Kinship and connected-person care",
    "Information sharing and follow through",
    "Multi-agency working and the lead professional",
    "Assessment quality",
    "Voice of the child",
    "Absent men",
    "Rule of optimism",
    "Professional curiosity",
    "Escalation and professional challenge",
    "Was not brought (non-attendance)",
    "Early help and the CAF",
    "Weekends and out of hours",
    "Supervision and management oversight",
    "Adolescent risk",
]

SERVICES = [
    "Children's social care",
    "Police",
    "Midwifery",
    "Health visiting",
    "School nursing",
    "GPs and primary care",
    "Dental services",
    "Hospitals and emergency departments",
    "Ambulance service",
    "CAMHS",
    "Adult mental health",
    "Drug and alcohol services",
    "Schools and education",
    "Early years",
    "Housing",
    "Probation",
    "Youth justice",
    "Adult social care",
    "Fostering and residential providers",
    "Voluntary sector",
]

OWNER_GROUPS = [
    "All agencies",
    "Police",
    "Children's social care",
    "Health",
    "Commissioners",
    "Policies and Procedures Group",
    "Learning and Improvement Group",
    "Case Review Group",
    "Quality Assurance and Performance Group",
]
