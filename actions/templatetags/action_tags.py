"""“What has changed since”: the board's responses to a review's or a theme's learning.

Rendered outside the review page's cached fragment, because board staff also see responses
not yet published; everyone else sees only published ones (``BoardResponse.objects.visible_to``).
"""

from django import template

from actions.models import BoardResponse

register = template.Library()


@register.inclusion_tag("actions/board_responses.html", takes_context=True)
def board_responses(context, about):
    responses = BoardResponse.objects.visible_to(context["request"].user).filter(
        **{about._meta.model_name + "s": about}
    )
    return {"responses": list(responses)}
