from django.conf import settings
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, get_language_info


def language_switch(request):
    """Offer the current page in each other language."""
    current = get_language()
    others = [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": translate_url(request.get_full_path(), code),
        }
        for code, _name in settings.LANGUAGES
        if code != current
    ]
    return {"other_languages": others}


def roles(request):
    """Tell the navigation whether to offer the team overview (one query, only when asked)."""
    from people.models import Team

    def is_manager() -> bool:
        user = request.user
        return user.is_authenticated and Team.objects.filter(managers__user_id=user.pk).exists()

    return {"is_manager": SimpleLazyObject(is_manager)}
