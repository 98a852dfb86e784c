from django.test import TestCase

from briefings.models import Newsletter
from briefings.services import newsletter_publish, newsletter_submit
from tests.factories import OfficerFactory


def approve_and_publish(*, newsletter, by, keep_pdf=True):
    """The four-eyes route to publication: an officer submits, then ``by`` (a manager) approves.

    The PDF is queued once publishing commits and, with the tests' immediate task backend, kept
    at once (a test's transaction never commits, so the after-commit steps are run here);
    ``keep_pdf=False`` skips the rendering.
    """
    if newsletter.state == Newsletter.State.DRAFT:
        newsletter = newsletter_submit(newsletter=newsletter, by=OfficerFactory())
    with TestCase.captureOnCommitCallbacks(execute=keep_pdf):
        return newsletter_publish(newsletter=newsletter, by=by)
