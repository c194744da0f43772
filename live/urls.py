from django.urls import path

from . import phone_views, record_views, views

urlpatterns = [
    path("leergroep/<int:pk>/live/", views.start, name="live-start"),
    path("live/<int:pk>/regie/", views.control, name="live-control"),
    path("live/<int:pk>/scherm/", views.projector, name="live-projector"),
    path("live/<int:pk>/stand/", views.state, name="live-state"),
    path("live/<int:pk>/", record_views.record, name="live-record"),
    path("live/<int:pk>/export.csv", record_views.export_csv, name="live-export"),
    path("live/<int:pk>/export.xlsx", record_views.export_xlsx, name="live-export-xlsx"),
    path("live/mijn-stemmen/", record_views.my_votes, name="live-my-votes"),
    path("doe-mee/", phone_views.enter, name="live-enter"),
    path("doe-mee/<str:code>/", phone_views.join, name="live-join"),
    path("doe-mee/<str:code>/stem/", phone_views.vote, name="live-vote"),
]
