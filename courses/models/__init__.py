from ..closing_test.models import ClosingTestAttempt, ExtraTestAttempt  # app label: courses
from ..reflections.models import Reflection, ReflectionReply  # app label: courses
from .cohorts import Cohort, Participation
from .pages import CourseIndexPage, CoursePage, LessonPage
from .progress import LessonProgress

__all__ = [
    "Cohort",
    "CourseIndexPage",
    "ExtraTestAttempt",
    "CoursePage",
    "LessonPage",
    "LessonProgress",
    "Participation",
    "Reflection",
    "ReflectionReply",
    "ClosingTestAttempt",
]
