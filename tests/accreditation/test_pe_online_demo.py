"""The demo journey: the content lead (inhoud) sends the period's attendance to the fake
PE-online and sees one rejected row explained. `make run` serves the same fake itself
(settings/dev.py); here it runs on 127.0.0.1 beside the test."""

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from accreditation.models import PeOnlineBatch

SEND = reverse("pe_online:send")


def test_the_content_lead_sends_the_demo_and_sees_one_rejected_row_explained(
    client, db, fake_pe_online, django_capture_on_commit_callbacks
):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    client.force_login(get_user_model().objects.get(email="inhoud@demo.kantelwerk.nl"))
    shown = client.get(SEND)  # the first course and the last year, as the page opens
    page = shown.content.decode()
    assert "Te versturen: 2 regels" in page and "Linda Hermans" in page
    send_form = shown.context["send_form"]
    form = {name: send_form[name].value() for name in ("course", "since", "until", "last_batch")}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SEND, form)
    batch = PeOnlineBatch.objects.get()
    assert (batch.accepted_count, batch.rejected_count) == (1, 1)
    detail = client.get(reverse("pe_online:batch", args=[batch.pk])).content.decode()
    assert "Afgewezen regels" in detail
    assert "Persoon 19087654321 op regel 3 is niet bekend in het register" in detail
    assert response.status_code == 302
