"""The site's URLs plus the bench reference view; ROOT_URLCONF only under the bench settings.

The normal URLconf (kantelwerk.urls) has no reference view, so production never serves it.
"""

from django.http import HttpResponse
from django.urls import path

from .urls import urlpatterns as site_urlpatterns


def reference(request):
    """A fixed short response through the full middleware stack: the server's ceiling."""
    return HttpResponse(b"ok\n", content_type="text/plain; charset=utf-8")


urlpatterns = [path("bench/reference/", reference, name="bench-reference"), *site_urlpatterns]
