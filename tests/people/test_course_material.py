"""Trainers and content leads put images in their lessons: they upload and choose them in the
shared "Cursusmateriaal" collection, and see no organisation's logo."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from people import roles

Image = get_image_model()


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def trainer(make_user, organisation):
    return make_user("trainer@example.nl", organisation=organisation, groups=[roles.TRAINERS])


def test_a_trainer_uploads_and_chooses_course_images_but_sees_no_logo(
    client, trainer, organisation
):
    material = Collection.objects.get(name=roles.COURSE_MATERIAL)
    logo = Image.objects.create(
        title="Logo", file=get_test_image_file(), collection=organisation.image_collection
    )
    client.force_login(trainer)
    response = client.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "Keukentafel",
            "image-chooser-upload-file": SimpleUploadedFile(
                "keukentafel.png", get_test_image_file().file.getvalue(), "image/png"
            ),
            "image-chooser-upload-collection": material.pk,
        },
    )
    assert response.status_code == 200
    uploaded = Image.objects.get(title="Keukentafel")
    assert uploaded.collection == material
    chooser = client.get(reverse("wagtailimages_chooser:choose")).content.decode()
    assert "Keukentafel" in chooser and "Logo" not in chooser
    refused = client.get(reverse("wagtailimages_chooser:chosen", args=[logo.pk]))
    assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")
