"""Page objects with their child relations known per class (home/page_instances.py): a page
made with its principles in hand, as Wagtail makes it from a revision, still has them."""

import modelcluster.models as cluster

from courses.models import CoursePage
from scenarios.models import Principle


def test_a_course_made_with_principles_in_hand_keeps_them(db):
    chosen = list(Principle.objects.order_by("pk")[:2])
    for _ in range(2):  # the second time from the kept relations
        course = CoursePage(title="Cursus", slug="cursus", principles=chosen)
        assert [p.pk for p in course.principles.all()] == [p.pk for p in chosen]


def test_a_models_child_relations_are_worked_out_once(db):
    first = cluster.get_all_child_m2m_relations(CoursePage(title="a"))
    again = cluster.get_all_child_m2m_relations(CoursePage)
    assert first is again
    assert [field.name for field in first] == ["principles"]
