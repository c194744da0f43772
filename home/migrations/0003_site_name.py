"""The default site is called Kantelwerk, so the admin's dashboard does not greet staff with
"localhost". A name someone chose is kept."""

from django.db import migrations


def name_the_site(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    Site.objects.filter(is_default_site=True, site_name="").update(site_name="Kantelwerk")


class Migration(migrations.Migration):
    dependencies = [("home", "0002_replace_wagtail_welcome_page")]

    operations = [migrations.RunPython(name_the_site, migrations.RunPython.noop)]
