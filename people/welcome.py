"""Whether to welcome someone ("Welkom, Fatima") or welcome them back.

The first session after an account's first login is its first visit: the adapter marks it
when it logs in someone who never logged in before. Logging in again starts a new session,
so from then on the person is welcomed back.
"""

FIRST_VISIT = "first_visit"


def mark_first_visit(request) -> None:
    request.session[FIRST_VISIT] = True


def is_first_visit(request) -> bool:
    return bool(request.session.get(FIRST_VISIT))
