from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info


def language_switch(request):
    """Offer the current page in each other language."""
    from home.site_chrome import url_in_language

    current = get_language()
    others = [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": url_in_language(request.get_full_path(), code),
        }
        for code, _name in settings.LANGUAGES
        if code != current
    ]
    return {"other_languages": others}


def roles(request):
    """Tell the navigation which overviews to offer this user.

    Computed once per user and kept in the cache for a few minutes: the navigation is on every
    page, and these answers (trainer? manager?) change rarely.
    """
    from django.core.cache import cache

    from people import roles

    def flags() -> dict:
        user = request.user
        if not user.is_authenticated:
            return {}

        def compute():
            return {
                "trainer": roles.is_trainer(user),
                "manager": roles.is_manager(user),
                "admin": roles.may_use_admin(user),
            }

        return cache.get_or_set(f"nav-roles:{user.pk}", compute, NAV_ROLES_SECONDS)

    return {"nav_roles": SimpleLazyObject(flags)}


NAV_ROLES_SECONDS = 300


def content_language(request):
    """``content_lang``: the ``lang`` attribute for texts authors wrote, where the interface
    speaks another language (WCAG 3.1.2). Courses, scenarios and principles are written in
    the content language (Dutch); on the English interface they keep ``lang="nl"``."""
    content = settings.WAGTAIL_CONTENT_LANGUAGES[0][0]
    if get_language() == content:
        return {"content_lang": ""}
    return {"content_lang": format_html(' lang="{}"', content)}
