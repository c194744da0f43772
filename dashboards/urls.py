from django.urls import path, re_path

from . import views

urlpatterns = [
    path("team/", views.team_overview, name="team-overview"),
    re_path(
        r"^team/export\.(?P<fmt>csv|xlsx)$",
        views.team_overview_export,
        name="team-overview-export",
    ),
    path("team/groei/", views.team_growth_view, name="team-growth"),
    re_path(
        r"^team/groei/export\.(?P<fmt>csv|xlsx)$",
        views.team_growth_export,
        name="team-growth-export",
    ),
    path("trainer/overzicht/", views.trainer_overview, name="trainer-overview"),
    path("trainer/overzicht/<int:pk>/", views.trainer_cohort, name="trainer-cohort"),
]
