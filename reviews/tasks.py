"""Background work of the library: keeping the search index in step (reviews/search_index.py).

Queued after each change commits; in production it waits in the database for
``manage.py db_worker``. A run that finds nothing new does nothing, so queueing twice is harmless.
"""

from django.tasks import task


@task
def search_index_update() -> None:
    from reviews.search_index import index_update

    index_update()
