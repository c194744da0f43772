"""A limit on public certificate checks per client address, counted in Django's cache."""

import time

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache


def verification_allowed(request) -> bool:
    """Count one check from this address; False once it made too many in the window.

    The address comes from allauth's adapter, so it honours the same proxy settings as the
    login limits. The cache is shared between workers in production (Redis).
    """
    checks, seconds = settings.CERTIFICATE_VERIFY_LIMIT
    window = int(time.time() // seconds)
    key = f"certificate-verify:{get_adapter().get_client_ip(request)}:{window}"
    cache.add(key, 0, timeout=2 * seconds)
    try:
        return cache.incr(key) <= checks
    except ValueError:  # the entry expired between add and incr
        return True
