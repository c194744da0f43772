"""Trainers and content leads get a shared collection for their lessons' images and documents:
Wagtail grants images per collection, so their model right to choose images let them choose
nothing, and the lesson's image block could not be used."""

from django.db import migrations

from people import roles


def open_course_material(apps, schema_editor):
    roles.open_course_material(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0008_membership_request_names"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(open_course_material, migrations.RunPython.noop)]
