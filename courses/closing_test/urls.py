"""The closing test of a lesson (afsluitende toets)."""

from django.urls import path

from . import views

urlpatterns = [
    path("les/<int:lesson_pk>/toets/", views.test_start, name="closing-test-start"),
    path("toets/<int:pk>/", views.test_attempt, name="closing-test-attempt"),
    path(
        "leergroep/<int:pk>/toets/<int:lesson_pk>/extra-poging/<int:user_pk>/",
        views.grant_extra_attempt,
        name="closing-test-grant",
    ),
]
