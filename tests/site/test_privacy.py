import json
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Avg
from django.urls import reverse
from django.utils import timezone

from courses.models import Reflection, ReflectionReply
from privacy.personal_data import ANONYMOUS_NAME
from scenarios.models import Attempt, PrincipleScore
from tests.builders import (
    build_cohort,
    build_course,
    choose,
    publish,
    scenario_document,
    start,
)
from tests.conftest import PASSWORD


@pytest.fixture
def cohort(learner, trainer, volunteer):
    """Leergroep Noord of a course without lessons: Alice and Vera, trained by Tom."""
    course = build_course("Kanteling", slug="kanteling", summary="…", lessons=[])
    return build_cohort(
        course, name="Leergroep Noord", participants=[learner, volunteer], trainers=[trainer]
    )


@pytest.fixture
def history(client, learner, volunteer, cohort, library):
    scenario = publish(library, scenario_document())
    client.force_login(learner)
    attempt = start(client, scenario)
    choose(client, attempt, "regel-het")
    mine = Reflection.objects.create(
        author=learner, cohort=cohort, body="Ik nam het te snel over.", visibility="cohort"
    )
    ReflectionReply.objects.create(reflection=mine, author=volunteer, body="Herkenbaar!")
    theirs = Reflection.objects.create(author=volunteer, cohort=cohort, body="Mijn les")
    ReflectionReply.objects.create(reflection=theirs, author=learner, body="Goed gezegd.")
    client.logout()
    return attempt


def test_a_learner_downloads_all_their_data_as_json(client, learner, history):
    client.force_login(learner)
    response = client.get(reverse("my-data-export"))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "alice@example.nl"
    assert data["profile"]["name"] == "Alice"
    [group] = data["learning_groups"]
    assert (group["name"], group["course"], group["as"]) == (
        "Leergroep Noord",
        "Kanteling",
        "participant",
    )
    assert group["joined_at"]
    [attempt] = data["attempts"]
    assert attempt["choices"][0]["choice"] == "regel-het"
    assert attempt["scores"] == {"eigen-kracht": 0, "presentie": 0}
    [reflection] = data["reflections"]
    assert reflection["body"] == "Ik nam het te snel over."
    assert reflection["replies"][0]["body"] == "Herkenbaar!"
    assert data["replies_written"][0]["body"] == "Goed gezegd."


def test_the_export_holds_only_my_own_data(client, volunteer, history):
    client.force_login(volunteer)
    data = json.loads(client.get(reverse("my-data-export")).content)
    assert data["account"]["email"] == "vera@example.nl"
    assert data["attempts"] == []
    assert "Ik nam het te snel over." not in json.dumps(data)


def test_my_data_pages_need_a_login(client, db):
    for name in ("my-data", "my-data-export"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]


def test_deleting_an_account_needs_the_password(client, learner, history):
    client.force_login(learner)
    response = client.post(reverse("account-delete"), {"password": "fout", "confirm": "on"})
    assert response.status_code == 400
    learner.refresh_from_db()
    assert learner.is_active


def test_deleting_an_account_removes_reflections_and_anonymises_attempts(
    client, learner, cohort, history
):
    scores_before = PrincipleScore.objects.aggregate(mean=Avg("score"))
    client.force_login(learner)
    response = client.post(reverse("account-delete"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session

    learner.refresh_from_db()
    assert not learner.is_active
    assert "alice" not in learner.email
    assert learner.profile.display_name == ANONYMOUS_NAME
    assert not Reflection.objects.filter(author=learner).exists()
    assert not ReflectionReply.objects.filter(author=learner).exists()
    # The attempt stays, without a name, so the group's figures do not change.
    assert Attempt.objects.filter(pk=history.pk, user=learner).exists()
    assert PrincipleScore.objects.aggregate(mean=Avg("score")) == scores_before
    assert cohort.participants.filter(pk=learner.pk).exists()
    assert not client.login(username="alice@example.nl", password=PASSWORD)


def test_prune_inactive_anonymises_only_long_inactive_accounts(learner, volunteer, capsys):
    User = get_user_model()
    User.objects.filter(pk=learner.pk).update(last_login=timezone.now() - timedelta(days=3 * 365))
    User.objects.filter(pk=volunteer.pk).update(last_login=timezone.now() - timedelta(days=30))
    call_command("prune_inactive", "--years", "2")
    assert "1 accounts anonymised" in capsys.readouterr().out
    learner.refresh_from_db()
    volunteer.refresh_from_db()
    assert not learner.is_active and learner.profile.display_name == ANONYMOUS_NAME
    assert volunteer.is_active and volunteer.profile.display_name == "Vera"


def test_the_privacy_and_accessibility_statements_are_served(client, db):
    privacy = client.get("/privacy/")
    assert privacy.status_code == 200
    accessibility = client.get("/toegankelijkheid/")
    assert accessibility.status_code == 200
    assert 'href="/privacy/"' in accessibility.content.decode()


def user_relations() -> set[str]:
    """Every foreign key, one-to-one and many-to-many to the user model, where defined."""
    from django.apps import apps

    User = get_user_model()
    found = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if field.is_relation and not field.auto_created and field.related_model is User:
                found.add(f"{field.model._meta.label}.{field.name}")
    return found


def test_every_table_that_holds_a_user_is_exported_or_excluded_with_a_reason():
    from privacy.personal_data import EXPORTED, NOT_EXPORTED

    relations = user_relations()
    assert relations, "the walk found no relation to the user model at all"
    listed = set(EXPORTED) | set(NOT_EXPORTED)
    assert relations - listed == set(), "export these or say in NOT_EXPORTED why not"
    assert listed - relations == set(), "these relations no longer exist"
    assert all(reason.strip() for reason in NOT_EXPORTED.values())


def test_the_export_has_a_section_for_every_exported_table(client, learner, history):
    from privacy.personal_data import EXPORTED

    client.force_login(learner)
    data = json.loads(client.get(reverse("my-data-export")).content)
    assert set(EXPORTED.values()) <= set(data)


@pytest.fixture
def trainer_work(trainer, library):
    from wagtail.log_actions import log

    page = publish(library, scenario_document())
    page.save_revision(user=trainer)
    log(page, "wagtail.edit", user=trainer)
    return page


def test_the_export_holds_addresses_sessions_consents_and_a_trainers_work(
    client, trainer, trainer_work
):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=trainer, email="tom@thuis.nl", verified=False)
    client.force_login(trainer)
    response = client.get(reverse("my-data-export"))
    assert response["Cache-Control"] == "no-store"
    data = json.loads(response.content)
    assert {a["email"] for a in data["email_addresses"]} == {"tom@example.nl", "tom@thuis.nl"}
    assert data["account"]["open_sessions"] == 1
    assert data["consents"] == {"share_scores_with_manager": False}
    assert [r["of"] for r in data["revisions"]] == [trainer_work.title]
    assert {"action": "wagtail.edit", "of": trainer_work.title} in [
        {"action": e["action"], "of": e["of"]} for e in data["log_entries"]
    ]


def test_deleting_forgets_sessions_addresses_devices_login_and_detaches_staff_work(
    client, trainer, trainer_work
):
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from django.contrib.sessions.models import Session
    from django.test import Client
    from wagtail.models import ModelLogEntry, PageLogEntry, Revision

    EmailAddress.objects.create(user=trainer, email="tom@thuis.nl", verified=True)
    Authenticator.objects.create(user=trainer, type=Authenticator.Type.TOTP, data={})
    laptop = Client()
    laptop.force_login(trainer)  # a second session, on another device
    assert laptop.get(reverse("my-data")).status_code == 200
    client.force_login(trainer)
    response = client.post(reverse("account-delete"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302

    trainer.refresh_from_db()
    assert trainer.last_login is None and trainer.profile.forgotten_at is not None
    assert not EmailAddress.objects.filter(user=trainer).exists()
    assert not Authenticator.objects.filter(user=trainer).exists()
    assert not [s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id")]
    assert laptop.get(reverse("my-data")).status_code == 302  # logged out there too
    assert not Revision.objects.filter(user=trainer).exists()
    assert Revision.objects.filter(object_id=str(trainer_work.pk)).exists()
    assert not PageLogEntry.objects.filter(user_id=trainer.pk).exists()
    assert not ModelLogEntry.objects.filter(user_id=trainer.pk).exists()


def test_the_privacy_statement_explains_the_thresholds_and_the_puppet_defence(client, db):
    html = client.get("/privacy/").content.decode()
    assert 'id="anonymity"' in html
    assert "vanaf 5 mensen" in html and "vanaf 3" in html
    assert "Niemand kan een team vullen met eigen accounts" in html
    assert "vanaf het moment dat je lid werd" in html
