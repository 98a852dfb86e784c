import datetime

import factory
from django.contrib.auth.models import Group

from accounts import roles
from actions.models import Action, OwnerMembership
from tests.factories import OwnerGroupFactory, RecommendationFactory, UserFactory, with_role


class ActionOwnerFactory(UserFactory):
    """An agency's lead, reporting on the actions of ``owner_group``."""

    class Meta:
        model = UserFactory._meta.model
        skip_postgeneration_save = True

    organisation = "Northshire Police"
    role = with_role(roles.ACTION_OWNER)

    @factory.post_generation
    def owner_group(self, create, extracted, **kwargs):
        if create and extracted:
            OwnerMembership.objects.create(user=self, owner_group=extracted)


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    recommendation = factory.SubFactory(RecommendationFactory)
    text = factory.Sequence(lambda n: f"Deliver briefing sessions on information sharing, round {n}.")
    owner_group = factory.SubFactory(OwnerGroupFactory, name="Police")
    lead = factory.SubFactory(UserFactory)
    target_date = datetime.date(2026, 6, 30)


def groups_exist():
    return Group.objects.filter(name=roles.ACTION_OWNER).exists()
