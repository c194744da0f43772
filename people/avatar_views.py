"""Serves the initials avatars the admin shows (people/avatars.py), from our own address."""

from django.http import Http404, HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .avatars import LETTERS, initials_svg


@require_GET
@cache_control(public=True, max_age=86400)
def initials_avatar(request, letters: str):
    if not LETTERS.match(letters):
        raise Http404
    return HttpResponse(initials_svg(letters), content_type="image/svg+xml")
