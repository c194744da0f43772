"""The stylesheet with the colours and logo of the signed-in person's organisation.

Pages link it for signed-in people only, so themes cost each page no query; the browser
keeps it for a few minutes.
"""

from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .models import Profile
from .theme import theme_css


@require_GET
@cache_control(private=True, max_age=300)
def organisation_theme(request):
    css = ""
    if request.user.is_authenticated:
        profile = (
            Profile.objects.filter(user=request.user).select_related("organisation__logo").first()
        )
        organisation = profile.organisation if profile else None
        if organisation and organisation.brand_colour:
            logo = organisation.logo.get_rendition("height-64").url if organisation.logo else ""
            css = theme_css(organisation.brand_colour, logo)
    return HttpResponse(css, content_type="text/css; charset=utf-8")
