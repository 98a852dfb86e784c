from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from accounts.models import User

pytestmark = pytest.mark.django_db


def test_demo_officer_prints_sign_in_details(settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("demo_officer", stdout=out)
    call_command("demo_officer", stdout=out)
    assert "officer@example.org" in out.getvalue() and "manager@example.org" in out.getvalue()
    officer = User.objects.get(email="officer@example.org")
    assert officer.is_staff and officer.has_perm("reviews.submit_review")
    assert not officer.has_perm("reviews.publish_review")
    assert User.objects.get(email="manager@example.org").has_perm("reviews.publish_review")


def test_demo_officer_is_never_created_in_production(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="development only"):
        call_command("demo_officer", stdout=StringIO())
