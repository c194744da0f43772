"""Development only (settings/dev.py): the fake PE-online service, served by the dev server."""

from django.urls import path

from .fake_pe_online import process_xml

urlpatterns = [
    path(
        "pe-services/pe-attendanceelearning/WriteAttendance.asmx/ProcessXML",
        process_xml,
        name="fake-pe-online",
    ),
]
