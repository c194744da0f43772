"""The site's header and footer on every page, without redoing per request what only
depends on the code and the language.

A URL without arguments (``reverse("privacy")``) and the other language's address of a path
(the language switch) are the same for every visitor for as long as the process runs: the
URL configuration only changes with a deploy, which starts new processes. They are kept per
process, keyed by everything ``reverse`` and ``resolve`` read besides their arguments: the
active language, the script prefix and the URL configuration. Nothing about a visitor goes
into a key or a value.

The same holds for the header's and footer's HTML around the page (``{% keep %}``): it is
kept per process for each combination of the inputs it shows (signed in or not, the menu
entries the visitor's roles offer, the current menu item), never with anything personal.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import lru_cache

from django.urls import get_script_prefix, get_urlconf, reverse, translate_url
from django.utils.translation import get_language

# Paths longer than this are translated each time: the cache holds only real pages' paths.
LONGEST_KEPT_PATH = 200


def fixed_url(name: str) -> str:
    """``reverse(name)`` for a URL without arguments, once per process and language."""
    return _reverse(name, get_language(), get_script_prefix(), get_urlconf())


@lru_cache(maxsize=512)
def _reverse(name, language, prefix, urlconf) -> str:
    return reverse(name)


def url_in_language(full_path: str, code: str) -> str:
    """Django's ``translate_url`` for a path with an optional query string; the path's
    translation is kept per process (the query string is put back unchanged)."""
    path, mark, query = full_path.partition("?")
    if len(path) > LONGEST_KEPT_PATH:
        return translate_url(full_path, code)
    return _translated(path, code, get_language(), get_script_prefix(), get_urlconf()) + (
        mark + query
    )


@lru_cache(maxsize=4096)
def _translated(path, code, language, prefix, urlconf) -> str:
    return translate_url(path, code)


# Rendered pieces of the site's header and footer, per process: see ``kept_fragment``.
_fragments: OrderedDict[tuple, str] = OrderedDict()
MOST_FRAGMENTS = 512


def kept_fragment(key: tuple, render) -> str:
    """The header's or footer's HTML for ``key``, rendered once per process.

    ``key`` must hold every input the fragment was rendered from (which menu entries a
    visitor's roles offer, signed in or not); the language and script prefix are added here.
    Only what is the same for everyone with that key goes in: nothing with a visitor's name,
    state or a CSRF token (refused: a token kept would be another visitor's).
    """
    key = (*key, get_language(), get_script_prefix())
    html = _fragments.get(key)
    if html is None:
        html = str(render())
        if "csrfmiddlewaretoken" in html:
            raise ValueError(f"a kept fragment {key[0]!r} must not hold a CSRF token")
        _fragments[key] = html
        if len(_fragments) > MOST_FRAGMENTS:
            _fragments.popitem(last=False)
    return html
