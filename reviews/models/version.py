from django.db import models


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

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return f"content version {self.number}"
