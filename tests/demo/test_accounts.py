from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from wagtail.images import get_image_model

from demo.accounts import DEMO_PASSWORD
from people.models import Organisation, Profile, Role, Team


def snapshot():
    tables = [
        "auth_user",
        "people_organisation",
        "people_team",
        "people_profile",
        "people_profile_teams",
        "people_profile_managed_teams",
        "account_emailaddress",
    ]
    with connection.cursor() as cursor:
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    passwords = dict(get_user_model().objects.values_list("email", "password"))
    return counts, passwords


def test_loading_the_demo_twice_changes_nothing(db, capsys):
    call_command("load_demo")
    first = snapshot()
    call_command("load_demo")
    assert snapshot() == first


def test_the_demo_offers_every_kind_of_user(db, client, capsys):
    call_command("load_demo")
    output = capsys.readouterr().out
    assert DEMO_PASSWORD in output
    roles = set(Profile.objects.exclude(role="").values_list("role", flat=True))
    assert {Role.PROFESSIONAL, Role.VOLUNTEER, Role.CIVIL_SERVANT} <= roles
    assert Organisation.objects.filter(kind=Organisation.Kind.MUNICIPALITY).exists()
    assert Team.objects.filter(managers__isnull=False).exists()
    for email in ("jeroen", "fatima", "mirjam", "karin", "ahmed", "beheer"):
        assert f"{email}@demo.kantelwerk.nl" in output
        assert client.login(username=f"{email}@demo.kantelwerk.nl", password=DEMO_PASSWORD)


def test_the_demo_prints_links_to_the_address_make_run_serves(db, capsys, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"
    call_command("load_demo")
    output = capsys.readouterr().out
    assert "Log in at http://127.0.0.1:8123/" in output
    assert "Course: http://127.0.0.1:8123/cursussen/" in output
    assert ":8000" not in output


def test_demo_people_have_names_and_the_town_its_colour(db, capsys):
    call_command("load_demo")
    karin = get_user_model().objects.get(email="karin@demo.kantelwerk.nl")
    assert karin.get_full_name() == Profile.objects.get(user=karin).display_name
    town = Organisation.objects.get(name="Gemeente Maaswijk")
    assert town.brand_colour == "#7a1f3d"


def test_the_town_has_its_own_svg_logo_in_its_own_collection(
    db, capsys, client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo")
    town = Organisation.objects.get(name="Gemeente Maaswijk")
    assert town.logo.file.name.endswith(".svg")
    assert town.logo.collection == town.image_collection
    with town.logo.file.open("rb"):
        drawing = town.logo.file.read()
    assert b"Maaswijk" in drawing and b"script" not in drawing
    client.login(username="mirjam@demo.kantelwerk.nl", password=DEMO_PASSWORD)
    css = client.get("/thema.css").content.decode()
    assert "--accent: #7a1f3d;" in css and ".svg" in css
    call_command("load_demo")
    assert get_image_model().objects.filter(title__startswith="Logo ").count() == 1
