"""The learning group page: members by role, the role-mix warning, the invitation link."""

from django.urls import reverse

from courses.models import Cohort
from people.models import Role


def test_the_group_page_is_for_its_participants_and_trainers(client, cohort, learner, trainer):
    for user in (learner, trainer):
        client.force_login(user)
        assert client.get(reverse("cohort-detail", args=[cohort.pk])).status_code == 200


def test_the_group_page_is_not_found_for_an_outsider(client, cohort, outsider, other_cohort):
    client.force_login(outsider)
    assert client.get(reverse("cohort-detail", args=[cohort.pk])).status_code == 404


def test_the_group_page_sends_a_visitor_to_log_in(client, cohort):
    response = client.get(reverse("cohort-detail", args=[cohort.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_group_page_counts_members_per_role(client, cohort, learner):
    client.force_login(learner)
    html = client.get(reverse("cohort-detail", args=[cohort.pk])).content.decode()
    assert 'data-role-mix="professional:1,volunteer:1,civil_servant:0"' in html
    assert "Alice" in html and "Vera" in html


def test_trainers_are_warned_when_a_role_is_missing(client, cohort, trainer):
    client.force_login(trainer)
    html = client.get(reverse("cohort-detail", args=[cohort.pk])).content.decode()
    assert 'data-missing-roles="civil_servant"' in html


def test_participants_do_not_see_the_role_warning_or_the_invitation(client, cohort, learner):
    client.force_login(learner)
    html = client.get(reverse("cohort-detail", args=[cohort.pk])).content.decode()
    assert "data-missing-roles" not in html
    assert cohort.invite_code not in html


def test_a_complete_mix_gives_no_warning(client, cohort, trainer, make_user, other_organisation):
    cohort.participants.add(
        make_user("mirjam@example.nl", role=Role.CIVIL_SERVANT, organisation=other_organisation)
    )
    client.force_login(trainer)
    html = client.get(reverse("cohort-detail", args=[cohort.pk])).content.decode()
    assert "data-missing-roles" not in html


def test_trainers_see_the_full_invitation_link(client, cohort, trainer):
    client.force_login(trainer)
    html = client.get(reverse("cohort-detail", args=[cohort.pk])).content.decode()
    assert f'data-invite-url="http://testserver{cohort.get_invite_url()}"' in html
    assert "readonly" in html


def test_a_trainer_renews_the_invitation_link(client, cohort, trainer):
    old = cohort.invite_code
    client.force_login(trainer)
    response = client.post(reverse("cohort-renew-invite", args=[cohort.pk]))
    assert response.status_code == 302
    cohort.refresh_from_db()
    assert cohort.invite_code != old


def test_participants_and_outsiders_cannot_renew_the_link(client, cohort, learner, outsider):
    old = cohort.invite_code
    for user in (learner, outsider):
        client.force_login(user)
        assert client.post(reverse("cohort-renew-invite", args=[cohort.pk])).status_code == 404
    cohort.refresh_from_db()
    assert cohort.invite_code == old


def test_trainers_manage_groups_in_the_admin(client, cohort, trainer, course):
    client.force_login(trainer)
    index = client.get(reverse("cohorts:index"), {"course": course.pk, "q": "Hatert"})
    assert index.status_code == 200
    assert cohort.name in index.content.decode()
    response = client.post(
        reverse("cohorts:add"),
        {
            "name": "Leergroep Dukenburg najaar",
            "course": course.pk,
            "trainers": [trainer.pk],
            "starts_on": "2026-09-01",
            "ends_on": "",
            "invite_expires_on": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    created = Cohort.objects.get(name="Leergroep Dukenburg najaar")
    assert list(created.trainers.all()) == [trainer]
    edit = client.get(reverse("cohorts:edit", args=[created.pk]))
    assert edit.status_code == 200


def test_learners_cannot_manage_groups_in_the_admin(client, learner):
    client.force_login(learner)
    assert client.get(reverse("cohorts:index")).status_code in (302, 403)


def test_one_membership_lookup_answers_for_trainers_participants_and_outsiders(
    cohort, learner, trainer, outsider, other_cohort
):
    from django.contrib.auth.models import AnonymousUser

    from courses.access import Membership, find_membership

    cohort.participants.add(trainer)  # a trainer who also takes part counts as trainer
    assert find_membership(trainer, cohort.pk) == Membership(
        cohort=cohort, user_id=trainer.pk, is_trainer=True, is_participant=True
    )
    mine = find_membership(learner, cohort.pk)
    assert (mine.cohort, mine.is_trainer, mine.is_participant) == (cohort, False, True)
    assert find_membership(outsider, cohort.pk) is None
    assert find_membership(AnonymousUser(), cohort.pk) is None
    assert find_membership(learner, other_cohort.pk) is None
