from django.urls import path

from . import views

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
        views.cohort_attendance,
        name="cohort-attendance",
    ),
]
