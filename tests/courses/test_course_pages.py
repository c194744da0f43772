"""Course summary is public; lessons are for the course's learning groups (or open courses)."""

import json

import pytest
from django.urls import reverse
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from scenarios.models import Principle
from tests.builders import lessons_of


def test_the_course_summary_is_public_but_its_lessons_are_not(client, cohort):
    response = client.get(cohort.course.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert cohort.course.summary in html
    assert 'data-join="login"' in html
    assert f"{reverse('account_login')}?next={cohort.course.url}" in html
    assert "data-lesson=" not in html
    for lesson in lessons_of(cohort.course):
        assert lesson.url not in html


def test_an_outsider_sees_the_summary_and_is_told_to_ask_for_an_invitation(
    client, cohort, outsider
):
    client.force_login(outsider)
    html = client.get(cohort.course.url).content.decode()
    assert 'data-join="ask-trainer"' in html
    assert "data-lesson=" not in html


def test_a_participant_sees_the_lessons_and_progress(client, cohort, learner):
    client.force_login(learner)
    html = client.get(cohort.course.url).content.decode()
    lessons = lessons_of(cohort.course)
    for lesson in lessons:
        assert f'data-lesson="{lesson.pk}"' in html
    assert 'data-progress="0"' in html
    assert f'data-next-lesson="{lessons[0].pk}"' in html
    assert cohort.get_absolute_url() in html


def test_a_trainer_of_the_group_sees_the_lessons(client, cohort, trainer):
    client.force_login(trainer)
    html = client.get(cohort.course.url).content.decode()
    assert "data-lesson=" in html


def test_the_summary_shows_principles_roles_and_study_time(client, course):
    course.principles.add(Principle.objects.get(slug="eigen-kracht"))
    course.for_civil_servants = False
    course.study_hours = 3
    course.save_revision().publish()
    html = client.get(course.url).content.decode()
    assert 'data-principle="eigen-kracht"' in html
    assert "gemeenteambtenaar" not in html
    assert "3" in html


def test_a_lesson_sends_a_visitor_to_the_login_page(client, cohort):
    lesson = lessons_of(cohort.course)[0]
    response = client.get(lesson.url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_lesson_is_not_found_for_an_outsider(client, cohort, outsider, other_cohort):
    client.force_login(outsider)
    assert client.get(lessons_of(cohort.course)[0].url).status_code == 404


def test_a_lesson_is_shown_to_participants_and_trainers(client, cohort, learner, trainer):
    lesson = lessons_of(cohort.course)[0]
    for user in (learner, trainer):
        client.force_login(user)
        response = client.get(lesson.url)
        assert response.status_code == 200
        assert "Eerst de relatie." in response.content.decode()


def test_an_open_course_shows_its_lessons_to_every_logged_in_user(client, make_course, outsider):
    course = make_course("Open cursus", open_to_all=True)
    client.force_login(outsider)
    assert "data-lesson=" in client.get(course.url).content.decode()
    assert client.get(lessons_of(course)[0].url).status_code == 200
    client.logout()
    assert "data-lesson=" not in client.get(course.url).content.decode()


def test_the_course_index_lists_its_courses(client, course):
    html = client.get(course.get_parent().url).content.decode()
    assert course.url in html


def test_every_lesson_block_renders(client, make_course, make_user, organisation):
    url = "https://www.youtube.com/watch?v=kantelwerk"
    Embed.objects.create(
        url=url,
        hash=get_embed_hash(url),
        type="video",
        html='<iframe title="Video" src="https://www.youtube-nocookie.com/embed/x"></iframe>',
        title="Het keukentafelgesprek",
    )
    principle = Principle.objects.get(slug="eigen-kracht")
    course = make_course(
        "Alle blokken",
        open_to_all=True,
        lessons=[
            [
                ("text", "<p>Tekst in de les.</p>"),
                ("quote", {"quote": "Eerst de relatie.", "attribution": "Een wijkcoach"}),
                ("principle", {"principle": principle.pk, "note": "Kijk wat iemand zelf kan."}),
                ("video", url),
                ("reflection", {"prompt": "Wat neem je mee?"}),
            ]
        ],
    )
    client.force_login(make_user("eva@example.nl", organisation=organisation))
    response = client.get(lessons_of(course)[0].url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tekst in de les." in html
    assert "Een wijkcoach" in html
    assert 'data-principle="eigen-kracht"' in html
    assert principle.description[:40] in html
    assert "Kijk wat iemand zelf kan." in html
    assert "youtube-nocookie.com/embed/x" in html


def test_an_image_block_shows_its_text_alternative_and_caption(
    client, make_course, learner, settings, tmp_path
):
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    image = Image.objects.create(title="Keukentafel", file=ImageFile(buffer, name="tafel.png"))
    course = make_course(
        "Met beeld",
        open_to_all=True,
        lessons=[
            [("image", {"image": image.pk, "alt": "Twee mensen aan tafel", "caption": "Thuis"})]
        ],
    )
    client.force_login(learner)
    html = client.get(lessons_of(course)[0].url).content.decode()
    assert 'alt="Twee mensen aan tafel"' in html
    assert "<figcaption>Thuis</figcaption>" in html


def test_a_lesson_shows_a_principle_as_the_trainer_last_saved_it(
    client, make_course, learner, django_capture_on_commit_callbacks
):
    """Principles are cached for lesson pages; saving one must not leave the old text up."""
    principle = Principle.objects.get(slug="presentie")
    course = make_course(
        "Principes",
        open_to_all=True,
        lessons=[[("principle", {"principle": principle.pk, "note": ""})]],
    )
    client.force_login(learner)
    url = lessons_of(course)[0].url
    assert principle.name in client.get(url).content.decode()

    principle.name = "Presentie (aangescherpt)"
    with django_capture_on_commit_callbacks(execute=True):  # the cache is cleared on commit
        principle.save()
    assert "Presentie (aangescherpt)" in client.get(url).content.decode()


def test_a_lesson_says_when_its_scenario_is_not_published(client, make_course, library, learner):
    from tests.builders import publish, scenario_document

    page = publish(library, scenario_document())
    course = make_course(
        "Offline", open_to_all=True, lessons=[[("scenario", {"scenario": page.pk})]]
    )
    page.unpublish()
    client.force_login(learner)
    html = client.get(lessons_of(course)[0].url).content.decode()
    assert f'data-scenario="{page.pk}"' in html
    assert "nog niet beschikbaar" in html
    assert reverse("scenario-start", args=[page.pk]) not in html


@pytest.mark.parametrize("kind", ["new lesson", "draft of a live lesson"])
def test_the_preview_shows_a_scenario_the_draft_adds(rf, make_course, library, trainer, kind):
    """The preview renders the draft's own scenario blocks, not only the live lessons' ones."""
    from courses.models import LessonPage
    from tests.builders import publish, scenario_document

    page = publish(library, scenario_document())
    course = make_course("Voorvertoning", lessons=[[("text", "<p>Eerst de relatie.</p>")]] * 2)
    scenario_block = {"type": "scenario", "value": {"scenario": page.pk, "introduction": ""}}
    if kind == "new lesson":
        draft = LessonPage(
            title="Nieuwe les", slug="nieuwe-les", body=json.dumps([scenario_block]), live=False
        )
        course.add_child(instance=draft)
        draft.save_revision()
    else:
        draft = lessons_of(course)[0]
        draft.body = json.dumps([scenario_block])
        draft.save_revision()
    request = rf.get("/")
    request.user = trainer
    preview = draft.get_latest_revision_as_object().make_preview_request(request)
    assert preview.status_code == 200
    assert f'data-scenario="{page.pk}"' in preview.content.decode()
