"""The bench reference view exists only under the bench settings; X-Queries counts queries.

No timings here: performance is measured by `make bench`, not by tests.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from kantelwerk import bench_urls
from kantelwerk.bench_middleware import QueryCountMiddleware

ROOT = Path(__file__).resolve().parents[2]

SHOW = (
    "import django; django.setup(); from django.conf import settings; "
    "from django.urls import reverse, NoReverseMatch\n"
    "try:\n    url = reverse('bench-reference')\nexcept NoReverseMatch:\n    url = None\n"
    "print(url, getattr(settings, 'BENCH', False), settings.ROOT_URLCONF, "
    "settings.MIDDLEWARE[0], settings.SESSION_COOKIE_SECURE, settings.SECURE_SSL_REDIRECT)"
)


def settings_report(module: str) -> list[str]:
    """Import the settings in a fresh process, as gunicorn would, and report what matters."""
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE"}}
    env.update(
        DJANGO_SETTINGS_MODULE=module,
        SECRET_KEY="x7Qp-2vLk9_Zr4mTa8WcYb3NdFh6JsGu1EoRiKlPqXwVzAyBnCmD5e0",
        ALLOWED_HOSTS="kantelwerk.example.nl",
        PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "site")]),
    )
    result = subprocess.run(
        [sys.executable, "-c", SHOW],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_bench_settings_serve_the_reference_view_over_plain_http():
    url, bench, urlconf, first_middleware, secure_cookie, ssl_redirect = settings_report(
        "kantelwerk.settings.bench"
    )
    assert url == "/bench/reference/"
    assert bench == "True"
    assert urlconf == "kantelwerk.bench_urls"
    assert first_middleware == "kantelwerk.bench_middleware.QueryCountMiddleware"
    assert secure_cookie == "False"
    assert ssl_redirect == "False"


def test_production_settings_have_no_reference_view():
    url, bench, urlconf, first_middleware, secure_cookie, ssl_redirect = settings_report(
        "kantelwerk.settings.production"
    )
    assert url == "None"
    assert bench == "False"
    assert urlconf == "kantelwerk.urls"
    assert first_middleware != "kantelwerk.bench_middleware.QueryCountMiddleware"
    assert secure_cookie == "True"


def test_the_normal_urlconf_has_no_reference_view():
    with pytest.raises(NoReverseMatch):
        reverse("bench-reference")
    try:
        match = resolve("/bench/reference/")
    except Resolver404:
        return
    assert match.func is not bench_urls.reference


def test_the_bench_urlconf_adds_only_the_reference_view():
    match = resolve("/bench/reference/", urlconf="kantelwerk.bench_urls")
    assert match.func is bench_urls.reference
    assert resolve("/", urlconf="kantelwerk.bench_urls").url_name == "home"


@pytest.mark.django_db
def test_query_count_middleware_counts_the_queries_of_the_request():
    def view(request):
        with connection.cursor() as cursor:
            for _ in range(3):
                cursor.execute("SELECT 1")
        return HttpResponse("ok")

    response = QueryCountMiddleware(view)(RequestFactory().get("/"))
    assert response["X-Queries"] == "3"

    quiet = QueryCountMiddleware(lambda request: HttpResponse("ok"))(RequestFactory().get("/"))
    assert quiet["X-Queries"] == "0"


@pytest.mark.django_db
def test_the_reference_view_answers_through_the_middleware(client, settings):
    middleware = ["kantelwerk.bench_middleware.QueryCountMiddleware", *settings.MIDDLEWARE]
    with override_settings(ROOT_URLCONF="kantelwerk.bench_urls", MIDDLEWARE=middleware):
        response = client.get("/bench/reference/")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["X-Queries"] == "0"
    assert "Content-Security-Policy" in response
