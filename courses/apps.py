from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from allauth.account.signals import user_signed_up

        from scenarios.access import register_attempt_viewer, register_play_check

        from . import access, flows, reflection_hooks  # noqa: F401 — registers the result panel

        register_play_check(access.may_play_scenario)
        register_attempt_viewer(access.trainer_sees_attempt)
        user_signed_up.connect(flows.join_after_signup, dispatch_uid="courses_join_after_signup")
