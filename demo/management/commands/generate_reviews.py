import random

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from actions.models import Action
from actions.services import recommendation_progress
from demo import synthetic
from reviews.caching import library_counts_rebuild
from reviews.models import (
    Child,
    KeyIssue,
    Lesson,
    OwnerGroup,
    PositiveFactor,
    Recommendation,
    Review,
    Service,
    Theme,
)
from reviews.search import finding_search_vectors_update

BATCH = 500


class Command(BaseCommand):
    help = "Add realistic synthetic reviews (with children, findings, lessons) for scale testing."

    def add_arguments(self, parser):
        parser.add_argument("--reviews", type=int, default=1000, help="How many reviews to add.")
        parser.add_argument("--lessons", type=int, default=10, help="Lessons per review, on average.")
        parser.add_argument("--seed", type=int, default=2026, help="Random seed, for repeatable data.")
        parser.add_argument(
            "--actions", type=int, default=3, help="Actions per recommendation, about (0: no action plans)."
        )

    def handle(self, *args, reviews, lessons, seed, actions, **options):
        if reviews < 1 or lessons < 0:
            raise CommandError("--reviews must be at least 1 and --lessons at least 0.")
        rng = random.Random(seed)
        themes = list(Theme.objects.values_list("id", flat=True))
        services = list(Service.objects.values_list("id", flat=True))
        owners = list(OwnerGroup.objects.values_list("id", flat=True))
        if not (themes and services and owners):
            raise CommandError("The controlled lists are empty: run `manage.py migrate` first.")
        start = Review.objects.filter(reference__startswith="GEN-").count() + 1
        self.actions_each = max(0, actions)
        self.lead = synthetic.action_lead() if actions else None

        with tqdm(total=reviews, unit="review", disable=options["verbosity"] == 0) as progress:
            for first in range(start, start + reviews, BATCH):
                count = min(BATCH, start + reviews - first)
                self._batch(rng, range(first, first + count), lessons, themes, services, owners)
                progress.update(count)
        # Bulk inserts send no signals: fill the new findings' search vectors in one statement,
        # and count the library again (the tags of lessons were inserted after the lessons).
        finding_search_vectors_update(missing_only=True)
        library_counts_rebuild()
        self.stdout.write(f"Added {reviews} synthetic reviews.")

    @transaction.atomic
    def _batch(self, rng, numbers, lessons_each, themes, services, owners):
        batch = Review.objects.bulk_create([Review(**synthetic.review_fields(rng, n)) for n in numbers])
        review_themes, review_services, children = [], [], []
        for review in batch:
            review_themes += [
                Review.themes.through(review_id=review.id, theme_id=t) for t in rng.sample(themes, 3)
            ]
            review_services += [
                Review.services.through(review_id=review.id, service_id=s) for s in rng.sample(services, 4)
            ]
            for order, pseudonym in enumerate(rng.sample(synthetic.PSEUDONYMS, rng.choice([1, 1, 1, 2]))):
                children.append(
                    Child(
                        review=review,
                        order=order,
                        pseudonym=pseudonym,
                        age_years=rng.randrange(0, 18),
                        outcome=rng.choice(Child.Outcome.values),
                        known_to_social_care=rng.random() < 0.6,
                        child_protection_plan=rng.random() < 0.25,
                    )
                )
        Review.themes.through.objects.bulk_create(review_themes)
        Review.services.through.objects.bulk_create(review_services)
        Child.objects.bulk_create(children)

        def text():
            return synthetic.sentence(rng)

        KeyIssue.objects.bulk_create(
            KeyIssue(review=r, order=i, text=text()) for r in batch for i in range(3)
        )
        PositiveFactor.objects.bulk_create(
            PositiveFactor(review=r, order=i, text=text()) for r in batch for i in range(2)
        )
        recommendations = [
            Recommendation(review=r, order=i, text=text(), owner_group_id=rng.choice(owners))
            for r in batch
            for i in range(3)
        ]
        plans = [self._plan(rng, owners) for _ in recommendations]
        for recommendation, plan in zip(recommendations, plans, strict=True):
            # Bulk inserts send no signals: the progress the action plan would keep is set here.
            recommendation.status = recommendation_progress([action.state for action in plan])
            if recommendation.status == Recommendation.Status.COMPLETE:
                recommendation.outcome = text()
        Recommendation.objects.bulk_create(recommendations)
        for recommendation, plan in zip(recommendations, plans, strict=True):
            for action in plan:
                action.recommendation_id = recommendation.id
        Action.objects.bulk_create(action for plan in plans for action in plan)
        lessons = Lesson.objects.bulk_create(
            Lesson(review=r, order=i, text=text())
            for r in batch
            for i in range(max(0, lessons_each + rng.choice([-1, 0, 0, 1])))
        )
        Lesson.themes.through.objects.bulk_create(
            Lesson.themes.through(lesson_id=lesson.id, theme_id=t)
            for lesson in lessons
            for t in rng.sample(themes, rng.choice([1, 2, 2, 3]))
        )
        Lesson.services.through.objects.bulk_create(
            Lesson.services.through(lesson_id=lesson.id, service_id=s)
            for lesson in lessons
            for s in rng.sample(services, rng.choice([1, 2, 3]))
        )

    def _plan(self, rng, owners):
        if not self.actions_each:
            return []
        today = timezone.localdate()
        count = max(1, self.actions_each + rng.choice([-1, 0, 0, 1]))
        return [
            Action(owner_group_id=rng.choice(owners), lead=self.lead, **synthetic.action_fields(rng, today))
            for _ in range(count)
        ]
