"""Wagtail's first migration makes two groups, "Editors" and "Moderators", with rights on the
whole page tree (Moderators may publish anything) and on every image and document. Kantelwerk
grants by role (``people/roles.py``): an administrator who put someone in one of those groups
would give far more than any role has, under an English name nobody chose. They go, unless
someone is already in them (then an administrator removes them by hand, knowingly)."""

from django.db import migrations

WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")


def remove_unused_default_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0009_course_material_collection"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(remove_unused_default_groups, migrations.RunPython.noop)]
