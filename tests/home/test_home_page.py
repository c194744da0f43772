import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, Site

from home.models import HomePage


def home_page() -> HomePage:
    return Site.objects.get(is_default_site=True).root_page.specific


def test_the_site_starts_at_a_home_page_not_wagtails_welcome_page(db):
    home = home_page()
    assert isinstance(home, HomePage)
    assert home.title == "Kantelwerk"
    assert not Page.objects.filter(title__icontains="Welcome to your new Wagtail site").exists()


def test_the_admins_page_tree_shows_kantelwerk_and_no_welcome_page(client, make_user):
    client.force_login(make_user("root@example.nl", superuser=True))
    page = client.get(reverse("wagtailadmin_explore_root")).content.decode()
    assert "Kantelwerk" in page
    assert "Welcome to your new Wagtail site" not in page


def test_the_home_page_shows_its_texts_in_dutch_and_in_english(client, db):
    dutch = client.get("/").content.decode()
    assert "<h1>Samen leren voor de kanteling in het sociaal domein</h1>" in dutch
    assert "Bij Kantelwerk leren professionals, vrijwilligers en gemeenteambtenaren" in dutch
    english = client.get("/en/").content.decode()
    assert "<h1>Learning together for the shift in the social domain</h1>" in english
    assert "At the heart of every course is the kitchen-table conversation." in english


def test_an_editor_changes_the_texts_and_the_site_shows_them_once_published(client, db):
    home = home_page()
    home.heading = "Welkom in Maaswijk"
    home.heading_en = ""
    home.save_revision()
    assert "Welkom in Maaswijk" not in client.get("/").content.decode()

    home.get_latest_revision().publish()
    assert "<h1>Welkom in Maaswijk</h1>" in client.get("/").content.decode()
    # Without an English text the English page shows the Dutch one rather than nothing.
    assert "<h1>Welkom in Maaswijk</h1>" in client.get("/en/").content.decode()


def test_a_signed_in_learner_is_welcomed_and_led_to_their_learning(client, learner):
    client.force_login(learner)
    page = client.get(reverse("home")).content.decode()
    assert "Welkom terug, Alice." in page
    assert f'href="{reverse("my-learning")}"' in page


def test_under_home_an_editor_may_add_only_a_course_overview_or_a_scenario_library(
    client, make_user
):
    client.force_login(make_user("root@example.nl", superuser=True))
    home = home_page()
    page = client.get(reverse("wagtailadmin_pages:add_subpage", args=[home.pk])).content.decode()
    offered = set(re.findall(rf"/admin/pages/add/(\w+/\w+)/{home.pk}/", page))
    assert offered == {"courses/courseindexpage", "scenarios/scenarioindexpage"}
    assert not HomePage.can_create_at(home)


def test_the_anonymous_home_page_needs_few_queries(client, db):
    client.get("/")  # Wagtail caches the site's root paths after the first request
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/").status_code == 200
    assert len(captured) == 0, "\n".join(query["sql"][:200] for query in captured)


def test_an_uninvited_visitor_reads_how_to_take_part(client, learner):
    page = client.get("/").content.decode()
    part = page.split("data-take-part")[1].split("</section>")[0]
    assert "Hoe doe ik mee?" in part
    assert "via je organisatie of met een uitnodiging van je trainer" in part
    assert f'href="{reverse("account_signup")}"' in part
    assert "uitnodigingslink" in part and "aanmeldcode" in part
    client.force_login(learner)
    assert "data-take-part" not in client.get("/").content.decode()
