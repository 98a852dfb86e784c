import secrets

from django.db import models


def new_stamp() -> str:
    return secrets.token_hex(6)


class ContentVersion(models.Model):
    """One row whose number rises whenever what the library shows may have changed.

    Cached pages are kept under it (reviews/caching.py), so every request reads it: a
    primary-key lookup, where counting every review and finding the latest change grew with
    the library. It is raised by the receivers that keep ``Review.updated_at`` honest
    (reviews/signals.py), inside the writer's transaction, so a cached page never outlives a
    committed change and a rolled-back change raises nothing. Concurrent writers queue on the
    row for the rest of their transaction, which a board's handful of officers never notices.
    """

    number = models.BigIntegerField(default=0)
    # New with each row: a database emptied and filled again starts its numbers afresh, and
    # what was kept under the old numbers (the search index's label) must not match them.
    stamp = models.CharField(max_length=12, default=new_stamp)

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return f"content version {self.number}"


class SearchChange(models.Model):
    """A review whose findings the search index must read again (reviews/search_index.py).

    Noted with every raise of the content version, in the writer's transaction and behind the
    version row's lock, so that notes are numbered in the order their changes committed: the
    index reads the notes after the last one it read, and misses none.
    """

    id = models.BigAutoField(primary_key=True)
    review_id = models.BigIntegerField(null=True)  # None: every review (a bulk load or a restore)

    class Meta:
        verbose_name = "change for the search index"

    def __str__(self):
        return f"search change {self.id}: review {self.review_id or 'all'}"
