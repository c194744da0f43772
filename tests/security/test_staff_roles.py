"""Staff get only what their role needs: the attacks of the admin test, and the roles' own work."""

import json

import pytest
from django.urls import reverse
from wagtail.models import Page

from courses.models import Cohort
from people import roles
from people.models import Profile
from scenarios.interop import import_scenario
from scenarios.models import ScenarioPage
from tests.builders import scenario_document
from tests.scenarios.test_authoring import SMALL, edit_post
from tests.security.conftest import SECRET_REFLECTION


@pytest.fixture
def content_lead(make_user, organisation):
    return make_user("lotte@example.nl", organisation=organisation, groups=[roles.CONTENT_LEADS])


def cohort_post(cohort, **changes):
    data = {
        "name": cohort.name,
        "course": cohort.course_id,
        "starts_on": "",
        "ends_on": "",
        "invite_expires_on": "",
        "trainers": [user.pk for user in cohort.trainers.all()],
        "add_participant": "",
    }
    data.update(changes)
    return data


def test_a_trainer_of_another_organisation_cannot_take_over_a_group(client, world):
    cohort, intruder = world.cohort, world.other_trainer
    client.force_login(intruder)
    url = reverse("cohorts:edit", args=[cohort.pk])

    assert client.get(url).status_code != 200
    takeover = cohort_post(cohort, trainers=[world.trainer.pk, intruder.pk])
    assert client.post(url, takeover).status_code != 200

    assert list(cohort.trainers.all()) == [world.trainer]
    reflection = client.get(reverse("reflection-detail", args=[world.reflection.pk]))
    assert reflection.status_code == 404
    assert SECRET_REFLECTION not in reflection.content.decode()


def test_a_trainer_sees_only_the_groups_they_train(client, world):
    client.force_login(world.other_trainer)
    listing = client.get(reverse("cohorts:index")).content.decode()
    assert world.other_cohort.name in listing
    assert world.cohort.name not in listing


def test_the_group_form_lists_the_groups_people_not_every_account(client, world):
    client.force_login(world.trainer)
    page = client.get(reverse("cohorts:edit", args=[world.cohort.pk])).content.decode()
    assert world.learner.email in page  # a participant of this group
    assert world.other_learner.email not in page
    assert world.other_trainer.email not in page  # a trainer of another organisation
    assert world.manager.email not in page


def test_a_trainer_adds_someone_by_their_exact_email_address(client, world):
    client.force_login(world.trainer)
    url = reverse("cohorts:edit", args=[world.cohort.pk])
    data = cohort_post(world.cohort, add_participant=world.other_learner.email.upper())
    assert client.post(url, data).status_code == 302
    assert world.other_learner in world.cohort.participants.all()


def test_taking_one_out_keeps_whoever_joined_while_the_form_was_open(client, world, make_user):
    client.force_login(world.trainer)
    url = reverse("cohorts:edit", args=[world.cohort.pk])
    data = cohort_post(world.cohort, remove_participants=[world.volunteer.pk])
    joiner = make_user("nieuw@example.nl", organisation=world.team.organisation)
    world.cohort.participants.add(joiner)

    assert client.post(url, data).status_code == 302
    assert set(world.cohort.participants.all()) == {world.learner, joiner}


def test_an_unknown_address_gets_a_dutch_message_and_nothing_is_lost(client, world):
    client.force_login(world.trainer)
    url = reverse("cohorts:edit", args=[world.cohort.pk])
    data = cohort_post(world.cohort, name="Nieuwe naam", add_participant="niemand@example.nl")
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Er is geen account met dit e-mailadres" in response.content.decode()
    world.cohort.refresh_from_db()
    assert world.cohort.name == "Leergroep A"
    assert world.cohort.participants.count() == 2


def test_a_trainer_who_creates_a_group_trains_it(client, world):
    client.force_login(world.other_trainer)
    data = {"name": "Nieuwe groep", "course": world.course.pk, "add_participant": ""}
    assert client.post(reverse("cohorts:add"), data).status_code == 302
    created = Cohort.objects.get(name="Nieuwe groep")
    assert list(created.trainers.all()) == [world.other_trainer]


def test_a_trainers_publication_waits_for_a_content_lead(client, world, library, content_lead):
    draft = import_scenario(json.dumps(SMALL), library, user=world.other_trainer).page
    client.force_login(world.other_trainer)
    edit = reverse("wagtailadmin_pages:edit", args=[draft.pk])

    client.post(edit, edit_post(draft, SMALL, publish=True))
    assert not ScenarioPage.objects.get(pk=draft.pk).live

    submit = edit_post(draft, SMALL) | {"action-submit": "action-submit"}
    assert client.post(edit, submit).status_code == 302
    draft = ScenarioPage.objects.get(pk=draft.pk)
    assert draft.workflow_in_progress and not draft.live
    task_state = draft.current_workflow_state.current_task_state

    client.force_login(content_lead)
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", task_state.pk]
    )
    client.post(approve, {"comment": ""})
    assert ScenarioPage.objects.get(pk=draft.pk).live


def test_a_broken_scenario_cannot_be_sent_for_review(client, world, library):
    from tests.scenarios.test_authoring import broken

    draft = import_scenario(json.dumps(SMALL), library, user=world.other_trainer).page
    client.force_login(world.other_trainer)
    edit = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    submit = edit_post(draft, broken()) | {"action-submit": "action-submit"}
    assert client.post(edit, submit).status_code == 200
    assert not ScenarioPage.objects.get(pk=draft.pk).workflow_in_progress


def test_a_trainers_change_to_anothers_live_page_waits_for_review(client, world):
    client.force_login(world.other_trainer)
    page = world.scenario
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.post(edit, edit_post(page, scenario_document(text="Overgenomen"), publish=True))
    live = ScenarioPage.objects.get(pk=page.pk)
    assert "Overgenomen" not in [block.value["text"] for block in live.graph]


def test_a_trainer_cannot_delete_or_move_another_trainers_draft(client, world, library):
    draft = import_scenario(
        json.dumps(scenario_document(text="Nog niet af.")), library, user=world.trainer
    ).page
    client.force_login(world.other_trainer)
    client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
    home = Page.objects.get(depth=2)
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[draft.pk, home.pk]))
    draft.refresh_from_db()
    assert draft.get_parent().pk == library.pk

    client.force_login(world.trainer)
    client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
    assert not ScenarioPage.objects.filter(pk=draft.pk).exists()


def test_site_history_is_for_content_leads(client, world, content_lead):
    url = reverse("wagtailadmin_reports:site_history")
    client.force_login(world.trainer)
    assert client.get(url).status_code == 302
    client.force_login(content_lead)
    assert client.get(url).status_code == 200


def test_only_content_leads_change_principles(client, world, content_lead):
    from scenarios.models import Principle

    principle = Principle.objects.order_by("pk").first()
    delete = reverse("wagtailsnippets_scenarios_principle:delete", args=[principle.pk])
    client.force_login(world.trainer)
    client.post(delete)
    assert Principle.objects.filter(pk=principle.pk).exists()
    client.force_login(content_lead)
    edit = reverse("wagtailsnippets_scenarios_principle:edit", args=[principle.pk])
    assert client.get(edit).status_code == 200


def test_an_organisation_administrator_sees_their_own_people_only(client, world, make_user):
    admin = make_user(
        "fb@example.nl", organisation=world.team.organisation, groups=[roles.ORGANISATION_ADMINS]
    )
    client.force_login(admin)
    listing = client.get(reverse("profiles:index")).content.decode()
    assert Profile.objects.get(user=world.learner).display_name in listing
    assert Profile.objects.get(user=world.other_learner).display_name not in listing
    other = reverse("profiles:edit", args=[Profile.objects.get(user=world.other_learner).pk])
    assert client.get(other).status_code != 200


def test_a_logged_in_learner_at_the_admin_gets_a_dutch_page_not_a_loop(client, world):
    client.force_login(world.learner)
    response = client.get("/admin/", follow=True)
    assert len(response.redirect_chain) <= 2
    assert response.status_code == 403
    text = response.content.decode()
    assert 'lang="nl"' in text
    assert "Het beheer is voor medewerkers" in text


def test_a_visitor_at_the_admin_goes_to_the_login(client, db):
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith("/account/login/")


def test_wagtails_default_groups_that_can_publish_anything_are_gone(db):
    """Wagtail makes "Editors" and "Moderators" with rights on the whole tree; an administrator
    who put someone in one would bypass every role. Only Kantelwerk's own groups remain."""
    from django.contrib.auth.models import Group
    from wagtail.models import GroupPagePermission

    names = set(Group.objects.values_list("name", flat=True))
    assert not names & {"Editors", "Moderators"}
    assert {roles.TRAINERS, roles.CONTENT_LEADS} <= names
    assert not GroupPagePermission.objects.filter(page__depth=1).exists()  # nothing on the root


def test_a_default_group_someone_is_in_is_left_for_an_administrator(db, make_user):
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group

    migration = importlib.import_module("people.migrations.0010_remove_wagtail_default_groups")
    kept, gone = Group.objects.create(name="Editors"), Group.objects.create(name="Moderators")
    make_user("editor@example.nl").groups.add(kept)
    migration.remove_unused_default_groups(apps, None)
    assert list(Group.objects.filter(name__in=["Editors", "Moderators"])) == [kept]
    assert not Group.objects.filter(pk=gone.pk).exists()
