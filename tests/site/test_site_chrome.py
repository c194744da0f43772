"""The header's and footer's links and the language switch, kept per process
(home/site_chrome.py): right for each language and each page, whoever asked first."""

import re

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils.translation import override


def _switch(html: str) -> str:
    return re.search(r'<a href="([^"]*)"[^>]*class="language-switch"', html).group(1)


def _urls(*names) -> list[str]:
    with override("nl"):
        return [reverse(name) for name in names]


def test_each_page_offers_itself_in_the_other_language_with_its_query_kept(client, learner):
    learning, privacy = _urls("my-learning", "privacy")
    client.force_login(learner)
    for _ in range(2):  # the second time from the kept translation
        assert _switch(client.get(learning).content.decode()) == "/en" + learning
        asked = client.get(privacy + "?van=menu").content.decode()
        assert _switch(asked) == "/en" + privacy + "?van=menu"
        assert _switch(client.get("/en" + learning).content.decode()) == learning


def test_the_menu_links_carry_the_language_of_the_page(client, learner):
    learning, privacy, logout = _urls("my-learning", "privacy", "account_logout")
    client.force_login(learner)
    for _ in range(2):
        dutch = client.get(learning).content.decode()
        english = client.get("/en" + learning).content.decode()
        assert f'href="{privacy}"' in dutch
        assert f'href="/en{privacy}"' in english
        assert f'action="{logout}"' in dutch
        assert f'action="/en{logout}"' in english


def _menu(html: str) -> str:
    return html.split('<nav class="site-nav"')[1].split("</nav>")[0]


def _token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_each_visitor_sees_the_menu_of_their_own_roles_whoever_came_first(
    client, learner, manager, trainer
):
    (learning,) = _urls("my-learning")
    seen, pages = {}, {}
    for _ in range(2):
        for user in (manager, learner, trainer, None):
            client.logout()
            if user is not None:
                client.force_login(user)
            pages[user] = client.get(learning if user else "/").content.decode()
            seen[user] = _menu(pages[user])
    assert 'href="/team/"' in seen[manager] and "Traineroverzicht" not in seen[manager]
    assert "Traineroverzicht" in seen[trainer] and 'href="/team/"' not in seen[trainer]
    assert 'href="/team/"' not in seen[learner] and "Traineroverzicht" not in seen[learner]
    assert "Uitloggen" in seen[learner] and "Inloggen" not in seen[learner]
    assert "Inloggen" in seen[None] and "Uitloggen" not in seen[None]
    names = {manager: "Bob", learner: "Alice", trainer: "Tom"}
    for user, name in names.items():
        assert all(other not in pages[user] for other in names.values() if other != name)


def test_each_visitor_signs_out_with_their_own_token(learner, volunteer):
    from django.test import Client

    (learning,) = _urls("my-learning")
    tokens = []
    for user in (learner, volunteer):
        browser = Client(enforce_csrf_checks=True)
        browser.force_login(user)
        page = browser.get(learning).content.decode()
        tokens.append(_token(page.split('<nav class="site-nav"')[1]))
        with override("nl"):
            response = browser.post(reverse("account_logout"), {"csrfmiddlewaretoken": tokens[-1]})
        assert response.status_code == 302
        assert browser.get(learning).status_code == 302  # signed out: to the sign-in page
    assert tokens[0] != tokens[1]


def test_only_the_page_one_is_on_is_marked_current_in_the_menu(client, learner):
    learning, privacy = _urls("my-learning", "privacy")
    client.force_login(learner)
    for _ in range(2):
        assert 'aria-current="page"' in _menu(client.get(learning).content.decode())
        assert 'aria-current="page"' not in _menu(client.get(privacy).content.decode())


def test_a_kept_piece_never_holds_a_csrf_token():
    template = Template('{% load site_chrome %}{% keep "x" %}{% csrf_token %}{% endkeep %}')
    with pytest.raises(ValueError, match="CSRF"):
        template.render(Context({"csrf_token": "geheim"}))
