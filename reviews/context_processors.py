from django.utils.functional import SimpleLazyObject

from reviews.models import BoardProfile


def board(request):
    """The board's profile for every page footer, read only when a template uses it."""
    return {"board": SimpleLazyObject(BoardProfile.current)}
