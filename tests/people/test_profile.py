from django.urls import reverse

from people.models import Profile
from tests.dashboards.conftest import play

URL = reverse("profile-settings")


def test_a_learner_shares_her_scores_from_her_profile(client, learner, manager, published_scenario):
    attempt = play(learner, published_scenario)
    client.force_login(learner)
    page = client.get(URL)
    assert page.status_code == 200
    assert page.context["form"].initial["share_scores_with_manager"] is False
    response = client.post(
        URL,
        {
            "display_name": "Alice B.",
            "discipline": "wijkverpleegkundige",
            "share_scores_with_manager": "on",
        },
    )
    assert response.status_code == 302
    profile = Profile.objects.get(user=learner)
    assert profile.share_scores_with_manager
    assert profile.display_name == "Alice B."

    client.force_login(manager)
    rows = client.get(reverse("team-overview")).context["rows"]
    assert [r.latest_overall for r in rows if r.user_id == learner.pk] == [attempt.overall]

    client.force_login(learner)
    client.post(URL, {"display_name": "Alice B.", "discipline": ""})
    assert not Profile.objects.get(user=learner).share_scores_with_manager
    client.force_login(manager)
    rows = client.get(reverse("team-overview")).context["rows"]
    assert [r.latest_overall for r in rows if r.user_id == learner.pk] == [None]


def test_sharing_is_off_by_default(learner):
    assert Profile.objects.get(user=learner).share_scores_with_manager is False


def test_a_learner_cannot_change_someone_elses_profile(client, learner, volunteer):
    client.force_login(learner)
    client.post(URL, {"display_name": "Gekaapt", "share_scores_with_manager": "on"})
    assert Profile.objects.get(user=volunteer).display_name == "Vera"


def test_anonymous_visitors_log_in_first(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
