"""An organisation administrator uploads and chooses their organisation's logo, and sees no
other organisation's images (people.roles.open_image_collection)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from people import roles

Image = get_image_model()
SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20" width="40" height="20" '
    b'onload="alert(1)"><script>alert(2)</script><rect width="40" height="20" fill="#7a1f3d"/>'
    b"</svg>"
)


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def fb(make_user, organisation):
    return make_user("fb@example.nl", organisation=organisation, groups=[roles.ORGANISATION_ADMINS])


@pytest.fixture
def other_logo(other_organisation):
    return Image.objects.create(
        title="Logo van elders",
        file=get_test_image_file(),
        collection=other_organisation.image_collection,
    )


def _upload(client, organisation, name, content, content_type="image/png"):
    return client.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": name,
            "image-chooser-upload-file": SimpleUploadedFile(name, content, content_type),
            "image-chooser-upload-collection": organisation.image_collection_id,
        },
    )


def test_each_organisation_has_a_collection_that_only_its_administrators_hold(
    fb, organisation, other_organisation
):
    assert organisation.image_collection.name == "Welzijn Testdorp"
    assert other_organisation.image_collection != organisation.image_collection
    group = fb.groups.get(name__startswith=roles.IMAGE_GROUP_PREFIX)
    rights = group.collection_permissions.filter(collection=organisation.image_collection)
    assert sorted(rights.values_list("permission__codename", flat=True)) == [
        "add_image",
        "choose_image",
    ]
    organisation.administrators.remove(fb)
    assert not fb.groups.filter(name__startswith=roles.IMAGE_GROUP_PREFIX).exists()


def test_a_renamed_organisation_renames_its_collection(organisation):
    organisation.name = "Welzijn Nieuwdorp"
    organisation.save()
    organisation.refresh_from_db()
    assert organisation.image_collection.name == "Welzijn Nieuwdorp"


def test_the_administrator_uploads_a_logo_into_their_own_collection(client, fb, organisation):
    client.force_login(fb)
    file = get_test_image_file()
    response = _upload(client, organisation, "logo.png", file.file.getvalue())
    assert response.status_code == 200, response.content
    logo = Image.objects.get(title="logo.png")
    assert logo.collection == organisation.image_collection


def test_the_chooser_shows_the_administrator_only_their_organisations_images(
    client, fb, organisation, other_logo
):
    own = Image.objects.create(
        title="Ons logo", file=get_test_image_file(), collection=organisation.image_collection
    )
    client.force_login(fb)
    listing = client.get(reverse("wagtailimages_chooser:choose")).content.decode()
    assert "Ons logo" in listing and "Logo van elders" not in listing
    assert client.get(reverse("wagtailimages_chooser:chosen", args=[own.pk])).status_code == 200
    refused = client.get(reverse("wagtailimages_chooser:chosen", args=[other_logo.pk]))
    assert refused.status_code != 200 and "Logo van elders" not in refused.content.decode()
    index = client.get(reverse("wagtailimages:index")).content.decode()
    assert "Logo van elders" not in index


def test_another_organisations_image_cannot_become_the_logo(client, fb, organisation, other_logo):
    client.force_login(fb)
    url = reverse("house_style:edit", args=[organisation.pk])
    response = client.post(url, {"brand_colour": "#8a1538", "logo": other_logo.pk})
    assert response.status_code == 200  # the form again, with the error
    organisation.refresh_from_db()
    assert organisation.logo is None and organisation.brand_colour == ""


def test_the_chosen_logo_is_shown_to_the_organisations_people(client, fb, learner, organisation):
    logo = Image.objects.create(
        title="Ons logo", file=get_test_image_file(), collection=organisation.image_collection
    )
    client.force_login(fb)
    url = reverse("house_style:edit", args=[organisation.pk])
    client.post(url, {"brand_colour": "#8a1538", "logo": logo.pk})
    organisation.refresh_from_db()
    assert organisation.logo == logo
    client.force_login(learner)
    css = client.get(reverse("organisation-theme")).content.decode()
    assert ".org-logo" in css and "/media/images/" in css


def test_an_uploaded_svg_is_stored_without_what_could_run(client, fb, organisation):
    client.force_login(fb)
    response = _upload(client, organisation, "logo.svg", SVG_WITH_SCRIPT, "image/svg+xml")
    assert response.status_code == 200, response.content
    logo = Image.objects.get(title="logo.svg")
    with logo.file.open("rb"):
        stored = logo.file.read()
    assert b"<rect" in stored and b"alert" not in stored and b"script" not in stored
    assert logo.file_size == len(stored)
    assert logo.get_rendition("height-64").url.endswith(".svg")


def test_an_svg_that_reaches_storage_another_way_is_cleaned_too(organisation):
    logo = Image.objects.create(
        title="Ingeladen",
        file=SimpleUploadedFile("logo.svg", SVG_WITH_SCRIPT),
        collection=organisation.image_collection,
    )
    with logo.file.open("rb"):
        assert b"alert" not in logo.file.read()


def test_an_unreadable_svg_is_refused_in_dutch(client, fb, organisation):
    client.force_login(fb)
    entity = (
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "x">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>'
    )
    response = _upload(client, organisation, "logo.svg", entity, "image/svg+xml")
    assert "geen of een beschadigde afbeelding" in response.content.decode()
    assert not Image.objects.filter(title="logo.svg").exists()


def test_a_left_over_group_of_the_same_name_holds_only_the_new_collection(db):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import Collection, GroupCollectionPermission

    from people.models import Organisation

    old = Collection.get_first_root_node().add_child(name="Weg")
    left_over = Group.objects.create(name=roles.IMAGE_GROUP_PREFIX + "Welzijn Opnieuw")
    GroupCollectionPermission.objects.create(
        group=left_over, collection=old, permission=Permission.objects.get(codename="add_image")
    )
    organisation = Organisation.objects.create(name="Welzijn Opnieuw")
    held = set(left_over.collection_permissions.values_list("collection_id", flat=True))
    assert held == {organisation.image_collection_id}
