"""A register number belongs to one person: until now only the form checked it.

Numbers claimed twice before the constraint keep their first claim (the oldest row); the later
copies are removed, so their owners see an empty field and, when they enter the number again,
the form's message to check it and tell their trainer. Certificates already issued keep the
number they were issued with. The free "other" register may repeat numbers, as the form allows.
"""

from django.db import migrations, models
from django.db.models import Count, Min


def keep_the_first_claim(apps, schema_editor):
    RegisterNumber = apps.get_model("accreditation", "RegisterNumber")
    claimed = RegisterNumber.objects.exclude(register="other")
    twice = (
        claimed.values("register", "number")
        .annotate(claims=Count("pk"), first=Min("pk"))
        .filter(claims__gt=1)
    )
    for duplicate in twice:
        claimed.filter(register=duplicate["register"], number=duplicate["number"]).exclude(
            pk=duplicate["first"]
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("accreditation", "0002_staff_rights")]

    operations = [
        migrations.RunPython(keep_the_first_claim, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="registernumber",
            constraint=models.UniqueConstraint(
                condition=models.Q(("register", "other"), _negated=True),
                fields=("register", "number"),
                name="one_person_per_number",
            ),
        ),
    ]
