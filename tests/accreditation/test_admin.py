"""Content leads keep accreditations in the admin; trainers may look; learners never."""

from django.urls import reverse

from accreditation.models import Accreditation


def _form(course, **changes):
    data = {
        "course": course.pk,
        "register": "registerplein",
        "register_name": "",
        "accreditation_id": "PE-555",
        "points": "3",
        "study_hours": "3",
        "valid_from": "2026-01-01",
        "valid_until": "2026-12-31",
    }
    return {**data, **changes}


def test_a_content_lead_adds_and_changes_an_accreditation(client, content_lead, course):
    client.force_login(content_lead)
    add = reverse("accreditations:add")
    assert client.get(add).status_code == 200
    response = client.post(add, _form(course))
    assert response.status_code == 302, response.content.decode()[:2000]
    accreditation = Accreditation.objects.get(accreditation_id="PE-555")
    edit = reverse("accreditations:edit", args=[accreditation.pk])
    client.post(edit, _form(course, points="4"))
    accreditation.refresh_from_db()
    assert accreditation.points == 4


def test_a_period_that_ends_before_it_starts_is_refused(client, content_lead, course):
    client.force_login(content_lead)
    response = client.post(reverse("accreditations:add"), _form(course, valid_until="2025-01-01"))
    assert response.status_code == 200
    assert "De einddatum ligt voor de begindatum." in response.content.decode()
    assert not Accreditation.objects.exists()


def test_another_register_needs_its_name(client, content_lead, course):
    client.force_login(content_lead)
    response = client.post(reverse("accreditations:add"), _form(course, register="other"))
    assert "Vul de naam van het register in." in response.content.decode()


def test_a_trainer_looks_but_does_not_change(client, trainer, accredited):
    accreditation = Accreditation.objects.first()
    client.force_login(trainer)
    assert client.get(reverse("accreditations:index")).status_code == 200
    inspect = reverse("accreditations:inspect", args=[accreditation.pk])
    assert client.get(inspect).status_code == 200
    assert client.get(reverse("accreditations:add")).status_code in (302, 403)
    edit = reverse("accreditations:edit", args=[accreditation.pk])
    client.post(edit, _form(accredited, points="99"))
    accreditation.refresh_from_db()
    assert accreditation.points != 99


def test_a_learner_has_no_way_in(client, learner, accredited):
    client.force_login(learner)
    response = client.get(reverse("accreditations:index"))
    assert response.status_code in (302, 403)
