import datetime

import factory
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction

from accounts import roles
from accounts.models import User
from reviews.caching import library_changes_together
from reviews.models import (
    BoardProfile,
    Child,
    KeyIssue,
    Lesson,
    OwnerGroup,
    PositiveFactor,
    PracticeArea,
    Recommendation,
    Review,
    Service,
    Theme,
)


class ModelFactory(factory.django.DjangoModelFactory):
    """Makes a test's starting data without history rows, unless asked (``history=True``).

    A test's starting data is not anyone's change: the admin, the services and the workflow,
    which the tests exercise, still write history as in production. Recording it for every
    object a factory makes was a fifth of the suite's time (and most of it the copies of
    themes and services that each record of a lesson or review keeps).
    """

    class Meta:
        abstract = True

    @classmethod
    def _generate(cls, strategy, params):
        history = params.pop("history", False)
        previous = getattr(settings, "SIMPLE_HISTORY_ENABLED", True)
        settings.SIMPLE_HISTORY_ENABLED = history and previous
        try:
            # A lesson made with its themes and services is counted in the library once, when
            # it is complete, as the admin counts a review saved with its findings.
            with transaction.atomic(), library_changes_together():
                return super()._generate(strategy, params)
        finally:
            settings.SIMPLE_HISTORY_ENABLED = previous


class UserFactory(ModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    first_name = "Sam"
    last_name = factory.Sequence(lambda n: f"Reader{n}")
    password = factory.PostGenerationMethodCall("set_password", "a-long-test-password")

    @factory.post_generation
    def save_password(self, create, extracted, **kwargs):
        if create:
            self.save()


def with_role(name):
    """Give the user one of the board's roles (the groups made by the roles data migration)."""

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        if create:
            user.groups.add(Group.objects.get(name=name))

    return role


class PractitionerFactory(UserFactory):
    organisation = "Northshire health visiting"
    role = with_role(roles.PRACTITIONER)


class OfficerFactory(UserFactory):
    """A board officer: enters and edits reviews, submits them; cannot publish."""

    is_staff = True
    role = with_role(roles.OFFICER)


class ManagerFactory(UserFactory):
    """A board manager: an officer who may also approve, publish and withdraw."""

    is_staff = True
    role = with_role(roles.MANAGER)


class SuperuserFactory(UserFactory):
    is_staff = True
    is_superuser = True


class ThemeFactory(ModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Test theme {n}")
    slug = factory.Sequence(lambda n: f"test-theme-{n}")


class ServiceFactory(ModelFactory):
    class Meta:
        model = Service
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Test service {n}")
    slug = factory.Sequence(lambda n: f"test-service-{n}")


class OwnerGroupFactory(ModelFactory):
    class Meta:
        model = OwnerGroup
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Test group {n}")


class BoardProfileFactory(ModelFactory):
    class Meta:
        model = BoardProfile

    name = "Northshire Safeguarding Children Partnership"
    short_name = "NSCP"
    address = "Civic Centre\nNorthshire\nNS1 1AA"
    telephone = "01632 960 000"
    email = "learning@northshire-scp.example"
    website = "https://northshire-scp.example"
    chair = "Pat Example"


class ReviewFactory(ModelFactory):
    class Meta:
        model = Review

    title = factory.Sequence(lambda n: f"Child {n}: management review")
    reference = factory.Sequence(lambda n: f"TEST-{n:05d}")
    slug = factory.Sequence(lambda n: f"test-review-{n}")
    kind = Review.Kind.MANAGEMENT
    method = "Facilitated discussion"
    commissioned_on = datetime.date(2024, 1, 10)
    completed_on = datetime.date(2024, 6, 30)
    published_on = datetime.date(2024, 9, 1)
    summary = "The child was known to several agencies.\n\n* School raised concerns\n* The GP was not told"
    why_it_matters = "Neglect that is not named is not acted on."
    state = Review.State.PUBLISHED
    visibility = Review.Visibility.PUBLIC
    not_for_publication_reason = factory.LazyAttribute(
        lambda o: "To protect the victim." if o.state == Review.State.NOT_FOR_PUBLICATION else ""
    )


class ChildFactory(ModelFactory):
    class Meta:
        model = Child

    review = factory.SubFactory(ReviewFactory)
    pseudonym = factory.Sequence(lambda n: f"Child {chr(65 + n % 26)}{n}")
    age_years = 6
    outcome = Child.Outcome.SERIOUS_HARM
    known_to_social_care = True


class PracticeAreaFactory(ModelFactory):
    class Meta:
        model = PracticeArea

    review = factory.SubFactory(ReviewFactory)
    name = factory.Sequence(lambda n: f"Practice area {n}")
    order = factory.Sequence(int)


class FindingFactory(ModelFactory):
    review = factory.SubFactory(ReviewFactory)
    text = factory.Sequence(lambda n: f"Finding number {n} about information sharing.")
    order = factory.Sequence(int)


class WithPracticeAreaMixin:
    """``practice_area="Health"`` finds or adds the review's area of that name (ignoring case)."""

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        name = kwargs.get("practice_area")
        if isinstance(name, str):
            review = kwargs["review"]
            kwargs["practice_area"] = (
                review.practice_areas.filter(name__iexact=name.strip()).first()
                or PracticeAreaFactory(review=review, name=name.strip())
                if name.strip()
                else None
            )
        return super()._create(model_class, *args, **kwargs)


class KeyIssueFactory(FindingFactory):
    class Meta:
        model = KeyIssue


class PositiveFactorFactory(WithPracticeAreaMixin, FindingFactory):
    class Meta:
        model = PositiveFactor


class LessonFactory(WithPracticeAreaMixin, FindingFactory):
    class Meta:
        model = Lesson
        skip_postgeneration_save = True

    text = factory.Sequence(lambda n: f"There is a need for timely assessment number {n}.")

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def services(self, create, extracted, **kwargs):
        if create and extracted:
            self.services.set(extracted)


class RecommendationFactory(FindingFactory):
    class Meta:
        model = Recommendation

    owner_group = factory.SubFactory(OwnerGroupFactory, name="All agencies")
