"""A fake of PE-online's attendance service, for development and the tests: never production.

It answers as PE-online documents (``schemas/response-example.xml``): each ``Attendance`` is
judged on its own; a rejected one gets an error number and a Dutch message that names its line
(line 1 is the ``Settings``), an accepted one is listed with person, course and date. The fake
register knows every well-formed number except those in ``UNKNOWN_PERSONS`` (the demo gives one
learner such a number, so a content lead sees a rejected row explained).

``make run`` serves it at ``/dev/pe-online/…/ProcessXML`` (only with DEBUG and
``PE_ONLINE_FAKE``, see settings/dev.py); the tests serve it on 127.0.0.1 (tests/accreditation/
fake_service.py), where it can also time out, answer garbage or an HTTP error.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET  # noqa: S405 — builds the answer only

from defusedxml import ElementTree
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseNotAllowed
from django.views.decorators.csrf import csrf_exempt

UNKNOWN_PERSONS = frozenset({"19087654321"})


def judge(sxml: str) -> bytes | None:
    """The summary PE-online would give for the ``Entry`` document ``sxml``; None when it is
    no ``Entry`` at all."""
    try:
        entry = ElementTree.fromstring(sxml.encode("utf-8"))
    except Exception:  # noqa: BLE001 — anything unreadable is refused alike
        return None
    if entry.tag != "Entry":
        return None
    summary = ET.Element("Summary")
    results = ET.SubElement(summary, "Results")
    errors, accepted = [], []
    rows = entry.findall("Attendance")
    for line, row in enumerate(rows, start=2):
        course = row.findtext("PECourseID") or row.findtext("externalCourseID") or ""
        person = (row.findtext("externalPersonID") or "").strip()
        end = (row.findtext("endDate") or "").strip()
        if not person.isdigit():
            errors.append(("101", f"Persoon {person} op regel {line} heeft geen geldig nummer"))
        elif person in UNKNOWN_PERSONS:
            errors.append(
                ("102", f"Persoon {person} op regel {line} is niet bekend in het register")
            )
        elif not course:
            errors.append(("100", f"Cursus op regel {line} is niet (juist) geaccrediteerd"))
        else:
            accepted.append((person, course, end))
    ET.SubElement(results, "rejected_rows").text = str(len(errors))
    ET.SubElement(results, "accepted_rows").text = str(len(accepted))
    ET.SubElement(results, "total_rows").text = str(len(rows))
    for number, message in errors:
        error = ET.SubElement(summary, "Error")
        ET.SubElement(error, "errorNR").text = number
        ET.SubElement(error, "errorMsg").text = message
    for person, course, end in accepted:
        item = ET.SubElement(summary, "Accepted")
        ET.SubElement(item, "person").text = person
        ET.SubElement(item, "course").text = course
        ET.SubElement(item, "date").text = end
    return ET.tostring(summary, encoding="utf-8", xml_declaration=True)


@csrf_exempt
def process_xml(request):
    """``POST sXML=…`` as to ``WriteAttendance.asmx/ProcessXML``."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    answer = judge(request.POST.get("sXML", ""))
    if answer is None:
        return HttpResponseBadRequest("sXML is geen Entry-document.", content_type="text/plain")
    return HttpResponse(answer, content_type="text/xml; charset=utf-8")
