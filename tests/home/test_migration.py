"""An installation from before the home page had Wagtail's welcome page as its root."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Page, Site

from courses.models import CourseIndexPage
from home.models import HomePage

BEFORE = [("home", "0001_home_page")]
AFTER = [("home", "0002_replace_wagtail_welcome_page")]


def migrate(targets):
    MigrationExecutor(connection).migrate(targets)


@pytest.mark.django_db(transaction=True)
def test_the_welcome_page_becomes_the_home_page_in_place_with_its_children(migrated_db):
    migrate(BEFORE)
    try:
        root = Site.objects.get(is_default_site=True).root_page
        assert root.specific_class is Page
        Page.objects.filter(pk=root.pk).update(title="Welcome to your new Wagtail site!")
        courses = root.add_child(instance=CourseIndexPage(title="Cursussen", slug="cursussen"))
    finally:
        migrate(AFTER)

    home = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(home, HomePage)
    assert home.pk == root.pk
    assert home.title == "Kantelwerk"
    assert home.heading == "Samen leren voor de kanteling in het sociaal domein"
    assert list(home.get_children()) == [courses.page_ptr]
    assert home.url == "/"
    assert HomePage.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_root_someone_already_replaced_is_left_alone(migrated_db):
    migrate(BEFORE)
    try:
        root = Site.objects.get(is_default_site=True).root_page
        own = root.get_parent().add_child(instance=CourseIndexPage(title="Eigen", slug="eigen"))
        Site.objects.update(root_page=own)
    finally:
        migrate(AFTER)

    assert HomePage.objects.count() == 0
    assert Site.objects.get().root_page.specific_class is CourseIndexPage


@pytest.mark.django_db
def test_the_admin_dashboard_names_the_site_not_its_host(client, admin_user):
    client.force_login(admin_user)
    html = client.get("/admin/").content.decode()
    assert Site.objects.get(is_default_site=True).site_name == "Kantelwerk"
    heading = BeautifulSoup(html, "html.parser").select_one(".w-dashboard h1")
    assert heading.get_text(strip=True) == "Kantelwerk"
