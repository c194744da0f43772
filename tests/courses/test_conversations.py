"""A course shows its conversations with the ones written for the learner's role first."""

from bs4 import BeautifulSoup

from courses.conversations import for_role_first
from courses.models import Cohort
from tests.builders import publish, scenario_document


def test_own_role_first_then_every_role_then_the_rest_in_course_order():
    items = [("a", "professional"), ("b", "any"), ("c", "volunteer"), ("d", ""), ("e", "volunteer")]
    ordered = for_role_first(items, "volunteer", lambda item: item[1])
    assert [key for key, _ in ordered] == ["c", "e", "b", "d", "a"]


def test_without_a_role_the_course_order_stays_with_every_role_first():
    items = [("a", "professional"), ("b", "any")]
    assert [key for key, _ in for_role_first(items, "", lambda item: item[1])] == ["b", "a"]


def _course_with_three_conversations(library, make_course):
    pages = [
        publish(library, {**scenario_document(), "slug": slug, "title": title, "role": role})
        for slug, title, role in (
            ("voor-pro", "Voor professionals", "professional"),
            ("voor-iedereen", "Voor iedereen", "any"),
            ("voor-vrijwilligers", "Voor vrijwilligers", "volunteer"),
        )
    ]
    lessons = [[("scenario", {"scenario": page.pk, "introduction": ""})] for page in pages]
    return make_course("Rollen", lessons=lessons)


def _conversations(client, course):
    html = BeautifulSoup(client.get(course.url).content, "html.parser")
    return [
        (item.a.get_text(strip=True), item["data-for-you"], item.span.get_text(" ", strip=True))
        for item in html.select("[data-conversation]")
    ]


def test_a_volunteer_sees_the_volunteers_conversation_first(
    client, library, make_course, volunteer, learner
):
    course = _course_with_three_conversations(library, make_course)
    Cohort.objects.create(name="Groep", course=course).participants.add(volunteer, learner)

    client.force_login(volunteer)
    rows = _conversations(client, course)
    assert [title for title, *_ in rows] == [
        "Voor vrijwilligers",
        "Voor iedereen",
        "Voor professionals",
    ]
    assert rows[0][1] == "true" and rows[0][2].startswith("Geschreven voor jouw rol · les 3")
    assert rows[1][2].startswith("Voor elke rol")
    assert rows[2][2].startswith("Geschreven voor: professional")

    client.force_login(learner)  # a professional
    assert [title for title, *_ in _conversations(client, course)][0] == "Voor professionals"


def test_the_lesson_says_for_whom_its_conversation_was_written(
    client, library, make_course, volunteer
):
    course = _course_with_three_conversations(library, make_course)
    Cohort.objects.create(name="Groep", course=course).participants.add(volunteer)
    client.force_login(volunteer)
    lesson = course.get_children().live().order_by("path").last()
    html = BeautifulSoup(client.get(lesson.url).content, "html.parser")
    assert html.select_one("[data-written-for]").get_text(strip=True) == (
        "Geschreven voor: vrijwilliger"
    )


def test_mijn_leren_suggests_the_first_open_conversation_for_the_role(
    client, library, make_course, volunteer
):
    from django.urls import reverse

    from tests.builders import choose, start

    course = _course_with_three_conversations(library, make_course)
    Cohort.objects.create(name="Groep", course=course).participants.add(volunteer)
    client.force_login(volunteer)

    def suggestion():
        html = BeautifulSoup(client.get(reverse("my-learning")).content, "html.parser")
        found = html.select_one("[data-suggested]")
        return found.a.get_text(strip=True) if found else None

    assert suggestion() == "Voor vrijwilligers"
    volunteers = course.get_children().live().order_by("path").last().specific
    page = next(block.value["scenario"] for block in volunteers.body)
    choose(client, start(client, page), "regel-het")  # finished: the next one is suggested
    assert suggestion() == "Voor iedereen"
