from django.urls import path

from . import views

urlpatterns = [
    path("mijn-leren/", views.my_learning, name="my-learning"),
    path("les/<int:pk>/klaar/", views.lesson_done, name="lesson-done"),
    path("leergroep/<int:pk>/", views.cohort_detail, name="cohort-detail"),
    path(
        "leergroep/<int:pk>/nieuwe-link/",
        views.cohort_renew_invite,
        name="cohort-renew-invite",
    ),
    path("uitnodiging/<str:code>/", views.join, name="cohort-join"),
]
