from django.db import migrations

from people import roles


def grant_staff_roles(apps, schema_editor):
    """Staff get only what their role needs: groups, model rights, page rights per section.

    Trainers lose their rights on the root page and on principles; they keep authoring rights
    on the course overview and the scenario library, where a content lead publishes.
    """
    roles.grant_model_rights(apps)
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(group__name=roles.TRAINERS).delete()
    for app_label, model in (("courses", "CourseIndexPage"), ("scenarios", "ScenarioIndexPage")):
        for section in apps.get_model(app_label, model).objects.all():
            roles.open_section(section, apps)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0005_reflections_are_stored_once_per_submission"),
        ("people", "0002_trainer_group"),
        ("scenarios", "0002_principles_and_trainer_rights"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(grant_staff_roles, migrations.RunPython.noop)]
