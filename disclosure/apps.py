from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    """The publication check: nothing that could identify a child is published without a decision.

    Before a review or newsletter becomes public, its texts are searched for exact dates, names,
    places, contact details and identifying numbers. The approver fixes what was found or records
    why it is safe; the workflow refuses to publish until one or the other is done. Reviews and
    briefings know nothing of this app: it adds its check and its part of the confirmation page
    to their extension points here.
    """

    name = "disclosure"
    verbose_name = "Publication check"

    def ready(self):
        from disclosure.pages import confirmation_part
        from disclosure.services import publication_refusal
        from reviews.workflow import PUBLICATION_CHECKS
        from reviews.workflow_admin import TRANSITION_PAGE_PARTS

        if publication_refusal not in PUBLICATION_CHECKS:
            PUBLICATION_CHECKS.append(publication_refusal)
        if confirmation_part not in TRANSITION_PAGE_PARTS:
            TRANSITION_PAGE_PARTS.append(confirmation_part)
