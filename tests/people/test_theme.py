"""An organisation's colour: WCAG contrast, derived tokens, and the stylesheet."""

import pytest

from people.theme import contrast_ratio, mix, relative_luminance, theme_css


def test_contrast_matches_the_wcag_reference_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1)
    # WebAIM: #767676 on white is the lightest grey that passes AA (4.54:1).
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert relative_luminance("#ffffff") == pytest.approx(1)


def test_the_house_colour_passes_and_a_light_colour_does_not():
    assert contrast_ratio("#00607a", "#ffffff") >= 4.5
    assert contrast_ratio("#ffcc00", "#ffffff") < 4.5


def test_the_soft_and_dark_tokens_are_derived_from_the_one_colour():
    assert mix("#00607a", "#ffffff", 0.9) == "#e6eff2"
    css = theme_css("#8A1538")
    assert "--accent: #8a1538;" in css
    assert "--accent-dark: #68102a;" in css
    assert ".org-logo" not in css


def test_a_logo_url_cannot_break_out_of_the_stylesheet():
    css = theme_css("#8a1538", 'https://x/a"); } body { display: none; /*')
    assert 'url("https://x/a\\"); } body' in css


# --- the organisation's setting and the stylesheet its people get -------------------------

from django.core.exceptions import ValidationError  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

from people.models import validate_brand_colour  # noqa: E402


def test_a_colour_too_light_for_white_text_is_refused_in_dutch():
    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        validate_brand_colour("#ffcc00")
    assert "te licht" in refused.value.messages[0]
    assert "1,5:1" in refused.value.messages[0]
    with pytest.raises(ValidationError):
        validate_brand_colour("rood")
    validate_brand_colour("#8a1538")


def test_people_of_a_themed_organisation_get_its_colour_and_others_the_house_style(
    client, learner, outsider, organisation
):
    organisation.brand_colour = "#8a1538"
    organisation.save()
    client.force_login(learner)
    assert client.get(reverse("organisation-theme")).content.decode().startswith(":root {")
    assert "--accent: #8a1538;" in client.get(reverse("organisation-theme")).content.decode()
    client.force_login(outsider)  # another organisation, without a colour
    assert client.get(reverse("organisation-theme")).content == b""
    client.logout()
    assert client.get(reverse("organisation-theme")).content == b""


def test_pages_link_the_theme_only_for_signed_in_people(client, learner):
    assert reverse("organisation-theme") not in client.get("/").content.decode()
    client.force_login(learner)
    page = client.get(reverse("my-learning")).content.decode()
    assert f'<link rel="stylesheet" href="{reverse("organisation-theme")}">' in page


def test_the_organisation_administrator_sets_the_colour_in_the_admin(
    client, make_user, organisation
):
    from people import roles

    admin = make_user(
        "fb@example.nl", organisation=organisation, groups=[roles.ORGANISATION_ADMINS]
    )
    client.force_login(admin)
    url = f"/admin/house_style/edit/{organisation.pk}/"
    form = {"logo": ""}
    refused = client.post(url, {**form, "brand_colour": "#ffcc00"})
    assert refused.status_code == 200
    assert "te licht" in refused.content.decode()
    organisation.refresh_from_db()
    assert organisation.brand_colour == ""
    client.post(url, {**form, "brand_colour": "#8a1538"})
    organisation.refresh_from_db()
    assert organisation.brand_colour == "#8a1538"


def test_an_administrator_cannot_style_another_organisation(
    client, make_user, organisation, other_organisation
):
    from people import roles

    admin = make_user(
        "fb@example.nl", organisation=organisation, groups=[roles.ORGANISATION_ADMINS]
    )
    client.force_login(admin)
    client.get("/admin/")  # the first visit (MFA grace) is not what is tested here
    url = f"/admin/house_style/edit/{other_organisation.pk}/"
    assert client.get(url).status_code in (302, 403, 404)
    client.post(url, {"brand_colour": "#8a1538", "logo": ""})
    other_organisation.refresh_from_db()
    assert other_organisation.brand_colour == ""
    listing = client.get("/admin/house_style/").content.decode()
    assert organisation.name in listing and other_organisation.name not in listing
