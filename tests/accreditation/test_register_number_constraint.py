"""One register number belongs to one person, in the database too: the form's check can be
raced by two people saving at once, and data from before the constraint may hold doubles."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from accreditation import registers
from accreditation.forms import RegisterNumbersForm
from accreditation.models import RegisterNumber

URL = reverse("my-registrations")


def test_the_database_refuses_a_second_person_with_the_same_number(learner, volunteer):
    RegisterNumber.objects.create(user=learner, register=registers.NIP, number="4711")
    with pytest.raises(IntegrityError), transaction.atomic():
        RegisterNumber.objects.create(user=volunteer, register=registers.NIP, number="4711")
    # The same number in another register, or in the free "other" register, is fine.
    RegisterNumber.objects.create(user=volunteer, register=registers.SKJ, number="4711")
    RegisterNumber.objects.create(user=learner, register=registers.OTHER, number="A-1")
    RegisterNumber.objects.create(user=volunteer, register=registers.OTHER, number="A-1")


def test_a_number_claimed_between_check_and_save_gets_the_dutch_message(
    client, learner, volunteer, monkeypatch
):
    RegisterNumber.objects.create(user=volunteer, register=registers.VVN, number="12345678901")
    monkeypatch.setattr(RegisterNumbersForm, "_taken", lambda self, code, number: False)
    client.force_login(learner)
    response = client.post(URL, {"vvn": "12345678901", "nip": "4711"})
    assert response.status_code == 400
    assert "Iemand anders heeft dit nummer al opgegeven" in response.content.decode()
    assert not RegisterNumber.objects.filter(user=learner).exists()  # nothing half-saved


BEFORE = [("accreditation", "0002_staff_rights")]  # before 0003_one_person_per_number


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_the_first_claim_of_a_number_given_twice(migrated_db, make_user):
    first = make_user("eerste@example.nl")
    second = make_user("tweede@example.nl")
    MigrationExecutor(connection).migrate(BEFORE)
    try:
        old = MigrationExecutor(connection).loader.project_state(BEFORE).apps
        Number = old.get_model("accreditation", "RegisterNumber")
        kept = Number.objects.create(user_id=first.pk, register="nip", number="4711")
        Number.objects.create(user_id=second.pk, register="nip", number="4711")
        Number.objects.create(user_id=second.pk, register="skj", number="99999")
        Number.objects.create(user_id=first.pk, register="other", number="X")
        Number.objects.create(user_id=second.pk, register="other", number="X")
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes("accreditation"))
    left = set(RegisterNumber.objects.values_list("user_id", "register", "number"))
    assert left == {
        (first.pk, "nip", "4711"),
        (second.pk, "skj", "99999"),
        (first.pk, "other", "X"),
        (second.pk, "other", "X"),
    }
    assert RegisterNumber.objects.get(register="nip").pk == kept.pk
