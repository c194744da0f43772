"""The editor's live preview may be framed by the admin (same origin), and by nothing else."""

import pytest
from django.test import RequestFactory

pytestmark = pytest.mark.django_db


def frame_ancestors(response) -> str:
    policy = response["Content-Security-Policy"]
    return next(part.strip() for part in policy.split(";") if "frame-ancestors" in part)


def test_the_preview_wagtail_renders_may_be_framed_by_the_same_origin(
    admin_user, published_scenario
):
    # What the editor's preview panel loads: Wagtail runs a made-up request for the page
    # through the middleware (and marks the outer response X-Frame-Options: SAMEORIGIN).
    request = RequestFactory().get("/admin/pages/1/edit/preview/")
    request.user = admin_user
    response = published_scenario.make_preview_request(request, "")
    assert response.status_code == 200
    assert frame_ancestors(response) == "frame-ancestors 'self'"
    # Otherwise the site's strict policy: the previewed page runs no inline script.
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_the_site_page_itself_may_not_be_framed(client, admin_user, published_scenario):
    client.force_login(admin_user)
    response = client.get(published_scenario.url)
    assert response.status_code == 200
    assert frame_ancestors(response) == "frame-ancestors 'none'"
    assert response["X-Frame-Options"] == "DENY"


def test_the_admin_is_framed_by_nothing_but_itself(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/")
    assert frame_ancestors(response) == "frame-ancestors 'self'"
