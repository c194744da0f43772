"""Joining an organisation's team needs its administrator's approval: the puppet attack fails."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from people import membership
from people.models import MembershipRequest, Profile, Role
from tests.dashboards.conftest import play

PASSWORD = "Een-sterk-wachtwoord-2026"


def sign_up(client, email, organisation, name="Pop"):
    client.logout()
    return client.post(
        reverse("account_signup"),
        {
            "email": email,
            "password1": PASSWORD,
            "password2": PASSWORD,
            "display_name": name,
            "role": Role.PROFESSIONAL,
            "organisation_code": organisation.join_code,
        },
    )


@pytest.fixture
def org_admin(make_user, organisation):
    user = make_user("olga@example.nl", organisation=organisation, name="Olga")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    organisation.administrators.add(user)
    return user


def test_the_sign_up_form_lists_no_organisations_or_teams(client, organisation, team):
    html = client.get(reverse("account_signup")).content.decode()
    assert organisation.name not in html and team.name not in html
    assert "<select" not in html


def test_a_manager_who_signs_up_puppets_cannot_read_the_one_real_members_scores(
    client, manager, learner, organisation, team, published_scenario
):
    """The attack: four accounts of the manager's own plus one real member make five."""
    play(learner, published_scenario, skill=1.0)
    earlier = timezone.now() - datetime.timedelta(days=40)
    play(learner, published_scenario, skill=0.0, when=earlier)
    for number in range(4):
        assert sign_up(client, f"pop{number}@example.nl", organisation).status_code == 302
    puppets = list(Profile.objects.filter(user__email__startswith="pop"))
    assert len(puppets) == 4
    for profile in puppets:
        # Even a team member's own request can't name the team: the administrator chooses.
        assert not profile.teams.exists() and profile.organisation is None
        play(profile.user, published_scenario, skill=0.5)

    client.force_login(manager)
    growth = client.get(reverse("team-growth"), {"team": team.pk}).context["growth"]
    assert growth.members == 1 and growth.contributors == 1
    assert growth.profile == [] and not growth.enough

    # The manager cannot approve them either: they administer no organisation.
    assert client.get(reverse("membership_requests:index")).status_code in (302, 403)
    pending = MembershipRequest.objects.first()
    edit = reverse("membership_requests:edit", args=[pending.pk])
    client.post(edit, {"decision": "approved", "team": team.pk})
    assert not Profile.objects.filter(teams=team, user__email__startswith="pop").exists()


def test_an_administrator_who_manages_the_team_cannot_approve_into_it(
    client, make_user, organisation, team
):
    boss = make_user("baas@example.nl", organisation=organisation, manages=[team], name="Baas")
    boss.user_permissions.add(Permission.objects.get(codename="access_admin"))
    organisation.administrators.add(boss)
    sign_up(client, "pop@example.nl", organisation)
    pending = MembershipRequest.objects.get()
    assert not membership.may_decide(boss, pending, team)
    client.force_login(boss)
    edit = reverse("membership_requests:edit", args=[pending.pk])
    response = client.post(edit, {"decision": "approved", "team": team.pk})
    assert response.status_code == 200
    assert "manager van dit team" in response.content.decode()
    assert not Profile.objects.filter(teams=team, user__email="pop@example.nl").exists()


def test_the_organisations_administrator_approves_into_a_team(
    client, org_admin, organisation, team
):
    sign_up(client, "nieuw@example.nl", organisation, name="Nieuw")
    pending = MembershipRequest.objects.get()
    client.force_login(org_admin)
    index = client.get(reverse("membership_requests:index"))
    assert index.status_code == 200 and "Nieuw" in index.content.decode()
    edit = reverse("membership_requests:edit", args=[pending.pk])
    response = client.post(edit, {"decision": "approved", "team": team.pk})
    assert response.status_code == 302
    profile = Profile.objects.get(user__email="nieuw@example.nl")
    assert profile.organisation == organisation and list(profile.teams.all()) == [team]
    pending.refresh_from_db()
    assert (pending.status, pending.decided_by) == (MembershipRequest.Status.APPROVED, org_admin)


def test_an_administrator_of_another_organisation_sees_and_decides_nothing(
    client, org_admin, other_organisation, team
):
    sign_up(client, "elders@example.nl", other_organisation, name="Elders")
    pending = MembershipRequest.objects.get()
    client.force_login(org_admin)
    assert "Elders" not in client.get(reverse("membership_requests:index")).content.decode()
    edit = reverse("membership_requests:edit", args=[pending.pk])
    assert client.get(edit).status_code in (403, 404, 302)
    client.post(edit, {"decision": "approved"})
    pending.refresh_from_db()
    assert pending.status == MembershipRequest.Status.PENDING
    with pytest.raises(membership.NotAllowed):
        membership.decide(org_admin, pending, approve=True)


def test_nobody_approves_their_own_request(org_admin, organisation):
    own = membership.ask_to_join(org_admin, organisation)
    assert not membership.may_decide(org_admin, own)


def test_another_organisations_administrator_is_refused_on_every_admin_view(
    client, org_admin, other_organisation
):
    sign_up(client, "elders@example.nl", other_organisation, name="Elders")
    pending = MembershipRequest.objects.get()
    client.force_login(org_admin)
    for name in ("edit", "delete", "history", "history_results", "usage"):
        url = reverse(f"membership_requests:{name}", args=[pending.pk])
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code in (302, 403, 404), (name, method)
            assert "elders@example.nl" not in response.content.decode()
    assert client.get(reverse("membership_requests:add")).status_code in (302, 403, 404)
    assert MembershipRequest.objects.filter(pk=pending.pk, status="pending").exists()
