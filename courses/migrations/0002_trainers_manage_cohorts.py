from django.db import migrations

COHORT_RIGHTS = ["add_cohort", "change_cohort", "view_cohort"]


def grant_cohort_rights(apps, schema_editor):
    """Trainers create and run learning groups in the admin."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    trainers, _ = Group.objects.get_or_create(name="Trainers")
    cohort_type, _ = ContentType.objects.get_or_create(app_label="courses", model="cohort")
    for codename in COHORT_RIGHTS:
        permission, _ = Permission.objects.get_or_create(
            content_type=cohort_type,
            codename=codename,
            defaults={"name": f"Can {codename.split('_')[0]} learning group"},
        )
        trainers.permissions.add(permission)


def revoke_cohort_rights(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name="Trainers").first()
    if group is not None:
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label="courses", codename__in=COHORT_RIGHTS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("people", "0002_trainer_group"),
    ]

    operations = [migrations.RunPython(grant_cohort_rights, revoke_cohort_rights)]
