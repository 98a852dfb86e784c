import logging
import os

from django.apps import AppConfig

logger = logging.getLogger(__name__)


class BriefingsConfig(AppConfig):
    name = "briefings"
    verbose_name = "Newsletters and briefings"

    def ready(self):
        from briefings import signals

        signals.connect()
        # Gunicorn's arbiter sets SERVER_SOFTWARE; its workers load the project before they take
        # requests, so preparing WeasyPrint here keeps its one-off costs out of every reader's
        # first download. Management commands and tests never pay for it.
        if os.environ.get("SERVER_SOFTWARE", "").startswith("gunicorn"):
            from briefings.pdf import warm_up

            try:
                warm_up()
            except Exception:
                # Without Pango the site still serves everything but PDFs (they answer 503).
                logger.exception("WeasyPrint could not be prepared; PDFs will not be available")
