"""Posting one batch to PE-online's attendance service (no Django).

``POST`` the form field ``sXML`` to the provider's ``…/WriteAttendance.asmx/ProcessXML``.
Whatever goes wrong on the way becomes a ``ServiceProblem`` with a code the admin words in
Dutch: "not-configured", "timeout", "unreachable", "http-error". What comes back is read by
``pe_online_answer``.

The request holds the provider's key: it is never logged, and a problem's detail never holds
the request (``redact`` takes the key out of anything the service sent back).
"""

from __future__ import annotations

import requests


class ServiceProblem(Exception):
    def __init__(self, code: str, detail: str = ""):
        super().__init__(code)
        self.code = code
        self.detail = detail


def redact(text: str, secret: str) -> str:
    return text.replace(secret, "…") if secret else text


def post_batch(endpoint: str, body: bytes, timeout: float) -> bytes:
    """The service's answer to ``body`` (an ``Entry`` document), or a ``ServiceProblem``."""
    if not endpoint:
        raise ServiceProblem("not-configured")
    try:
        response = requests.post(
            endpoint,
            data={"sXML": body.decode("utf-8")},
            timeout=timeout,
            allow_redirects=False,
        )
    except requests.Timeout:
        raise ServiceProblem("timeout", f"{timeout:g}") from None
    except requests.RequestException as error:
        raise ServiceProblem("unreachable", type(error).__name__) from None
    if response.status_code != 200:
        raise ServiceProblem("http-error", str(response.status_code))
    return response.content
