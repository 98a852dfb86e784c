import datetime

import factory

from cases.models import Case


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    reference = factory.Sequence(lambda n: f"SI-TEST-{n:04d}")
    incident = Case.Incident.SERIOUS_HARM
    aware_on = datetime.date(2026, 3, 2)
    outline = "Child Z, 3, admitted with injuries."
