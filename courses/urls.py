from django.urls import path

from . import debrief_views, views

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
    path(
        "leergroep/<int:pk>/nabespreking/",
        debrief_views.debrief_index,
        name="cohort-debrief-index",
    ),
    path(
        "leergroep/<int:pk>/nabespreking/<int:scenario_page_pk>/",
        debrief_views.debrief_detail,
        name="cohort-debrief",
    ),
]
