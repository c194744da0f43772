from django.db import migrations

from scenarios.principle_data import PRINCIPLES

PAGE_RIGHTS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
PRINCIPLE_RIGHTS = ["add_principle", "change_principle", "delete_principle"]


def seed_principles(apps, schema_editor):
    Principle = apps.get_model("scenarios", "Principle")
    for data in PRINCIPLES:
        Principle.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "family": data["family"],
                "order": data["order"],
                "name": data["name_nl"],
                "short_label": data["short_label_nl"],
                "description": data["description_nl"],
                "name_en": data["name_en"],
                "short_label_en": data["short_label_en"],
                "description_en": data["description_en"],
            },
        )


def grant_trainer_rights(apps, schema_editor):
    """Trainers author principles and every page (courses, lessons, scenarios)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    trainers, _ = Group.objects.get_or_create(name="Trainers")

    principle_type, _ = ContentType.objects.get_or_create(app_label="scenarios", model="principle")
    for codename in PRINCIPLE_RIGHTS:
        permission, _ = Permission.objects.get_or_create(
            content_type=principle_type, codename=codename, defaults={"name": codename}
        )
        trainers.permissions.add(permission)

    root = Page.objects.filter(depth=1).first()
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    for codename in PAGE_RIGHTS:
        permission, _ = Permission.objects.get_or_create(
            content_type=page_type, codename=codename, defaults={"name": codename}
        )
        if root is not None:
            GroupPagePermission.objects.get_or_create(group=trainers, page=root, permission=permission)


class Migration(migrations.Migration):
    dependencies = [
        ("scenarios", "0001_initial"),
        ("people", "0002_trainer_group"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(seed_principles, migrations.RunPython.noop),
        migrations.RunPython(grant_trainer_rights, migrations.RunPython.noop),
    ]
