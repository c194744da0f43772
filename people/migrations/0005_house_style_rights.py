"""Organisation administrators may set their organisation's house style (colour and logo)."""

from django.db import migrations

from people import roles


def grant(apps, schema_editor):
    roles.grant_model_rights(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0004_organisation_house_style"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
