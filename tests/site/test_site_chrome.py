"""The header's and footer's links and the language switch, kept per process
(home/site_chrome.py): right for each language and each page, whoever asked first."""

import re

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
