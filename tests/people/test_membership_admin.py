"""The administrator's list and decision form say what each request asks, in names and Dutch:
joining, moving to another organisation, or another role in one's own."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.urls import reverse

from people import membership
from people.models import Role
from tests.people.test_membership import sign_up


@pytest.fixture
def org_admin(make_user, organisation):
    user = make_user("olga@example.nl", organisation=organisation, name="Olga")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    organisation.administrators.add(user)
    return user


def _rows(html):
    soup = BeautifulSoup(html, "html.parser")
    return [
        [cell.get_text(" ", strip=True) for cell in row.select("td")]
        for row in soup.select("tbody tr")
    ]


def test_the_list_names_people_and_says_what_they_ask(
    client, org_admin, organisation, other_organisation, make_user, team
):
    sign_up(client, "bram.nieuw@example.nl", organisation, name="Bram Peters")
    member = make_user("linda.h@example.nl", organisation=organisation, name="Linda Hermans")
    membership.ask_to_join(member, organisation, Role.VOLUNTEER)
    mover = make_user(
        "jeroen.v@example.nl", organisation=other_organisation, name="Jeroen de Vries"
    )
    membership.ask_to_join(mover, organisation)
    client.force_login(org_admin)
    page = client.get(reverse("membership_requests:index")).content.decode()
    assert "Aanvragen voor organisatie en rol" in page and "lid te worden" not in page
    rows = {row[0]: row[1:3] for row in _rows(page) if row}
    assert rows["Linda Hermans"] == ["Welzijn Testdorp · professional", "rol: vrijwilliger"]
    assert rows["Jeroen de Vries"] == ["Gemeente Elders · professional", "Welzijn Testdorp"]
    assert rows["Bram Peters"][1].startswith("Welzijn Testdorp")
    assert "linda.h" not in page and "jeroen.v" not in page  # usernames
    soup = BeautifulSoup(page, "html.parser")
    link = soup.find("a", string=lambda text: text and "Linda Hermans" in text)
    request = member.membership_requests.get()
    assert link["href"] == reverse("membership_requests:edit", args=[request.pk])


def test_the_decision_form_shows_what_changes(client, org_admin, organisation, make_user, team):
    member = make_user(
        "linda.h@example.nl", organisation=organisation, teams=[team], name="Linda Hermans"
    )
    request = membership.ask_to_join(member, organisation, Role.VOLUNTEER)
    client.force_login(org_admin)
    page = client.get(reverse("membership_requests:edit", args=[request.pk])).content.decode()
    soup = BeautifulSoup(page, "html.parser")
    assert "Wat Linda Hermans vraagt" in soup.get_text()
    table = soup.select_one("[data-request-comparison]")
    rows = [
        [c.get_text(strip=True) for c in row.select("th, td")] for row in table.select("tbody tr")
    ]
    assert rows == [
        ["Organisatie", "Welzijn Testdorp", "blijft gelijk"],
        ["Rol", "professional", "vrijwilliger"],
        ["Team", "Sociaal Wijkteam Noord", "kies je hieronder"],
    ]


def test_the_profiles_list_names_people_and_their_email_not_their_username(
    client, make_user, organisation
):
    from people import roles

    fb = make_user("fb@example.nl", organisation=organisation, groups=[roles.ORGANISATION_ADMINS])
    make_user("linda.h@example.nl", organisation=organisation, name="Linda Hermans")
    client.force_login(fb)
    rows = _rows(client.get(reverse("profiles:index")).content.decode())
    linda = next(row for row in rows if row[0].startswith("Linda Hermans"))
    assert linda[1:] == ["linda.h@example.nl", "professional", "Welzijn Testdorp"]
    assert not any(cell == "linda.h" for row in rows for cell in row)  # no username
