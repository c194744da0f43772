"""A learner's register numbers: the page, the checks, the AVG export and deletion."""

import json

from django.urls import reverse

from accreditation.models import Certificate, RegisterNumber
from privacy.personal_data import anonymise_account
from tests.accreditation.conftest import finish, give_number

URL = "/account/mijn-registraties/"


def test_the_page_says_why_and_who_sees_the_numbers(client, learner):
    client.force_login(learner)
    response = client.get(reverse("my-registrations"))
    body = response.content.decode()
    assert response.status_code == 200 and reverse("my-registrations") == URL
    assert "Waarom we dit vragen" in body
    assert "Je leidinggevende" in body  # who does not see them
    assert body.count('inputmode="numeric"') == 4


def test_numbers_are_saved_cleaned_changed_and_removed(client, learner):
    client.force_login(learner)
    response = client.post(URL, {"registerplein": "123 456", "vvn": "12345678901"})
    assert response.status_code == 302
    mine = dict(RegisterNumber.objects.filter(user=learner).values_list("register", "number"))
    assert mine == {"registerplein": "123456", "vvn": "12345678901"}
    client.post(URL, {"registerplein": "", "vvn": "12345678902"})
    mine = dict(RegisterNumber.objects.filter(user=learner).values_list("register", "number"))
    assert mine == {"vvn": "12345678902"}


def test_a_wrong_number_is_refused_with_a_dutch_message_and_nothing_saved(client, learner):
    client.force_login(learner)
    response = client.post(URL, {"registerplein": "12ab", "skj": "100012345"})
    body = response.content.decode()
    assert response.status_code == 400
    assert "4 tot 12 cijfers" in body
    assert 'aria-invalid="true"' in body
    assert not RegisterNumber.objects.filter(user=learner).exists()


def test_a_number_someone_else_gave_for_the_register_is_refused(client, learner, volunteer):
    RegisterNumber.objects.create(user=volunteer, register="vvn", number="12345678901")
    client.force_login(learner)
    response = client.post(URL, {"vvn": "12345678901"})
    assert response.status_code == 400
    assert "Iemand anders heeft dit nummer al opgegeven" in response.content.decode()
    assert not RegisterNumber.objects.filter(user=learner).exists()
    client.force_login(volunteer)  # saving one's own number again is fine
    assert client.post(URL, {"vvn": "12345678901"}).status_code == 302


def test_one_learner_never_sees_or_changes_anothers_numbers(client, learner, volunteer):
    give_number(volunteer, number="999888")
    client.force_login(learner)
    assert "999888" not in client.get(URL).content.decode()
    client.post(URL, {"registerplein": "111222"})
    assert RegisterNumber.objects.get(user=volunteer).number == "999888"


def test_the_page_needs_a_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_numbers_and_certificates_are_in_the_avg_export(client, learner, group):
    give_number(learner)
    finish(learner, group.course)
    client.force_login(learner)
    client.post(reverse("certificate-claim", args=[group.course.pk]))
    data = json.loads(client.get(reverse("my-data-export")).content)
    assert data["register_numbers"][0]["register"] == "Registerplein"
    assert data["register_numbers"][0]["number"] == "123456"
    [certificate] = data["certificates"]
    assert certificate["course"] == group.course.title
    assert certificate["points"][0]["accreditation_id"] == "PE-301234"
    assert data["certificates_revoked"] == []


def test_deleting_the_account_erases_numbers_and_certificates(client, learner, trainer, group):
    give_number(learner)
    finish(learner, group.course)
    client.force_login(learner)
    client.post(reverse("certificate-claim", args=[group.course.pk]))
    code = Certificate.objects.get(user=learner).code
    anonymise_account(learner)
    assert not RegisterNumber.objects.filter(user=learner).exists()
    assert not Certificate.objects.filter(user=learner).exists()
    client.logout()
    response = client.get(reverse("certificate-verify", args=[code]))
    assert response.status_code == 404


def test_a_deleted_trainer_leaves_the_revocation_without_their_name(
    client, volunteer, trainer, group
):
    finish(volunteer, group.course)
    client.force_login(volunteer)
    client.post(reverse("certificate-claim", args=[group.course.pk]))
    certificate = Certificate.objects.get(user=volunteer)
    client.force_login(trainer)
    client.post(reverse("certificate-revoke", args=[certificate.pk]), {"reason": "Niet zelf"})
    anonymise_account(trainer)
    certificate.refresh_from_db()
    assert certificate.revoked and certificate.revoked_by is None
