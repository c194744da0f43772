"""A newcomer finds "Nieuw scenario" in the admin menu, and the admin is Kantelwerk's, not
Wagtail's: its title, logo and menu carry no Wagtail guide, release notes or help."""

import re

import pytest
from django.urls import reverse

from people import roles


@pytest.fixture
def content_lead(make_user, organisation):
    return make_user("lotte@example.nl", organisation=organisation, groups=[roles.CONTENT_LEADS])


def test_new_scenario_in_the_menu_opens_the_form_for_a_new_scenario(client, content_lead, library):
    client.force_login(content_lead)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Nieuw scenario" in home
    response = client.get(reverse("scenarios_admin:new"), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse(
        "wagtailadmin_pages:add", args=["scenarios", "scenariopage", library.pk]
    )


def test_someone_who_may_not_add_scenarios_neither_sees_nor_uses_it(client, manager, library):
    from django.contrib.auth.models import Permission

    # may enter the admin, nothing more
    manager.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(manager)
    assert "Nieuw scenario" not in client.get(reverse("wagtailadmin_home")).content.decode()
    refused = client.get(reverse("scenarios_admin:new"))  # the admin's refusal: home, a message
    assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")


def test_the_admin_is_kantelwerks(client, content_lead, library):
    client.force_login(content_lead)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert re.search(r"<title>\s*\S.* - Kantelwerk\s*</title>", html)
    assert 'aria-label="Kantelwerk"' in html  # the logo
    assert "guide.wagtail.org" not in html and "gebruikershandleiding" not in html
    assert '"name": "help"' not in html  # Wagtail's English help menu
