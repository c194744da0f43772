"""Mijn leren: the learner's groups and courses, scenarios played and principle profile."""

from django.urls import reverse

from scenarios.models import Attempt, PrincipleScore
from tests.builders import choose, publish, scenario_document, start
from tests.conftest import PASSWORD
from tests.courses.conftest import lessons_of


def test_my_learning_sends_a_visitor_to_log_in(client, db):
    response = client.get(reverse("my-learning"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_logging_in_lands_on_my_learning(client, learner):
    response = client.post(
        reverse("account_login"), {"login": "alice@example.nl", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("my-learning")


def test_the_home_page_links_to_my_learning_when_logged_in(client, learner):
    client.force_login(learner)
    assert f'href="{reverse("my-learning")}"' in client.get("/").content.decode()


def test_my_learning_shows_the_group_course_progress_and_next_lesson(client, cohort, learner):
    first, second = lessons_of(cohort.course)
    client.force_login(learner)
    html = client.get(reverse("my-learning")).content.decode()
    assert f'data-cohort="{cohort.pk}"' in html
    assert 'data-progress="0"' in html
    assert f'data-next-lesson="{first.pk}"' in html
    client.post(reverse("lesson-done", args=[first.pk]))
    html = client.get(reverse("my-learning")).content.decode()
    assert 'data-progress="50"' in html
    assert f'data-next-lesson="{second.pk}"' in html


def test_my_learning_shows_nothing_of_other_groups(client, cohort, outsider, other_cohort):
    client.force_login(outsider)
    html = client.get(reverse("my-learning")).content.decode()
    assert f'data-cohort="{other_cohort.pk}"' in html
    assert f'data-cohort="{cohort.pk}"' not in html
    assert cohort.name not in html


def test_trainers_see_the_groups_they_train(client, cohort, trainer):
    client.force_login(trainer)
    html = client.get(reverse("my-learning")).content.decode()
    assert f'data-cohort="{cohort.pk}"' in html
    assert cohort.get_absolute_url() in html


def test_finished_scenarios_show_their_latest_overall_score(client, library, learner):
    page = publish(library, scenario_document())
    client.force_login(learner)
    first = start(client, page)
    choose(client, first, "regel-het")
    second = start(client, page)
    choose(client, second, "vraag-door")
    choose(client, Attempt.objects.get(pk=second.pk), "netwerk")
    second.refresh_from_db()
    html = client.get(reverse("my-learning")).content.decode()
    assert f'data-scenario="{page.pk}" data-overall="{second.overall}"' in html
    assert reverse("attempt-result", args=[second.pk]) in html


def test_the_principle_profile_is_the_mean_over_finished_attempts(client, library, learner):
    page = publish(library, scenario_document())
    client.force_login(learner)
    for choice in ("regel-het", "regel-het"):
        choose(client, start(client, page), choice)
    attempts = list(Attempt.objects.filter(user=learner))
    PrincipleScore.objects.filter(attempt__in=attempts).delete()
    PrincipleScore.objects.create(attempt=attempts[0], principle="eigen-kracht", score=40)
    PrincipleScore.objects.create(attempt=attempts[1], principle="eigen-kracht", score=81)
    PrincipleScore.objects.create(attempt=attempts[1], principle="presentie", score=70)
    running = start(client, page)
    PrincipleScore.objects.create(attempt=running, principle="presentie", score=0)
    html = client.get(reverse("my-learning")).content.decode()
    # (40 + 81) / 2 = 60.5, rounded half away from zero like every score; presentie was
    # practised in one finished attempt only, so the other is not counted as a 0.
    assert 'data-principle="eigen-kracht" data-score="61"' in html
    assert 'data-principle="presentie" data-score="70" data-band="deels' not in html
    assert 'data-principle="presentie" data-score="70" data-band="partly_desired"' in html
    assert '<svg xmlns="http://www.w3.org/2000/svg" viewBox=' in html  # the radar chart


def test_a_learner_without_groups_is_told_how_to_join(client, learner):
    client.force_login(learner)
    html = client.get(reverse("my-learning")).content.decode()
    assert "data-cohort=" not in html
    assert '<svg xmlns="http://www.w3.org/2000/svg" viewBox=' not in html  # no chart
