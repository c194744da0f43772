"""Find a lesson by its URL in two queries, instead of one or two per level of the page tree.

Wagtail's ``route`` walks the tree: a child lookup at each level and a ``.specific`` for each
page it passes. A lesson's URL is its ``url_path`` below the site's root, so the lessons of its
course can be fetched at once by that path, with the visitor's done marks (the lesson page
shows "lesson 2 of 6" and links the next one, so it needs them anyway); the lessons of that
list carry only what the list shows, and the lesson itself is fetched whole in a second query.

Nothing about access changes: the lesson goes back to Wagtail's serve (view restrictions and
serve hooks run as before), and ``LessonPage.serve`` answers 404 unless the course and every
page above it are published and the visitor may see the course
(``courses.access.get_course_for_lesson``). A path that is not a live lesson falls back to
Wagtail's own route.
"""

from __future__ import annotations

from wagtail.url_routing import RouteResult


def lesson_route(page, request, path_components: list[str]) -> RouteResult | None:
    """The lesson at ``path_components`` below ``page`` (its last part the lesson's slug), or
    None when there is no live lesson there."""
    from .progress import live_lesson, live_lessons_at

    if len(path_components) < 2 or not request.user.is_authenticated:
        return None  # an anonymous visitor is sent to log in by Wagtail's own route
    course_url = page.url_path + "".join(f"{part}/" for part in path_components[:-1])
    depth = page.depth + len(path_components)
    lessons = live_lessons_at(course_url=course_url, depth=depth, user_id=request.user.pk)
    listed = next((each for each in lessons if each.slug == path_components[-1]), None)
    if listed is None:
        return None
    shown = live_lesson(pk=listed.pk)
    if not shown:  # unpublished between the two queries
        return None
    lesson = shown[0]
    lesson.marked_done = listed.marked_done
    lesson.course_lessons = [lesson if each.pk == lesson.pk else each for each in lessons]
    return lesson.route(request, [])
