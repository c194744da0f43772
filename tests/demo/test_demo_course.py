"""The demo course and the lived-in town: what a newcomer sees after `make run`."""

from collections import Counter

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection

from courses.models import Cohort, CoursePage, LessonPage, Reflection, ReflectionReply
from demo.learners import HATERT_COHORT
from demo.library import SCENARIO_FILES
from people.models import Role
from scenarios import engine
from scenarios.graph import scenario_for_revision
from scenarios.models import Attempt, Principle

TABLES = [
    "auth_user",
    "account_emailaddress",
    "people_profile",
    "people_profile_teams",
    "wagtailcore_page",
    "wagtailcore_revision",
    "courses_cohort",
    "courses_cohort_participants",
    "courses_cohort_trainers",
    "courses_lessonprogress",
    "courses_reflection",
    "courses_reflectionreply",
    "scenarios_attempt",
    "scenarios_attemptchoice",
    "scenarios_principlescore",
]


def row_counts() -> dict[str, int]:
    counts = {}
    with connection.cursor() as cursor:
        for table in TABLES:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def check_the_course_has_six_lessons_with_a_callout_a_scenario_and_a_prompt_then_a_test():
    course = CoursePage.objects.get(slug="de-kanteling-in-de-praktijk")
    assert course.live and not course.open_to_all
    assert course.for_professionals and course.for_volunteers and course.for_civil_servants
    assert course.principles.count() >= 4
    *lessons, last = LessonPage.objects.child_of(course).live().order_by("path")
    assert len(lessons) >= 6
    assert [block.block_type for block in last.body] == ["text", "closing_test"]
    played = set()
    for lesson in lessons:
        kinds = Counter(block.block_type for block in lesson.body)
        assert 2 <= kinds["text"] <= 4, lesson.title
        assert 1 <= kinds["principle"] <= 3, lesson.title
        assert kinds["scenario"] == 1 and kinds["reflection"] == 1, lesson.title
        for block in lesson.body:
            if block.block_type == "principle":
                assert isinstance(block.value["principle"], Principle)
            if block.block_type == "scenario":
                assert block.value["scenario"].live
                played.add(block.value["scenario"].pk)
    assert len(played) == 5


def check_who_did_every_lesson_passed_the_test():
    """Lessons done in the demo follow the one rule: the test lesson only with a passed test."""
    from accreditation.certificates import is_completed
    from courses.models import ClosingTestAttempt, LessonProgress

    course = CoursePage.objects.get(slug="de-kanteling-in-de-praktijk")
    last = LessonPage.objects.child_of(course).live().order_by("path").last()
    done = set(LessonProgress.objects.filter(lesson=last).values_list("user", flat=True))
    passed = ClosingTestAttempt.objects.filter(lesson=last, passed=True)
    assert done and done == set(passed.values_list("user", flat=True))
    User = get_user_model()
    assert is_completed(User.objects.get(email="linda@demo.kantelwerk.nl"), course)
    for name in ("jeroen", "fatima"):  # they earn theirs in the demo: lesson 6, then the test
        assert not is_completed(User.objects.get(email=f"{name}@demo.kantelwerk.nl"), course)


def check_the_group_is_mixed_and_large_enough():
    cohort = Cohort.objects.get(name=HATERT_COHORT)
    assert cohort.trainers.filter(email="karin@demo.kantelwerk.nl").exists()
    assert cohort.starts_on < cohort.created_at.date() < cohort.ends_on
    participants = cohort.participants.select_related("profile")
    assert participants.count() >= 15
    roles = Counter(user.profile.role for user in participants)
    assert set(roles) == {Role.PROFESSIONAL, Role.VOLUNTEER, Role.CIVIL_SERVANT}
    emails = set(participants.values_list("email", flat=True))
    assert {"jeroen", "fatima", "mirjam"} <= {email.split("@")[0] for email in emails}
    other = Cohort.objects.exclude(pk=cohort.pk).get()
    assert not set(other.participants.values_list("email", flat=True)) & emails


def check_each_team_of_the_manager_has_five_members_who_played():
    ahmed = get_user_model().objects.get(email="ahmed@demo.kantelwerk.nl")
    teams = ahmed.profile.managed_teams.all()
    assert teams.count() == 2
    for team in teams:
        players = Attempt.objects.filter(
            user__profile__teams=team, status=Attempt.Status.FINISHED
        ).values("user")
        assert players.distinct().count() >= 5, team.name


def check_later_attempts_score_better_than_first_ones():
    firsts, lasts = {}, {}
    for attempt in Attempt.objects.filter(status=Attempt.Status.FINISHED).order_by("started_at"):
        key = (attempt.user_id, attempt.page_id)
        firsts.setdefault(key, attempt)
        lasts[key] = attempt
    grown = [key for key in firsts if lasts[key].pk != firsts[key].pk]
    assert len(grown) >= 8
    assert all(lasts[key].overall > firsts[key].overall for key in grown)
    jeroen = [key for key in grown if lasts[key].user.email == "jeroen@demo.kantelwerk.nl"]
    assert jeroen


def check_attempts_are_what_playing_would_store():
    for attempt in Attempt.objects.filter(status=Attempt.Status.FINISHED)[:20]:
        scenario = scenario_for_revision(attempt.revision)
        path = list(attempt.choices.order_by("step").values_list("node_key", "choice_key"))
        assert engine.walk(scenario, path).end
        result = engine.score_path(scenario, path)
        assert attempt.overall == result.overall
        stored = dict(attempt.principle_scores.values_list("principle", "score"))
        assert stored == {k: v for k, v in result.scores.items() if v is not None}
        assert attempt.started_at < attempt.finished_at


def check_volunteers_ask_about_the_network_more_often_than_professionals():
    """What Jeroen sees in the debrief: the group's latest attempts on Mark, step 'motief'."""
    cohort = Cohort.objects.get(name=HATERT_COHORT)
    latest = {}
    for attempt in Attempt.objects.filter(
        page__slug="dagbesteding-mark",
        status=Attempt.Status.FINISHED,
        user__in=cohort.participants.all(),
    ).order_by("started_at"):
        latest[attempt.user_id] = attempt
    network, reached = Counter(), Counter()
    for attempt in latest.values():
        scenario = scenario_for_revision(attempt.revision)
        for row in attempt.choices.filter(node_key="motief"):
            choice = scenario.node(row.node_key).choice(row.choice_key)
            reached[attempt.role] += 1
            network[attempt.role] += choice.scores.get("sociaal-netwerk", 0) > 0
    assert network[Role.VOLUNTEER] >= 3  # enough to be shown, not hidden for privacy
    share = {role: network[role] / reached[role] for role in reached}
    assert share[Role.VOLUNTEER] > share[Role.PROFESSIONAL] + 0.25


def check_shared_reflections_have_replies_from_others_and_the_trainer():
    shared = Reflection.objects.filter(
        cohort__name=HATERT_COHORT, visibility=Reflection.Visibility.COHORT
    )
    assert shared.values("author").distinct().count() >= 5
    replies = ReflectionReply.objects.filter(reflection__in=shared)
    assert replies.filter(author__email="karin@demo.kantelwerk.nl").exists()
    fatima = shared.get(author__email="fatima@demo.kantelwerk.nl")
    assert fatima.replies.filter(author__profile__role=Role.PROFESSIONAL).exclude(
        author__email="karin@demo.kantelwerk.nl"
    )
    assert shared.filter(replies__isnull=True).exists()  # some wait for an answer
    for reply in replies:
        assert reply.author_id != reply.reflection.author_id
        assert reply.created_at > reply.reflection.created_at


def test_the_demo_town_is_lived_in_and_loads_once(db):
    """Load once and check what each page needs; loading costs seconds, so it happens once."""
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    check_the_course_has_six_lessons_with_a_callout_a_scenario_and_a_prompt_then_a_test()
    check_who_did_every_lesson_passed_the_test()
    check_the_group_is_mixed_and_large_enough()
    check_each_team_of_the_manager_has_five_members_who_played()
    check_later_attempts_score_better_than_first_ones()
    check_attempts_are_what_playing_would_store()
    check_volunteers_ask_about_the_network_more_often_than_professionals()
    check_shared_reflections_have_replies_from_others_and_the_trainer()
    before = row_counts()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert row_counts() == before


def test_every_shipped_scenario_passes_with_the_platform_principles(db):
    known = set(Principle.objects.values_list("slug", flat=True))
    files = sorted(SCENARIO_FILES.glob("*.json"))
    assert len(files) == 5
    for path in files:
        scenario, problems = engine.load_json(path.read_bytes(), known)
        assert problems == [], path.name
        assert scenario is not None


def test_the_trainer_overview_counts_the_groups_demo_activity(db):
    """Members joined when the group started, so what they played since counts for the group."""
    from courses.models import Cohort
    from dashboards.trainer import cohort_overview

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    hatert = Cohort.objects.get(name="Leergroep Hatert voorjaar")
    overview = cohort_overview(hatert)
    assert sum(sum(member.scenarios) for member in overview.members) > len(overview.members)
