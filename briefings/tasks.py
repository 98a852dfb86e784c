"""Background work: rendering the PDFs that are kept for everyone to download.

A rendering takes from a fraction of a second to several seconds, so a public document is
never rendered in a web request. In production the tasks wait in the database until
``manage.py db_worker`` runs them; in development and tests each runs as soon as it is queued
(the TASKS setting). A task that finds its PDF already kept does nothing, so queueing twice
is harmless.
"""

from django.tasks import task


@task
def newsletter_pdf_render(newsletter_id: int) -> None:
    from briefings.kept_pdfs import newsletter_pdf_ensure

    newsletter_pdf_ensure(newsletter_id=newsletter_id)


@task
def review_briefing_pdf_render(review_id: int) -> None:
    from briefings.kept_pdfs import review_briefing_pdf_ensure

    review_briefing_pdf_ensure(review_id=review_id)
