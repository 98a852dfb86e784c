"""How often one address, or one client, may ask for a confirmation e-mail.

Without a limit the sign-up form would send any number of e-mails to a stranger's inbox.
Counts are kept in Django's cache for an hour: a shared cache (``CACHES``) makes them count
across worker processes. The same limit applies whether or not an address is subscribed,
so a limited answer tells nothing about it.
"""

import hashlib

from django.core.cache import cache

WINDOW_SECONDS = 60 * 60
PER_ADDRESS = 3
PER_CLIENT = 10


def _counted(key: str, limit: int) -> bool:
    """Count one more request under ``key``; whether it is still within ``limit``."""
    if cache.add(key, 1, WINDOW_SECONDS):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, WINDOW_SECONDS)
        return True
    return count <= limit


def subscribe_allowed(*, email: str, client: str | None) -> bool:
    """Whether another confirmation e-mail may go to ``email`` at the request of ``client``."""
    address = hashlib.sha256(email.encode()).hexdigest()  # no address in the cache's keys
    client_ok = _counted(f"alerts:subscribe:client:{client or 'unknown'}", PER_CLIENT)
    address_ok = _counted(f"alerts:subscribe:address:{address}", PER_ADDRESS)
    return client_ok and address_ok
