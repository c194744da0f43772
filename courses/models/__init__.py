from .cohorts import Cohort, Participation
from .pages import CourseIndexPage, CoursePage, LessonPage
from .progress import LessonProgress
from .reflections import Reflection, ReflectionReply

__all__ = [
    "Cohort",
    "CourseIndexPage",
    "CoursePage",
    "LessonPage",
    "LessonProgress",
    "Participation",
    "Reflection",
    "ReflectionReply",
]
