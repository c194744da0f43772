"""A manager sees their teams' completions with points per register, and nothing more."""

from django.urls import reverse

from accreditation import certificates, registers
from tests.accreditation.conftest import finish, give_number

URL = reverse("team-completions")


def test_the_manager_sees_who_completed_which_course_with_points(
    client, manager, learner, volunteer, group
):
    give_number(learner, registers.REGISTERPLEIN, "123456")
    finish(learner, group.course)
    certificates.issue(learner, group.course)
    finish(volunteer, group.course)
    certificates.issue(volunteer, group.course)
    client.force_login(manager)
    body = client.get(URL).content.decode()
    assert "Alice" in body and "Vera" in body and group.course.title in body
    assert "Registerplein: 2 punten" in body
    assert "geen punten (geen registratienummer)" in body  # Vera has no number
    assert "123456" not in body  # never the register number itself
    assert 'aria-current="page"' in body and "Afgeronde cursussen" in body


def test_a_revoked_certificate_is_not_a_completion(client, manager, learner, trainer, group):
    finish(learner, group.course)
    certificate = certificates.issue(learner, group.course)
    certificates.revoke(certificate, trainer, "Niet zelf gedaan")
    client.force_login(manager)
    assert "Alice" not in client.get(URL).content.decode()


def test_others_see_nothing(client, make_user, other_organisation, learner, group, outsider):
    finish(learner, group.course)
    certificates.issue(learner, group.course)
    other = make_user("m2@example.nl", organisation=other_organisation)
    other_team = other_organisation.teams.create(name="Elders")
    other.profile.managed_teams.add(other_team)
    client.force_login(other)
    assert "Alice" not in client.get(URL).content.decode()
    response = client.get(URL, {"team": group.pk})
    assert response.status_code == 400 and "Alice" not in response.content.decode()
    client.force_login(learner)
    assert client.get(URL).status_code == 404


def test_the_team_pages_link_to_it(client, manager, team):
    client.force_login(manager)
    assert URL in client.get(reverse("team-overview")).content.decode()
