"""Each organisation gets an image collection of its own, where its administrators upload and
choose its logo: Wagtail grants image rights per collection, not by model permission."""

import django.db.models.deletion
from django.db import migrations, models

from people import roles


def open_collections(apps, schema_editor):
    for organisation in apps.get_model("people", "Organisation").objects.all():
        roles.open_image_collection(organisation, apps)


class Migration(migrations.Migration):

    dependencies = [
        ('people', '0006_membership_request_role'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.AddField(
            model_name='organisation',
            name='image_collection',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.collection', verbose_name='image collection'),
        ),
        migrations.RunPython(open_collections, migrations.RunPython.noop),
    ]
