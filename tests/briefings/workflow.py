from briefings.models import Newsletter
from briefings.services import newsletter_publish, newsletter_submit
from tests.factories import OfficerFactory


def approve_and_publish(*, newsletter, by):
    """The four-eyes route to publication: an officer submits, then ``by`` (a manager) approves."""
    if newsletter.state == Newsletter.State.DRAFT:
        newsletter = newsletter_submit(newsletter=newsletter, by=OfficerFactory())
    return newsletter_publish(newsletter=newsletter, by=by)
