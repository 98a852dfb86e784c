from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from reviews.models import Child, Lesson, Review

pytestmark = pytest.mark.django_db


def test_generate_reviews_adds_realistic_reviews_and_can_run_again():
    call_command("generate_reviews", reviews=30, lessons=10, verbosity=0, stdout=StringIO())
    call_command("generate_reviews", reviews=5, lessons=2, verbosity=0, stdout=StringIO())
    assert Review.objects.count() == 35
    assert Review.objects.filter(reference="GEN-000035").exists()
    assert 250 <= Lesson.objects.filter(review__reference__lte="GEN-000030").count() <= 350
    assert Child.objects.count() >= 35
    assert Lesson.objects.filter(themes__isnull=False).distinct().count() == Lesson.objects.count()
    for review in Review.objects.all():
        review.full_clean()  # every generated row keeps the model's rules


def test_generate_reviews_refuses_nonsense():
    with pytest.raises(CommandError, match="at least 1"):
        call_command("generate_reviews", reviews=0, stdout=StringIO())
