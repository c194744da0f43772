"""Completion, the certificate PDF, the public verification page and revoking."""

import contextlib
import datetime
import re
import zlib

import pytest
from django.urls import reverse

from accreditation import certificates, registers
from accreditation.models import Accreditation, Certificate
from courses.models import LessonPage, LessonProgress
from tests.accreditation.conftest import finish, give_number


def claim(client, user, course):
    client.force_login(user)
    return client.post(reverse("certificate-claim", args=[course.pk]))


def test_no_certificate_before_every_lesson_is_done(client, learner, group):
    course = group.course
    first = LessonPage.objects.child_of(course).first()
    LessonProgress.objects.create(user=learner, lesson=first)
    response = claim(client, learner, course)
    assert response.status_code == 302 and response["Location"] == course.url
    assert not Certificate.objects.exists()
    assert not certificates.is_completed(learner, course)


def test_a_professional_gets_points_per_register_with_the_accreditation_id(client, learner, group):
    give_number(learner, registers.REGISTERPLEIN, "123456")
    give_number(learner, registers.VVN, "12345678901")
    finish(learner, group.course)
    response = claim(client, learner, group.course)
    certificate = Certificate.objects.get(user=learner)
    assert response["Location"] == reverse("certificate-pdf", args=[certificate.pk])
    assert certificate.name == "Alice"
    assert [
        (p["register_name"], p["accreditation_id"], p["points"], p["number"])
        for p in certificate.points
    ] == [
        ("Registerplein", "PE-301234", "2.0", "123456"),
        ("V&VN Kwaliteitsregister", "PE-402345", "2.5", "12345678901"),
    ]


def test_a_volunteer_without_a_number_gets_a_certificate_without_points(client, volunteer, group):
    finish(volunteer, group.course)
    claim(client, volunteer, group.course)
    certificate = Certificate.objects.get(user=volunteer)
    assert certificate.points == []
    response = client.get(reverse("certificate-pdf", args=[certificate.pk]))
    assert response.status_code == 200


def test_an_expired_accreditation_gives_no_points(client, learner, group):
    give_number(learner)
    Accreditation.objects.update(
        valid_from=datetime.date(2020, 1, 1), valid_until=datetime.date(2020, 12, 31)
    )
    finish(learner, group.course)
    claim(client, learner, group.course)
    assert Certificate.objects.get(user=learner).points == []


def test_a_double_click_gives_one_certificate(client, learner, group):
    finish(learner, group.course)
    first = claim(client, learner, group.course)
    second = claim(client, learner, group.course)
    assert first["Location"] == second["Location"]
    assert Certificate.objects.filter(user=learner).count() == 1


def test_someone_outside_the_course_cannot_claim_it(client, outsider, group):
    response = claim(client, outsider, group.course)
    assert response.status_code == 404


def _pdf_text_streams(body: bytes) -> str:
    # Up to "endstream" with its line end included: compressed data may itself end in a
    # byte that looks like one (a QR code with such an ending made the test fail now and then).
    streams = re.findall(rb"stream\r?\n(.*?)endstream", body, re.S)
    out = []
    for stream in streams:
        with contextlib.suppress(zlib.error):
            out.append(zlib.decompressobj().decompress(stream).decode("latin-1"))
    return "\n".join(out)


def test_the_pdf_embeds_its_font_and_its_text_can_be_extracted(client, learner, group):
    give_number(learner)
    finish(learner, group.course)
    claim(client, learner, group.course)
    certificate = Certificate.objects.get(user=learner)
    response = client.get(reverse("certificate-pdf", args=[certificate.pk]))
    body = response.content
    assert response["Content-Type"] == "application/pdf"
    assert body.startswith(b"%PDF-")
    assert b"/FontFile2" in body  # the TrueType font is embedded
    assert b"/ToUnicode" in body  # and maps its glyphs back to text
    assert b"DejaVuSerif" in body
    # the QR code: hundreds of filled squares
    assert _pdf_text_streams(body).count(" re f") > 100


def test_only_the_owner_downloads_a_certificate(client, learner, volunteer, group):
    finish(learner, group.course)
    claim(client, learner, group.course)
    certificate = Certificate.objects.get(user=learner)
    client.force_login(volunteer)
    assert client.get(reverse("certificate-pdf", args=[certificate.pk])).status_code == 404


@pytest.fixture
def issued(client, learner, group):
    give_number(learner)
    finish(learner, group.course)
    claim(client, learner, group.course)
    client.logout()
    return Certificate.objects.get(user=learner)


def test_the_verification_page_confirms_name_course_date_and_points_only(client, issued):
    response = client.get(reverse("certificate-verify", args=[issued.code]))
    body = response.content.decode()
    assert response.status_code == 200
    assert 'data-verify="valid"' in body
    assert "Alice" in body and issued.course_title in body
    assert "Registerplein" in body and "PE-301234" in body
    assert "123456" not in body  # the register number is not for the public
    assert "alice@example.nl" not in body


def test_a_code_can_be_typed_in_a_field_with_or_without_dashes(client, issued):
    form = client.get(reverse("certificate-check"))
    assert form.status_code == 200 and 'name="code"' in form.content.decode()
    typed = issued.code.replace("-", "").lower()
    response = client.get(reverse("certificate-check"), {"code": f" {typed} "}, follow=True)
    assert 'data-verify="valid"' in response.content.decode()
    odd = client.get(reverse("certificate-check"), {"code": "ab/cd?<x>"}, follow=True)
    assert odd.status_code == 404 and 'data-verify="unknown"' in odd.content.decode()


def test_unknown_and_revoked_codes_are_shown_as_such(client, issued, trainer):
    response = client.get(reverse("certificate-verify", args=["ABCD-EFGH-JKMN"]))
    assert response.status_code == 404 and 'data-verify="unknown"' in response.content.decode()
    certificates.revoke(issued, trainer, "Les niet zelf gedaan")
    response = client.get(reverse("certificate-verify", args=[issued.code]))
    body = response.content.decode()
    assert 'data-verify="revoked"' in body
    assert "Alice" not in body and "Les niet zelf gedaan" not in body


def test_the_verification_page_is_rate_limited(client, issued):
    url = reverse("certificate-verify", args=["ABCD-EFGH-JKMN"])
    answers = [client.get(url).status_code for _ in range(31)]
    assert answers[:30] == [404] * 30
    assert answers[30] == 429
    assert client.get(reverse("certificate-verify", args=[issued.code])).status_code == 429
    # The limit is per address: someone else checking a certificate is not refused.
    other = client.get(reverse("certificate-verify", args=[issued.code]), REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 200


def test_the_trainer_of_the_group_revokes_with_a_reason(client, issued, trainer, learner):
    client.force_login(trainer)
    url = reverse("certificate-revoke", args=[issued.pk])
    assert client.post(url, {"reason": ""}).status_code == 400
    response = client.post(url, {"reason": "Les niet zelf gedaan"})
    assert response.status_code == 302
    issued.refresh_from_db()
    assert issued.revoked and issued.revoked_by == trainer
    assert issued.revoke_reason == "Les niet zelf gedaan"
    client.force_login(learner)
    response = client.get(reverse("certificate-pdf", args=[issued.pk]))
    assert response.status_code == 410
    assert "Les niet zelf gedaan" in response.content.decode()


def test_a_content_lead_may_revoke(client, issued, content_lead):
    client.force_login(content_lead)
    client.post(reverse("certificate-revoke", args=[issued.pk]), {"reason": "Fraude"})
    issued.refresh_from_db()
    assert issued.revoked


@pytest.mark.parametrize("who", ["learner", "volunteer", "stranger_trainer", "manager"])
def test_others_cannot_revoke(client, issued, request, who):
    client.force_login(request.getfixturevalue(who))
    url = reverse("certificate-revoke", args=[issued.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"reason": "weg ermee"}).status_code == 404
    issued.refresh_from_db()
    assert not issued.revoked


def test_the_course_page_shows_points_per_register_and_then_the_certificate(client, learner, group):
    client.force_login(learner)
    body = client.get(group.course.url).content.decode()
    assert 'data-register="registerplein"' in body and 'data-register="vvn"' in body
    assert "PE-301234" in body and "2,5" in body
    assert 'data-certificate="claim"' not in body
    finish(learner, group.course)
    body = client.get(group.course.url).content.decode()
    assert 'data-certificate="claim"' in body
    claim(client, learner, group.course)
    body = client.get(group.course.url).content.decode()
    assert 'data-certificate="download"' in body


def test_an_expired_accreditation_is_not_shown_on_the_course_page(client, learner, group):
    Accreditation.objects.filter(register=registers.VVN).update(
        valid_from=datetime.date(2020, 1, 1), valid_until=datetime.date(2020, 12, 31)
    )
    client.force_login(learner)
    body = client.get(group.course.url).content.decode()
    assert 'data-register="registerplein"' in body and 'data-register="vvn"' not in body


def test_a_content_lead_finds_a_certificate_by_its_code(client, issued, content_lead):
    client.force_login(content_lead)
    url = reverse("certificate-overview")
    body = client.get(url, {"code": issued.code.lower()}).content.decode()
    assert f'data-certificate="{issued.pk}"' in body
    body = client.get(url, {"code": "ABCD-EFGH-JKMN"}).content.decode()
    assert f'data-certificate="{issued.pk}"' not in body
    assert "Geen certificaat heeft de code ABCD-EFGH-JKMN." in body
    admin = client.get("/admin/").content.decode()
    assert url in admin


@pytest.mark.parametrize("who", ["learner", "trainer", "manager"])
def test_the_overview_is_for_content_leads_only(client, issued, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("certificate-overview")).status_code == 404
    if who == "trainer":
        assert reverse("certificate-overview") not in client.get("/admin/").content.decode()


def test_a_learner_without_a_number_is_told_and_can_update_the_certificate_later(
    client, learner, group
):
    finish(learner, group.course)
    client.force_login(learner)
    body = client.get(group.course.url).content.decode()
    assert "Je hebt geen registratienummer ingevuld voor: Registerplein, V&amp;VN" in body
    claim(client, learner, group.course)
    certificate = Certificate.objects.get(user=learner)
    assert certificate.points == []
    assert 'data-certificate="update"' not in client.get(group.course.url).content.decode()
    give_number(learner)
    assert 'data-certificate="update"' in client.get(group.course.url).content.decode()
    claim(client, learner, group.course)
    updated = Certificate.objects.get(user=learner)
    assert (updated.pk, updated.code, updated.completed_on) == (
        certificate.pk,
        certificate.code,
        certificate.completed_on,
    )
    assert [p["register"] for p in updated.points] == ["registerplein"]


def test_a_revoked_certificate_is_not_brought_back_by_claiming_again(client, issued, trainer):
    certificates.revoke(issued, trainer, "Niet zelf gedaan")
    give_number(issued.user, registers.VVN, "12345678901")
    claim(client, issued.user, issued.course)
    issued.refresh_from_db()
    assert issued.revoked and len(issued.points) == 1
