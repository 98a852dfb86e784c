"""The demo loaded once for a module of tests, inside a transaction rolled back when it ends."""

from contextlib import contextmanager
from io import StringIO

from django.core.management import call_command
from django.db import transaction
from django.test import TestCase, override_settings

from briefings.kept_pdfs import renderings_deferred


@contextmanager
def demo_loaded(django_db_blocker, media):
    """Load the demo (its files kept under ``media``), then undo it all when the block ends.

    What follows the load's commit ("learnt before") is run as it ends: here nothing commits.
    Its PDFs are left to their first download (``--no-pdfs``): printing is tested on its own.
    """
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        with renderings_deferred(), TestCase.captureOnCommitCallbacks(execute=True):
            call_command("load_demo", pdfs=False, stdout=StringIO())
        yield
        transaction.set_rollback(True)
