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
    roles.add_model_rights(roles.ORGANISATION_ADMINS, HOUSE_STYLE_RIGHTS, apps)


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0004_organisation_house_style"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
