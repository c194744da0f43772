"""Everyone who can open the admin sets up two-step verification within 14 days."""

import json
from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from people import mfa
from scenarios import interop
from tests.builders import scenario_document

ADMIN = "/admin/"


@pytest.fixture
def draft_page(scenario_index, trainer):
    return interop.import_scenario(
        json.dumps(scenario_document()), scenario_index, user=trainer
    ).page


def first_visit_entries(user):
    return ModelLogEntry.objects.filter(action=mfa.FIRST_ADMIN_VISIT, object_id=str(user.pk))


def grace_has_passed(user, days=15):
    first_visit_entries(user).update(timestamp=timezone.now() - timedelta(days=days))


@pytest.mark.parametrize("who", ["trainer", "admin_user"])
def test_the_admin_opens_during_the_grace_period_and_notes_the_first_visit(
    client, db, request, who
):
    user = request.getfixturevalue(who)
    client.force_login(user)
    assert client.get(ADMIN).status_code == 200
    assert client.get(ADMIN).status_code == 200
    assert first_visit_entries(user).count() == 1
    assert mfa.mfa_deadline(user) > timezone.now() + timedelta(days=13)


@pytest.mark.parametrize("who", ["trainer", "admin_user"])
def test_after_the_grace_period_the_admin_asks_for_totp_first_in_dutch(client, db, request, who):
    user = request.getfixturevalue(who)
    client.force_login(user)
    client.get(ADMIN)
    grace_has_passed(user)
    for path in (ADMIN, "/admin/pages/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"] == reverse("mfa_activate_totp")
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("tweestapsverificatie" in message for message in shown), shown


def test_a_post_to_the_admin_after_the_grace_period_changes_nothing(client, trainer, draft_page):
    client.force_login(trainer)
    client.get(ADMIN)
    grace_has_passed(trainer)
    title = draft_page.title
    response = client.post(f"/admin/pages/{draft_page.pk}/edit/", {"title": "Overgenomen"})
    assert response.status_code == 302
    draft_page.refresh_from_db()
    assert draft_page.title == title


def test_with_totp_set_up_the_admin_opens_after_the_grace_period(client, trainer):
    client.force_login(trainer)
    client.get(ADMIN)
    grace_has_passed(trainer)
    Authenticator.objects.create(user=trainer, type=Authenticator.Type.TOTP, data={})
    assert client.get(ADMIN).status_code == 200


def test_logging_out_of_the_admin_stays_possible(client, trainer):
    client.force_login(trainer)
    client.get(ADMIN)
    grace_has_passed(trainer)
    client.post("/admin/logout/")
    assert "_auth_user_id" not in client.session


def test_learners_are_not_asked(client, learner):
    client.force_login(learner)
    assert client.get(reverse("my-learning")).status_code == 200
    assert not first_visit_entries(learner).exists()
