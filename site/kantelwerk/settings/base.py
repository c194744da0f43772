"""Settings shared by every environment. Environment-specific files import * from here."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .env import env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent.parent

INSTALLED_APPS = [
    "people",
    "scenarios",
    "courses",
    "dashboards",
    "home",
    "privacy",
    "demo",
    "live",
    "accreditation",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "kantelwerk.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kantelwerk.middleware.UploadLimitsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "kantelwerk.middleware.StaffMfaMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "kantelwerk.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kantelwerk.context_processors.language_switch",
                "kantelwerk.context_processors.roles",
                "kantelwerk.context_processors.content_language",
            ],
        },
    },
]

WSGI_APPLICATION = "kantelwerk.wsgi.application"

# SQLite is the embedded default. WAL lets readers work while one writer writes; IMMEDIATE
# transactions take the write lock up front, so concurrent writers wait (busy_timeout)
# instead of failing halfway with "database is locked".
SQLITE_OPTIONS = {
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA busy_timeout=20000; PRAGMA foreign_keys=ON;"
    ),
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}


def database_from_env(default_sqlite_path: Path) -> dict:
    """Return the default database: DATABASE_URL when set, else a SQLite file."""
    url = env_str("DATABASE_URL", "")
    if url:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
        if config["ENGINE"].endswith("sqlite3"):
            config["OPTIONS"] = SQLITE_OPTIONS
        return config
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": default_sqlite_path,
        "OPTIONS": SQLITE_OPTIONS,
        # Keep the connection: opening one runs the PRAGMAs above on every request.
        "CONN_MAX_AGE": 600,
    }


DATABASES = {"default": database_from_env(BASE_DIR / "db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


CACHE_TABLE = "kantelwerk_cache"


def caches_from_env(*, shared: bool = False) -> dict:
    """Return Redis as cache when REDIS_URL is set; else a table in the database when the
    cache must be ``shared`` by every worker (rate limits), else per-process local memory.

    The table is made by ``manage.py createcachetable``.
    """
    url = env_str("REDIS_URL", "")
    if url:
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": url,
                "KEY_PREFIX": "kantelwerk",
            }
        }
    if shared:
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.db.DatabaseCache",
                "LOCATION": CACHE_TABLE,
                # Culling drops entries at random, rate-limit histories among them.
                "OPTIONS": {"MAX_ENTRIES": 100_000},
            }
        }
    return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


CACHES = caches_from_env()
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if env_str("REDIS_URL", "")
    else "people.session_store"  # Django's db sessions, read with one prepared statement
)

AUTHENTICATION_BACKENDS = [  # Django's and allauth's, loading the user with one prepared query
    "people.auth_backends.ModelBackend",
    "people.auth_backends.AuthenticationBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "people.passwords.DutchCommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The name mails, subjects and the admin use, and the address mail comes from.
SITE_NAME = env_str("SITE_NAME", "Kantelwerk")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", f"{SITE_NAME} <noreply@kantelwerk.nl>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Accounts: email and password, no usernames.
ACCOUNT_ADAPTER = "people.accounts.AccountAdapter"
# allauth names people in its messages ("ingelogd als …") by their name, not their username.
ACCOUNT_USER_DISPLAY = "people.names.display_name"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
# Sign-up also asks name, role, organisation and team: a learner's place in a mixed group.
ACCOUNT_SIGNUP_FORM_CLASS = "people.forms.SignupForm"
ACCOUNT_FORMS = {"signup": "people.signup.SignupForm"}
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
# Mandatory: it proves the address is the user's, and only then can sign-up keep quiet about
# addresses that already have an account (no account enumeration).
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    # Deleting an account asks for the password: as many guesses as allauth's password change.
    "delete_account": "5/m/user",
}
# Public certificate checks per client address: (checks, seconds). Enough for a register's
# staff, far too few to guess a code of 31^12 possibilities.
CERTIFICATE_VERIFY_LIMIT = (30, 60)
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "my-learning"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME
# Everyone who can open the Wagtail admin sets up TOTP within this many days of their first
# visit to it (people.mfa); after that the admin sends them to set it up first.
STAFF_MFA_GRACE_DAYS = 14

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static_collected"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail's page editor posts many fields for a large scenario graph: the largest valid one
# (200 steps of 8 choices, each choice scoring the platform's 14 principles) posts about
# 200 × (10 + 8 × (9 + 5 × 14)) = 128,400 fields, whose names alone take some 7 MB; its texts
# may hold up to 5,000 characters each. Django applies these two settings to every request,
# so kantelwerk.middleware.UploadLimitsMiddleware holds all other POSTs (everything but the
# admin's own users in the admin) to Django's defaults below.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 32 * 1024 * 1024
SITE_UPLOAD_MAX_NUMBER_FIELDS = 1_000
SITE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

WAGTAIL_SITE_NAME = SITE_NAME
# Wagtail's "what's new in Wagtail" banner and editor guide are English and about Wagtail.
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# No Gravatar: it would learn a hash of every staff email (people/avatars.py draws initials).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "admin-login"
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("nl", "Nederlands")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Logos may be SVG: people.images stores every SVG as a plain drawing (no scripts, no links).
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp", "svg"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "people.images.SafeImageForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False

# Content-Security-Policy: strict on the site, loosened only for the Wagtail admin,
# whose editor uses inline styles and scripts.
CSP_SITE = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "frame-src https://www.youtube-nocookie.com https://player.vimeo.com; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
CSP_ADMIN = (
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self' 'unsafe-inline' 'unsafe-eval'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'self'"
)
CSP_ADMIN_PREFIX = "/admin/"
# The editor's live preview shows a site page inside the admin: the site's policy, except that
# the admin (same origin) may frame it. Nothing else may.
CSP_PREVIEW = CSP_SITE.replace("frame-ancestors 'none'", "frame-ancestors 'self'")

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Background tasks (django-tasks): in the database, run by ``manage.py db_worker`` beside the
# app servers; development and the tests run them at once (settings/dev.py, settings/test.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# PE-online's attendance service (accreditation/pe_online_sending.py). The endpoint is the
# provider's: Xaurum's acceptance host while the contract is in test mode, later the live one.
# The credentials (PE_ONLINE_USER_ID, PE_ONLINE_USER_KEY, PE_ONLINE_ORG_ID, PE_ONLINE_EMAIL) are
# read from the environment when a batch is sent, never stored in settings or shown.
PE_ONLINE_ENDPOINT = env_str("PE_ONLINE_ENDPOINT", "")
PE_ONLINE_TIMEOUT = float(env_str("PE_ONLINE_TIMEOUT", "30"))  # seconds for one answer
# Development only: serve a fake PE-online service at /dev/pe-online/ (settings/dev.py).
PE_ONLINE_FAKE = False

# At most this many scenario steps per attempt in this many seconds (see scenarios.playing).
SCENARIO_STEP_LIMIT = (20, 10)
