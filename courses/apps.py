from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from allauth.account.signals import user_signed_up
        from django.db.models.signals import post_save

        from scenarios.models import ScenarioIndexPage

        from . import joining
        from .models import CourseIndexPage

        user_signed_up.connect(joining.join_after_signup, dispatch_uid="courses_join_after_signup")
        for section in (CourseIndexPage, ScenarioIndexPage):
            post_save.connect(open_new_section, sender=section, dispatch_uid=section.__name__)


def open_new_section(sender, instance, created, raw=False, **kwargs):
    """A new course overview or scenario library gets the staff's rights and the review."""
    from people.roles import open_section

    if created and not raw:
        open_section(instance)
