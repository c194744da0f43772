from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from allauth.account.signals import user_signed_up

        from . import flows

        user_signed_up.connect(flows.join_after_signup, dispatch_uid="courses_join_after_signup")
