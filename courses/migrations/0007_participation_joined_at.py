"""Give the participants of a learning group a date of joining.

The plain many-to-many table becomes the Participation model (same table, same columns), then
gains joined_at. Existing participants get the date their group was made: the earliest they
can have joined.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def joined_when_the_group_was_made(apps, schema_editor):
    Participation = apps.get_model("courses", "Participation")
    Cohort = apps.get_model("courses", "Cohort")
    created = Cohort.objects.filter(pk=OuterRef("cohort_id")).values("created_at")[:1]
    Participation.objects.update(joined_at=Subquery(created))


class Migration(migrations.Migration):
    dependencies = [
        ('courses', '0006_staff_roles_least_privilege'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Participation",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "cohort",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE, to="courses.cohort"
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "participation",
                        "verbose_name_plural": "participations",
                        "db_table": "courses_cohort_participants",
                        "unique_together": {("cohort", "user")},
                    },
                ),
                migrations.AlterField(
                    model_name="cohort",
                    name="participants",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="cohorts",
                        through="courses.Participation",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="participants",
                    ),
                ),
            ],
            database_operations=[],
        ),
        migrations.AddField(
            model_name="participation",
            name="joined_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now, verbose_name="joined at"
            ),
        ),
        migrations.RunPython(joined_when_the_group_was_made, migrations.RunPython.noop),
    ]
