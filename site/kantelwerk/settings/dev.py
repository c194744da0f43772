from .base import *  # noqa: F403
from .env import env_str

DEBUG = True
SECRET_KEY = "django-insecure-dev-only-kantelwerk"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# `make run` is the whole demo: background tasks run at once, in the request, and PE-online is
# a fake that this dev server serves itself (accreditation/fake_pe_online.py). Production uses
# the database task backend with `manage.py db_worker`, and the provider's real endpoint.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PE_ONLINE_FAKE = True
PE_ONLINE_ENDPOINT = env_str(
    "PE_ONLINE_ENDPOINT",
    f"{WAGTAILADMIN_BASE_URL}/dev/pe-online/pe-services/pe-attendanceelearning/"  # noqa: F405
    "WriteAttendance.asmx/ProcessXML",
)
PE_ONLINE_TIMEOUT = 10
