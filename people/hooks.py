"""Extension points every app may answer, as Wagtail hooks (``wagtail.hooks.register``).

People sit below every app, so a name defined here can be used by an app below the one
that calls it (privacy) and by one that no other app imports (live).
"""

# ``fn(user) -> dict``: more sections for a person's AVG export, keyed by section name.
PERSONAL_DATA = "kantelwerk_personal_data"
# ``fn(user)``: erase what the app holds about ``user``, inside the deletion's transaction.
ERASE_PERSONAL_DATA = "kantelwerk_erase_personal_data"
