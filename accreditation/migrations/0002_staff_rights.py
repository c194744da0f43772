"""Content leads keep a course's accreditations; trainers may look at them.

The rights are added to the groups of people/roles.py, not set: the groups keep what other
migrations gave them.
"""

from django.db import migrations

from people.roles import CONTENT_LEADS, TRAINERS, add_model_rights

RIGHTS = {
    CONTENT_LEADS: ("add", "change", "delete", "view"),
    TRAINERS: ("view",),
}


def grant_accreditation_rights(apps, schema_editor):
    for name, actions in RIGHTS.items():
        rights = [("accreditation", "accreditation", f"{a}_accreditation") for a in actions]
        add_model_rights(name, rights, apps)


class Migration(migrations.Migration):
    dependencies = [
        ("accreditation", "0001_initial"),
        ("courses", "0007_participation_joined_at"),
    ]

    operations = [migrations.RunPython(grant_accreditation_rights, migrations.RunPython.noop)]
