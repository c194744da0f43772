"""Organisation administrators may set their organisation's house style (colour and logo).

Only adds these rights: other apps' migrations add rights of their own to the same groups,
and setting the whole list here would take those away.
"""

from django.db import migrations

from people import roles

HOUSE_STYLE_RIGHTS = [
    ("people", "organisationstyle", "change_organisationstyle"),
    ("people", "organisationstyle", "view_organisationstyle"),
    ("wagtailimages", "image", "add_image"),
    ("wagtailimages", "image", "choose_image"),
]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group, _ = Group.objects.get_or_create(name=roles.ORGANISATION_ADMINS)
    for app_label, model, codename in HOUSE_STYLE_RIGHTS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": codename}
        )
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0004_organisation_house_style"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
