"""A lesson whose scenarios a learner all finished now has its LessonProgress row.

Until now the learner's own pages counted such a lesson as done while the trainer's and the
manager's pages counted only the rows; from now on the row is written when the last scenario
is finished (courses.completion), and this migration writes it for what was finished before.
"""

import json

from django.db import migrations


def scenario_ids(body) -> set[int]:
    raw = body.raw_data if hasattr(body, "raw_data") else json.loads(body or "[]")
    ids = set()
    for block in raw:
        if block.get("type") == "scenario":
            scenario = (block.get("value") or {}).get("scenario")
            if scenario:
                ids.add(int(scenario))
    return ids


def mark_lessons_done(apps, schema_editor):
    LessonPage = apps.get_model("courses", "LessonPage")
    LessonProgress = apps.get_model("courses", "LessonProgress")
    Attempt = apps.get_model("scenarios", "Attempt")
    for lesson in LessonPage.objects.filter(live=True).only("pk", "body"):
        wanted = scenario_ids(lesson.body)
        if not wanted:
            continue
        finished: dict[int, set[int]] = {}
        rows = Attempt.objects.filter(
            page_id__in=wanted, status="finished", user__isnull=False
        ).values_list("user_id", "page_id").distinct()
        for user_id, page_id in rows:
            finished.setdefault(user_id, set()).add(page_id)
        done = set(
            LessonProgress.objects.filter(lesson_id=lesson.pk).values_list("user_id", flat=True)
        )
        LessonProgress.objects.bulk_create(
            LessonProgress(user_id=user_id, lesson_id=lesson.pk)
            for user_id, pages in finished.items()
            if pages >= wanted and user_id not in done
        )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0003_principle_chooser_cache"),
        ("scenarios", "0004_scoring_version_2"),
    ]

    operations = [migrations.RunPython(mark_lessons_done, migrations.RunPython.noop)]
