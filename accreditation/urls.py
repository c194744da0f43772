from django.urls import path

from . import meeting_views, views

urlpatterns = [
    path("account/mijn-registraties/", views.my_registrations, name="my-registrations"),
    path(
        "certificaat/aanvragen/<int:course_pk>/",
        views.certificate_claim,
        name="certificate-claim",
    ),
    path("certificaten/", views.certificate_overview, name="certificate-overview"),
    path("certificaat/<int:pk>/pdf/", views.certificate_pdf, name="certificate-pdf"),
    path(
        "certificaat/<int:pk>/intrekken/",
        views.certificate_revoke,
        name="certificate-revoke",
    ),
    path("certificaat/controle/", views.certificate_check, name="certificate-check"),
    path(
        "certificaat/controle/<str:code>/",
        views.certificate_verify,
        name="certificate-verify",
    ),
    path(
        "leergroep/<int:pk>/certificaten/",
        views.cohort_certificates,
        name="cohort-certificates",
    ),
    path(
        "leergroep/<int:pk>/presentielijst.csv",
        meeting_views.cohort_attendance_export,
        {"fmt": "csv"},
        name="cohort-attendance",
    ),
    path(
        "leergroep/<int:pk>/presentielijst.xlsx",
        meeting_views.cohort_attendance_export,
        {"fmt": "xlsx"},
        name="cohort-attendance-xlsx",
    ),
    path(
        "leergroep/<int:pk>/bijeenkomsten/",
        meeting_views.cohort_meetings,
        name="cohort-meetings",
    ),
    path(
        "bijeenkomst/<int:pk>/aanwezigheid/",
        meeting_views.meeting_attendance,
        name="meeting-attendance",
    ),
    path(
        "bijeenkomst/<int:pk>/verwijderen/",
        meeting_views.meeting_delete,
        name="meeting-delete",
    ),
    path("team/afgeronde-cursussen/", views.team_completions, name="team-completions"),
]
