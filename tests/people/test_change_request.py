"""A learner sees their role, organisation and team, and asks to change them.

Role and team decide in which team figures someone counts, so the learner asks and their
organisation's administrator decides (people.membership), as for joining.
"""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from people import membership
from people.models import MembershipRequest, Profile, Role

URL = reverse("profile-settings")


def _facts(client):
    html = BeautifulSoup(client.get(URL).content, "html.parser")
    return {dd["data-profile"]: dd.get_text(strip=True) for dd in html.select("[data-profile]")}


def test_the_profile_shows_role_organisation_and_team(client, learner, organisation, team):
    client.force_login(learner)
    assert _facts(client) == {
        "role": "Professional",
        "organisation": organisation.name,
        "teams": team.name,
    }


def test_asking_for_another_role_changes_nothing_until_the_administrator_approves(
    client, learner, make_user, organisation, team
):
    from people import roles

    client.force_login(learner)
    response = client.post(URL, {"action": "change", "change-role": Role.VOLUNTEER})
    assert response.status_code == 302
    request = MembershipRequest.objects.get(user=learner)
    assert (request.organisation, request.role) == (organisation, Role.VOLUNTEER)
    assert Profile.objects.get(user=learner).role == Role.PROFESSIONAL
    page = client.get(URL).content.decode()
    assert "gevraagd je rol te wijzigen in vrijwilliger" in page

    # A double click asks once.
    client.post(URL, {"action": "change", "change-role": Role.VOLUNTEER})
    assert MembershipRequest.objects.filter(user=learner).count() == 1

    admin = make_user(
        "fb@example.nl", organisation=organisation, groups=[roles.ORGANISATION_ADMINS]
    )
    membership.decide(admin, request, approve=True, team=team)
    assert Profile.objects.get(user=learner).role == Role.VOLUNTEER
    assert _facts(client)["role"] == "Vrijwilliger"


def test_asking_for_nothing_new_is_explained(client, learner):
    client.force_login(learner)
    response = client.post(URL, {"action": "change", "change-role": Role.PROFESSIONAL})
    assert response.status_code == 200
    assert "Er verandert nog niets" in response.content.decode()
    assert not MembershipRequest.objects.exists()


def test_without_an_organisation_the_code_is_asked_for(client, make_user):
    loner = make_user("los@example.nl")
    client.force_login(loner)
    response = client.post(URL, {"action": "change", "change-role": Role.VOLUNTEER})
    assert "Vul de aanmeldcode van je organisatie in" in response.content.decode()
    assert not MembershipRequest.objects.exists()


def test_a_tampered_role_is_refused(client, learner):
    client.force_login(learner)
    response = client.post(URL, {"action": "change", "change-role": "admin"})
    assert response.status_code == 200
    assert not MembershipRequest.objects.exists()
    assert Profile.objects.get(user=learner).role == Role.PROFESSIONAL


def test_another_organisations_code_asks_that_organisation(client, learner, other_organisation):
    client.force_login(learner)
    client.post(
        URL,
        {
            "action": "change",
            "change-role": Role.PROFESSIONAL,
            "change-organisation_code": other_organisation.join_code,
        },
    )
    request = MembershipRequest.objects.get(user=learner)
    assert (request.organisation, request.role) == (other_organisation, "")


def test_a_decided_request_cannot_be_decided_again(client, learner, admin_user, team):
    request = membership.ask_to_join(learner, team.organisation, Role.VOLUNTEER)
    membership.decide(admin_user, request, approve=True, team=team)
    client.force_login(admin_user)
    client.get("/admin/")  # the first visit (MFA grace) is not what is tested here
    url = f"/admin/membership_requests/edit/{request.pk}/"
    response = client.post(url, {"decision": MembershipRequest.Status.REFUSED, "team": team.pk})
    assert "al beslist" in response.content.decode()
    request.refresh_from_db()
    assert request.status == MembershipRequest.Status.APPROVED
    assert Profile.objects.get(user=learner).role == Role.VOLUNTEER
    with pytest.raises(membership.NotAllowed):
        membership.decide(admin_user, request, approve=False)


def test_every_field_help_on_the_profile_page_is_announced(client, learner):
    client.force_login(learner)
    html = BeautifulSoup(client.get(URL).content, "html.parser")
    described = [field["aria-describedby"] for field in html.select("[aria-describedby]")]
    assert described
    for ids in described:
        assert all(html.find(id=part) for part in ids.split()), ids
