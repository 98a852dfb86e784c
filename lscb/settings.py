"""Settings for the case review system, read from environment variables.

With nothing set the project runs in development mode on an embedded SQLite file,
so that ``make run`` works on a new machine. ``DEBUG=false`` is production mode:
there a missing ``SECRET_KEY`` or ``ALLOWED_HOSTS`` stops start-up.
See ``.env.example`` for every variable.
"""

from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

from lscb.env import env_bool, env_int, env_list, env_secret_key, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=True)
PRODUCTION = not DEBUG

SECRET_KEY = env_secret_key(
    "SECRET_KEY", default="development-only-key-never-used-in-production", production=PRODUCTION
)
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"], required=PRODUCTION
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "accounts.apps.BoardAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django.forms",
    "crispy_forms",
    "crispy_bootstrap5",
    "bootstrap",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "accounts",
    "reviews",
    "briefings",
    "actions",
    "cases",
    "disclosure",
    "learnt_before",
    "insight",
    "alerts",
    "api",
    "workbooks",
    "archive",
    "pages",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "accounts.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.StaffSessionExpiryMiddleware",
    "accounts.middleware.NoStoreWhenSignedInMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lock-out into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lscb.urls"
WSGI_APPLICATION = "lscb.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "reviews.context_processors.board",
            ],
        },
    },
]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out account is refused before its password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "pages:home"
LOGOUT_REDIRECT_URL = "pages:home"

# Practitioners may register themselves only with an address at one of these domains
# (the board's partner agencies), and must confirm it from their inbox.
PRACTITIONER_EMAIL_DOMAINS = env_list(
    "PRACTITIONER_EMAIL_DOMAINS", default=["nhs.net", "police.uk", "northshire.gov.uk"]
)

# true when the site sits behind its own reverse proxies (TLS ends there); PROXY_COUNT says how many.
BEHIND_PROXY = env_bool("BEHIND_PROXY", default=False)
PROXY_COUNT = env_int("PROXY_COUNT", 1)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# A history row keeps the reason a person gave (a decision, a correction) in full, however long.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# Lock-out after repeated failed sign-ins (django-axes); see accounts/lockout.py.
# An account locks after AXES_FAILURE_LIMIT failures against it, from any address; only its
# own successful sign-in clears them (reset by username alone, never by address).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
# An address is held back only after this many failures against real accounts in the same time.
SIGN_IN_ADDRESS_FAILURE_LIMIT = env_int("SIGN_IN_ADDRESS_FAILURE_LIMIT", 30)
AXES_HANDLER = "accounts.lockout.SignInHandler"
# axes warns when addresses are not a lock-out parameter; here the handler limits each address
# instead (on failures against real accounts), so that one shared address cannot lock everyone.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
# The open data API (api/) sets its rules on its own classes; only the schema generator, which
# drf-spectacular's start-up check also runs over every view, is named here.
REST_FRAMEWORK = {"DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema"}
SPECTACULAR_SETTINGS = {
    "ENUM_NAME_OVERRIDES": {
        "ReviewKindEnum": "reviews.models.review.ReviewKind",
        "NewsletterKindEnum": "briefings.models.NewsletterKind",
    },
}
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.client_address"
AXES_USERNAME_CALLABLE = "accounts.lockout.username"
# Both sign-in forms name the e-mail field "username", as Django's AuthenticationForm does.
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
# Successful sign-ins (address and browser) are kept this many days, then deleted.
ACCESS_LOG_DAYS = env_int("ACCESS_LOG_DAYS", 90)

# Two-factor sign-in (TOTP) for staff: on by default in production, off in development.
STAFF_TWO_FACTOR_REQUIRED = env_bool("STAFF_TWO_FACTOR_REQUIRED", default=PRODUCTION)
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", default="Case reviews")
# An authenticator app is set up only through a single-use link e-mailed to the staff member.
TWO_FACTOR_ENROLMENT_SECONDS = 30 * 60

# The cache (pages, counts, rate limits): each process's own memory by default. With REDIS_URL,
# one Redis shared by every worker and server, so that after a change each page is computed
# once, not once per process; sessions are then read from it too and still written to the
# database, so a Redis restart signs nobody out.
REDIS_URL = env_str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", default="lscb"),
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Staff sessions end after 30 minutes idle and 12 hours in all; readers keep theirs for two weeks.
STAFF_SESSION_IDLE_SECONDS = env_int("STAFF_SESSION_IDLE_SECONDS", 30 * 60)
STAFF_SESSION_MAX_SECONDS = env_int("STAFF_SESSION_MAX_SECONDS", 12 * 60 * 60)
SESSION_COOKIE_AGE = 14 * 24 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
# Uploaded files and kept PDFs: the MEDIA_ROOT folder by default. With S3_BUCKET, an
# S3-compatible object store (django-storages), so that several app servers share them. Every
# file is private (served only through the site's own views, which check who is asking).
S3_BUCKET = env_str("S3_BUCKET", default="")
DEFAULT_STORAGE = (
    {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env_str("S3_ENDPOINT_URL"),
            "region_name": env_str("S3_REGION"),
            "access_key": env_str("S3_ACCESS_KEY_ID"),
            "secret_key": env_str("S3_SECRET_ACCESS_KEY"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    if S3_BUCKET
    else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
)
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Uploaded reports are PDFs of a few megabytes; anything far larger is a mistake.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# A review is entered on one admin page with every child and finding: about eight fields a
# finding, so Django's default of 1,000 fields refuses (and loses) a review of ~125 findings.
# 10,000 fields carries a review of over 1,000 findings; the memory limit above still bounds the request.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Development prints e-mails (password resets, sign-up confirmations) to the console;
# production sends them through SMTP (EMAIL_HOST and friends).
MAILERS = {
    "default": {
        "BACKEND": env_str(
            "EMAIL_BACKEND",
            default="django.core.mail.backends.smtp.EmailBackend"
            if PRODUCTION
            else "django.core.mail.backends.console.EmailBackend",
        ),
        "OPTIONS": {
            key: value
            for key, value in {
                "host": env_str("EMAIL_HOST"),
                "port": env_int("EMAIL_PORT", 0) or None,
                "username": env_str("EMAIL_HOST_USER"),
                "password": env_str("EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("EMAIL_USE_TLS", default=False) or None,
            }.items()
            if value is not None
        },
    }
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", default="noreply@localhost")

# Content Security Policy (Django's own): scripts only from this site, never inline.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    # The admin sets a few style attributes; styles cannot run code.
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=PRODUCTION)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=PRODUCTION)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION

# PDFs of public documents are rendered in the background and kept, never in a web request.
# Production queues the work in the database for `manage.py db_worker`; development and tests
# run each task at once, so `make run` needs no worker.
BACKGROUND_WORKER = env_bool("BACKGROUND_WORKER", default=PRODUCTION)
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if BACKGROUND_WORKER
        else "django.tasks.backends.immediate.ImmediateBackend"
    }
}
# The search index (reviews/search_index.py): an embedded tantivy index in this folder, one per
# app server, used on PostgreSQL. Set it empty to search with PostgreSQL alone.
SEARCH_INDEX_DIR = env_str("SEARCH_INDEX_DIR", default=str(BASE_DIR / "search-index"))
# The site's own address, printed in PDFs (a PDF is made without a request to read it from).
SITE_URL = env_str(
    "SITE_URL", default=f"https://{ALLOWED_HOSTS[0]}" if PRODUCTION else "http://localhost:8000"
).rstrip("/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Sign-ins, failed sign-ins, lock-outs and publication decisions.
        "lscb.audit": {"level": "INFO"},
        "axes": {"level": "WARNING"},
        # WeasyPrint reports every layout step at INFO.
        "weasyprint": {"level": "WARNING"},
        # Every task's start and end; failures still show.
        "django.tasks": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
