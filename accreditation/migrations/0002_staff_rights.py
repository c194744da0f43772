"""Content leads keep a course's accreditations; trainers may look at them.

The rights are added to the groups of people/roles.py, not set: the groups keep what other
migrations gave them.
"""

from django.db import migrations

from people.roles import CONTENT_LEADS, TRAINERS

RIGHTS = {
    CONTENT_LEADS: ("add", "change", "delete", "view"),
    TRAINERS: ("view",),
}


def grant_accreditation_rights(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="accreditation", model="accreditation"
    )
    for name, actions in RIGHTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_accreditation",
                defaults={"name": f"Can {action} accreditation"},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("accreditation", "0001_initial"),
        ("courses", "0007_participation_joined_at"),
    ]

    operations = [migrations.RunPython(grant_accreditation_rights, migrations.RunPython.noop)]
