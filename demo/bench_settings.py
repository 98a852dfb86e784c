"""The project's settings as the benches serve them: DEBUG off, plus the floor page.

Like ``bench_pages`` (which overrides the same settings in-process), without a production
key, static manifest or HTTPS in front: what is measured is the application's own work.
Used by ``bench_throughput`` as DJANGO_SETTINGS_MODULE of the gunicorn it starts.
"""

from lscb.settings import *  # noqa: F403

DEBUG = False
ROOT_URLCONF = "demo.floor_urls"
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The bench database's own search index, apart from the one of the database it was made beside.
SEARCH_INDEX_DIR = str(BASE_DIR / "search-index-bench")  # noqa: F405
