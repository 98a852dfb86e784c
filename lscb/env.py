"""Small, strict readers for settings that come from the environment.

A value that cannot be read is an error at start-up, never a silent guess:
a typo in ``DEBUG=Flase`` must not leave a production site in debug mode.
"""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


def env_str(name: str, default: str | None = None, *, required: bool = False) -> str | None:
    value = os.environ.get(name)
    if value is None or value == "":
        if required:
            raise ImproperlyConfigured(f"The {name} environment variable must be set in production.")
        return default
    return value


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean: use true or false.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None


def env_list(name: str, default: list[str] | None = None, *, required: bool = False) -> list[str]:
    value = env_str(name, required=required)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


# Keys that have been published (examples, old defaults) protect nothing, however long.
_PUBLISHED_KEYS = {
    "change-me",
    "local-compose-only-change-me-0123456789abcdefghijklmnopqrstuvwxyz",
    "development-only-key-never-used-in-production",
}
_MIN_KEY_LENGTH = 50


def env_secret_key(name: str, *, default: str, production: bool) -> str:
    """The key that signs sessions, password-reset and set-up links: in production, long and unpublished.

    Anyone who knows it can forge those links and sessions, so an example value, an old
    default or Django's "insecure" key stops start-up rather than passing with a warning.
    """
    value = env_str(name, default=default, required=production)
    if not production:
        return value
    weak = (
        value in _PUBLISHED_KEYS
        or "change-me" in value.lower()
        or value.startswith("django-insecure")
        or len(value) < _MIN_KEY_LENGTH
    )
    if weak:
        raise ImproperlyConfigured(
            f"{name} is too weak for production: use at least {_MIN_KEY_LENGTH} random characters, e.g. from "
            '`python -c "import secrets; print(secrets.token_urlsafe(50))"`. '
            "Example values, published defaults and Django's insecure keys are refused."
        )
    return value
