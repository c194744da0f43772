"""Joining a learning group by invitation link: logged in, through sign-up, and dead links."""

import datetime
import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from people.models import MembershipRequest, Profile, Role
from tests.builders import lessons_of


def test_a_visitor_sees_the_group_and_links_to_sign_up_or_in_that_come_back(client, cohort):
    url = cohort.get_invite_url()
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert cohort.name in html
    assert cohort.course.title in html
    assert f"{reverse('account_signup')}?next={url}" in html
    assert f"{reverse('account_login')}?next={url}" in html


def test_a_logged_in_user_joins_with_one_post_and_lands_on_the_first_lesson(
    client, cohort, make_user, other_organisation
):
    newcomer = make_user(
        "nina@example.nl", role=Role.CIVIL_SERVANT, organisation=other_organisation
    )
    client.force_login(newcomer)
    assert 'data-join="join"' in client.get(cohort.get_invite_url()).content.decode()
    response = client.post(cohort.get_invite_url())
    assert response.status_code == 302
    assert response["Location"] == lessons_of(cohort.course)[0].url
    assert cohort.participants.filter(pk=newcomer.pk).exists()


def test_joining_twice_changes_nothing(client, cohort, learner):
    client.force_login(learner)
    before = cohort.participants.count()
    response = client.post(cohort.get_invite_url())
    assert response.status_code == 302
    assert response["Location"] == reverse("my-learning")
    assert cohort.participants.count() == before


def test_a_member_following_the_link_again_goes_to_my_learning(client, cohort, learner):
    client.force_login(learner)
    response = client.get(cohort.get_invite_url())
    assert response.status_code == 302
    assert response["Location"] == reverse("my-learning")


def test_joining_asks_for_the_role_and_only_asks_to_join_the_organisation(
    client, cohort, make_user, organisation, team
):
    user = make_user("sam@example.nl", role="", organisation=None)
    client.force_login(user)
    html = client.get(cohort.get_invite_url()).content.decode()
    assert 'name="role"' in html and 'name="organisation_code"' in html
    assert 'name="organisation"' not in html and 'name="team"' not in html
    assert organisation.name not in html and team.name not in html
    assert client.post(cohort.get_invite_url(), {}).status_code == 200
    assert not cohort.participants.filter(pk=user.pk).exists()

    response = client.post(
        cohort.get_invite_url(),
        {"role": Role.VOLUNTEER, "organisation_code": organisation.join_code},
    )
    assert response.status_code == 302
    profile = Profile.objects.get(user=user)
    # Joining the group puts nobody in an organisation or team: its administrator decides.
    assert (profile.role, profile.organisation) == (Role.VOLUNTEER, None)
    assert not profile.teams.exists()
    assert MembershipRequest.objects.get(user=user).organisation == organisation
    assert cohort.participants.filter(pk=user.pk).exists()


def test_an_unknown_organisation_code_is_refused_with_a_dutch_message(client, cohort, make_user):
    user = make_user("sam@example.nl", role="", organisation=None)
    client.force_login(user)
    response = client.post(
        cohort.get_invite_url(), {"role": Role.VOLUNTEER, "organisation_code": "raden"}
    )
    assert response.status_code == 200
    assert "We kennen deze code niet" in response.content.decode()
    assert not cohort.participants.filter(pk=user.pk).exists()
    assert not MembershipRequest.objects.exists()


def test_signing_up_through_an_invitation_joins_the_group(client, cohort, organisation, team):
    invite = cohort.get_invite_url()
    client.get(invite)
    signup = f"{reverse('account_signup')}?next={invite}"
    page = client.get(signup).content.decode()
    for field in ("display_name", "role", "organisation_code"):
        assert f'name="{field}"' in page
    assert 'name="organisation"' not in page and 'name="team"' not in page
    assert organisation.name not in page and team.name not in page
    response = client.post(
        signup,
        {
            "email": "fatima@example.nl",
            "password1": "Een-sterk-wachtwoord-2026",
            "password2": "Een-sterk-wachtwoord-2026",
            "display_name": "Fatima Amrani",
            "role": Role.VOLUNTEER,
            "organisation_code": organisation.join_code,
            "next": invite,
        },
        follow=True,
    )
    user = get_user_model().objects.get(email="fatima@example.nl")
    assert cohort.participants.filter(pk=user.pk).exists()
    profile = user.profile
    assert (profile.display_name, profile.role, profile.organisation) == (
        "Fatima Amrani",
        Role.VOLUNTEER,
        None,
    )
    assert not profile.teams.exists()
    assert MembershipRequest.objects.get(user=user).status == MembershipRequest.Status.PENDING
    # The address must be confirmed first; the link in the mail then logs her in.
    assert response.redirect_chain[-1][0] == reverse("account_email_verification_sent")
    link = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[-1].body).group(1)
    response = client.post(link, follow=True)
    assert response.redirect_chain[-1][0] == reverse("my-learning")
    assert f'data-cohort="{cohort.pk}"' in response.content.decode()


def test_signing_up_without_an_invitation_joins_no_group(client, cohort, organisation):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "los@example.nl",
            "password1": "Een-sterk-wachtwoord-2026",
            "password2": "Een-sterk-wachtwoord-2026",
            "display_name": "Los",
            "role": Role.PROFESSIONAL,
            "organisation": organisation.pk,
        },
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(email="los@example.nl")
    assert user.profile.role == Role.PROFESSIONAL
    assert not user.cohorts.exists()


def test_sign_up_needs_a_role(client, db):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "half@example.nl",
            "password1": "Een-sterk-wachtwoord-2026",
            "password2": "Een-sterk-wachtwoord-2026",
            "display_name": "Half",
        },
    )
    assert response.status_code == 200
    assert not get_user_model().objects.filter(email="half@example.nl").exists()


def test_an_unknown_code_gives_a_clear_404(client, db):
    response = client.get(reverse("cohort-join", args=["bestaat-niet"]))
    assert response.status_code == 404
    html = response.content.decode()
    assert 'data-invite-problem="unknown"' in html


def test_a_renewed_code_no_longer_works(client, cohort, outsider):
    old = cohort.get_invite_url()
    cohort.renew_invite_code()
    client.force_login(outsider)
    assert client.get(old).status_code == 404
    assert client.post(old).status_code == 404
    assert not cohort.participants.filter(pk=outsider.pk).exists()


def test_an_expired_invitation_gives_410_and_joins_nobody(client, cohort, outsider):
    cohort.invite_expires_on = timezone.localdate() - datetime.timedelta(days=1)
    cohort.save()
    client.force_login(outsider)
    response = client.post(cohort.get_invite_url())
    assert response.status_code == 410
    assert 'data-invite-problem="expired"' in response.content.decode()
    assert not cohort.participants.filter(pk=outsider.pk).exists()


def test_an_invitation_that_expired_after_the_visit_does_not_join_at_sign_up(
    client, cohort, organisation
):
    client.get(cohort.get_invite_url())
    cohort.invite_expires_on = timezone.localdate() - datetime.timedelta(days=1)
    cohort.save()
    client.post(
        reverse("account_signup"),
        {
            "email": "laat@example.nl",
            "password1": "Een-sterk-wachtwoord-2026",
            "password2": "Een-sterk-wachtwoord-2026",
            "display_name": "Laat",
            "role": Role.PROFESSIONAL,
            "organisation": organisation.pk,
        },
    )
    user = get_user_model().objects.get(email="laat@example.nl")
    assert not cohort.participants.filter(pk=user.pk).exists()
