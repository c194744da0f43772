"""Karin imports a colleague's scenario file and exports one back."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from scenarios import engine, interop
from scenarios.graph import scenario_from_page
from scenarios.models import ScenarioPage

from .conftest import DEMO_DIR, demo_bytes

IMPORT_URL = "/admin/scenarios/import/"


@pytest.fixture
def karin(client, trainer):
    client.force_login(trainer)
    return client


def upload(client, scenario_index, content: bytes, name="scenario.json"):
    return client.post(
        IMPORT_URL,
        {
            "file": SimpleUploadedFile(name, content, "application/json"),
            "parent": scenario_index.pk,
        },
    )


def same(a: engine.Scenario, b: engine.Scenario) -> bool:
    """Equal scenarios; principles compared as sets (a page keeps the platform's order)."""
    return replace(a, principles=frozenset(a.principles)) == replace(
        b, principles=frozenset(b.principles)
    )


def test_the_import_page_offers_the_libraries_the_trainer_may_add_to(karin, scenario_index):
    response = karin.get(IMPORT_URL)
    assert response.status_code == 200
    text = response.content.decode()
    assert f'value="{scenario_index.pk}"' in text
    assert 'type="file"' in text


def test_the_menu_has_an_import_item_for_trainers_only(client, trainer, admin_only, scenario_index):
    client.force_login(trainer)
    assert IMPORT_URL in client.get("/admin/").content.decode()
    client.force_login(admin_only)
    assert IMPORT_URL not in client.get("/admin/").content.decode()


def test_a_valid_file_becomes_a_draft_and_opens_in_the_editor(karin, scenario_index, trainer):
    response = upload(karin, scenario_index, demo_bytes())
    assert response.status_code == 302
    page = ScenarioPage.objects.get()
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert not page.live
    assert page.get_parent().pk == scenario_index.pk
    assert page.get_latest_revision().user == trainer
    followed = karin.get(response["Location"])
    assert any(m.level_tag == "success" for m in followed.context["messages"])


def test_export_gives_a_json_attachment_named_after_the_slug(karin, published_scenario):
    response = karin.get(f"/admin/scenarios/{published_scenario.pk}/export/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"] == (
        f'attachment; filename="{published_scenario.slug}.json"'
    )
    document = json.loads(response.content)
    assert document["format"] == "kantelwerk-scenario"
    assert document["title"] == "Dagbesteding voor Mark"


@pytest.mark.parametrize("name", sorted(p.name for p in DEMO_DIR.glob("*.json")))
def test_export_then_import_gives_the_same_scenario_back(karin, scenario_index, name):
    original, problems = engine.load_json(demo_bytes(name))
    assert problems == []
    first = interop.import_scenario(demo_bytes(name), scenario_index, publish=True).page

    exported = karin.get(f"/admin/scenarios/{first.pk}/export/").content
    response = upload(karin, scenario_index, exported, name=f"{first.slug}.json")
    assert response.status_code == 302
    second = ScenarioPage.objects.exclude(pk=first.pk).get()
    assert second.slug != first.slug

    again = scenario_from_page(second.get_latest_revision_as_object())
    assert same(again, scenario_from_page(first))
    assert same(again, original)


def refused(client, scenario_index, content: bytes):
    before = ScenarioPage.objects.count()
    response = upload(client, scenario_index, content)
    assert response.status_code == 200
    assert ScenarioPage.objects.count() == before
    return response.content.decode()


def test_broken_json_is_refused_with_a_message(karin, scenario_index):
    text = refused(karin, scenario_index, b'{"format": "kantelwerk-scenario", ')
    assert "geen geldige JSON" in text


def test_a_file_that_is_not_utf8_is_refused(karin, scenario_index):
    text = refused(karin, scenario_index, json.dumps({"title": "Café"}).encode("utf-16"))
    assert "UTF-8" in text


def test_a_file_over_one_mib_is_refused(karin, scenario_index):
    document = json.loads(demo_bytes())
    document["intro"] = "x" * (2 * 1024 * 1024)
    text = refused(karin, scenario_index, json.dumps(document).encode())
    assert "1 MiB" in text


def test_ten_thousand_steps_are_refused_without_listing_them_all(karin, scenario_index):
    nodes = [{"key": f"s{i}", "text": "t", "end": True} for i in range(10_000)]
    document = {
        "format": "kantelwerk-scenario",
        "version": 1,
        "title": "Te groot",
        "principles": [],
        "start": "s0",
        "nodes": nodes,
    }
    text = refused(karin, scenario_index, json.dumps(document, separators=(",", ":")).encode())
    assert "10.000 stappen" in text
    assert text.count("<li>") < 500


def test_wrong_types_are_refused_naming_step_and_choice(karin, scenario_index):
    document = json.loads(demo_bytes())
    document["nodes"][0]["choices"][0]["quality"] = 3
    document["nodes"][0]["text"] = ["geen", "tekst"]
    text = refused(karin, scenario_index, json.dumps(document).encode())
    first = document["nodes"][0]
    assert f"'{first['choices'][0]['key']}'" in text.replace("&#x27;", "'")
    assert f"'{first['key']}'" in text.replace("&#x27;", "'")


def test_an_unknown_principle_is_refused_by_name(karin, scenario_index):
    document = json.loads(demo_bytes())
    document["principles"].append("vliegende-keep")
    text = refused(karin, scenario_index, json.dumps(document).encode())
    assert "vliegende-keep" in text


def test_a_broken_target_is_refused_naming_step_and_choice(karin, scenario_index):
    document = json.loads(demo_bytes())
    choice = document["nodes"][0]["choices"][0]
    choice["target"] = "nergens"
    text = refused(karin, scenario_index, json.dumps(document).encode()).replace("&#x27;", "'")
    assert f"Keuze '{choice['key']}' in stap 'begin' verwijst naar 'nergens'" in text


def test_the_import_escapes_what_the_file_says(karin, scenario_index):
    document = json.loads(demo_bytes())
    document["nodes"][0]["choices"][0]["target"] = "<script>x</script>"
    text = refused(karin, scenario_index, json.dumps(document).encode())
    assert "<script>x</script>" not in text


def test_a_parent_the_user_may_not_add_to_is_refused(karin, scenario_index):
    response = karin.post(
        IMPORT_URL,
        {
            "file": SimpleUploadedFile("s.json", demo_bytes()),
            "parent": scenario_index.get_parent().pk,
        },
    )
    assert response.status_code == 200
    assert ScenarioPage.objects.count() == 0


@pytest.mark.parametrize("who", ["learner", "outsider", "admin_only"])
def test_import_is_refused_to_others(client, request, who, scenario_index):
    client.force_login(request.getfixturevalue(who))
    assert client.get(IMPORT_URL).status_code in (302, 403)
    response = upload(client, scenario_index, demo_bytes())
    assert response.status_code in (302, 403)
    assert ScenarioPage.objects.count() == 0


def test_import_and_export_need_a_login(client, published_scenario, scenario_index):
    assert client.get(IMPORT_URL).status_code == 302
    assert client.get(f"/admin/scenarios/{published_scenario.pk}/export/").status_code == 302


@pytest.fixture
def other_library_trainer(make_user, scenario_index):
    """A user who may edit pages in another part of the site only."""
    from wagtail.models import GroupPagePermission, Page

    from scenarios.models import ScenarioIndexPage

    elsewhere = ScenarioIndexPage(title="Elders", slug="elders")
    Page.objects.get(depth=2).add_child(instance=elsewhere)
    group = Group.objects.create(name="Trainers elders")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=elsewhere, permission=Permission.objects.get(codename=codename)
        )
    user = make_user("els@example.nl", name="Els")
    user.groups.add(group)
    return user


def test_a_trainer_of_another_library_cannot_export_or_map_this_one(
    client, other_library_trainer, published_scenario
):
    client.force_login(other_library_trainer)
    for view in ("export", "kaart"):
        response = client.get(f"/admin/scenarios/{published_scenario.pk}/{view}/")
        # Wagtail turns a PermissionDenied into a redirect to the dashboard, with a message.
        assert (response.status_code, response.get("Location")) in ((403, None), (302, "/admin/"))
    response = client.get(IMPORT_URL)
    assert response.status_code == 200
    assert "Elders" in response.content.decode()
    assert "Scenario&#x27;s" not in response.content.decode()
