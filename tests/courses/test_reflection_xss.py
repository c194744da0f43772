"""Known XSS payloads through every field a learner writes (reflection body, reply body).

Every page that shows those fields is rendered twice: once with the payloads and once with
the same texts replaced by a harmless word. The two must have the same elements apart from
``p``, ``br`` and ``a``, no event-handler attributes, no script URLs; and inside the learner's
text only ``p``, ``br`` and ``a href rel`` (http/https, nofollow noopener) may appear.
"""

import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from django.urls import NoReverseMatch, reverse
from hypothesis import given, settings
from hypothesis import strategies as st
from wagtail.admin.viewsets import viewsets

from courses.models import Reflection, ReflectionReply
from courses.rendering import render_reflection
from tests.builders import play_through
from tests.courses import reflection_fixtures as shared

scenario = shared.scenario
course = shared.course
lesson = shared.lesson
cohort = shared.cohort

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>",
    "<ScRiPt>alert(1)</sCrIpT>",
    '"><script>alert(1)</script>',
    "'><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "</p><script>alert(1)</script><p>",
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<img src=javascript:alert(&quot;XSS&quot;)>",
    '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<svg onload=alert(1)>",
    "<svg/onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<style>body{background:url("javascript:alert(1)")}</style>',
    '<div style="background-image:url(javascript:alert(1))">x</div>',
    '<a href="javascript:alert(1)">klik</a>',
    '<a href="JaVaScRiPt:alert(1)">klik</a>',
    '<a href="  javascript:alert(1)">klik</a>',
    '<a href="jav&#x09;ascript:alert(1)">klik</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "JaVaScRiPt:alert(document.cookie)",
    "vbscript:msgbox(1)",
    "<body onload=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    '<video><source onerror="alert(1)"></video>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    "<button formaction=javascript:alert(1)>x</button>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<link rel=stylesheet href="javascript:alert(1)">',
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<<script>alert(1);//<</script>",
    "<script>alert(1)",
    '<img src="x" onerror="alert(1)"',
    '<a href="http://example.com" onclick="alert(1)">link</a>',
    '<a href="https://example.com" onmouseover=alert(1)>x</a>',
    'https://example.com/"onmouseover="alert(1)',
    "http://example.com/?q=<script>alert(1)</script>",
    'https://example.com/#"><img src=x onerror=alert(1)>',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    '<!--<img src="--><img src=x onerror=alert(1)//">',
    "<![CDATA[<script>alert(1)</script>]]>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<template><script>alert(1)</script></template>",
    "{{ request }} {% debug %} ${alert(1)} `alert(1)`",
    "<marquee onstart=alert(1)>x</marquee>",
    "<isindex type=image src=1 onerror=alert(1)>",
    '" onfocus="alert(1)" autofocus="',
    "' onmouseover='alert(1)",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "\uff1cscript\uff1ealert(1)\uff1c/script\uff1e",
    '<a href="http://example.com">ok</a><a href=data:text/html,x>x</a>',
    "www.example.com/<svg/onload=alert(1)>",
    "<x onclick=alert(1)>klik\n\n<p onmouseover=alert(1)>alinea</p>\r\nregel",
]
NULL_BYTE_PAYLOADS = [
    "<scr\x00ipt>alert(1)</script>",
    "<img src=x o\x00nerror=alert(1)>",
    '<a href="java\x00script:alert(1)">x</a>',
]
BENIGN = "onschuldig"
USER_TAGS = {"p", "br", "a"}
SCRIPT_URL = re.compile(r"^(javascript|data|vbscript):", re.IGNORECASE)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "srcdoc", "xlink:href"}


def test_the_corpus_is_large_enough():
    assert len(PAYLOADS) + len(NULL_BYTE_PAYLOADS) >= 50


# What a page may contain ----------------------------------------------------------------


def elements(html: str) -> Counter:
    """Count every element except those a learner's text may produce."""
    soup = BeautifulSoup(html, "html.parser")
    return Counter(tag.name for tag in soup.find_all(True) if tag.name not in USER_TAGS)


def assert_no_active_content(html: str, where: str) -> None:
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            assert not name.lower().startswith("on"), f"{where}: {name} on <{tag.name}>"
            if name.lower() in URL_ATTRIBUTES:
                cleaned = re.sub(r"[\x00-\x20]", "", str(value))
                assert not SCRIPT_URL.match(cleaned), f"{where}: {name}={value!r}"
    for script in soup.find_all("script"):
        assert "alert" not in script.get_text(), where
    for content in soup.select("[data-user-content]"):
        for tag in content.find_all(True):
            assert tag.name in USER_TAGS, f"{where}: <{tag.name}> in learner text"
            if tag.name == "a":
                assert set(tag.attrs) <= {"href", "rel"}, f"{where}: {tag.attrs}"
                assert tag["href"].startswith(("http://", "https://")), f"{where}: {tag}"
                assert {"nofollow", "noopener"} <= set(tag["rel"]), f"{where}: {tag}"
            else:
                assert not tag.attrs, f"{where}: {tag}"


def assert_pages_safe(client, requests: list[tuple], make_benign) -> None:
    """Fetch each (user, url) with the payloads stored, then again once they are benign."""
    with_payloads = [fetch(client, user, url) for user, url in requests]
    make_benign()
    for (user, url), html in zip(requests, with_payloads, strict=True):
        where = f"{url} as {user}"
        assert_no_active_content(html, where)
        assert elements(html) == elements(fetch(client, user, url)), where


def fetch(client, user, url) -> str:
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    return response.content.decode()


# Stored payloads ------------------------------------------------------------------------


@pytest.fixture
def attempt(learner, scenario, cohort):
    return play_through(learner, scenario)


@pytest.fixture
def stored(cohort, learner, volunteer, attempt, lesson):
    """Each payload as Alice's shared reflection (after her attempt) and Vera's reply to it."""
    pairs = []
    for number, payload in enumerate(PAYLOADS):
        reflection = Reflection.objects.create(
            author=learner,
            cohort=cohort,
            body=payload,
            visibility="cohort",
            attempt=attempt if number % 2 else None,
            lesson=None if number % 2 else lesson,
            prompt=shared.PROMPT,
        )
        reply = ReflectionReply.objects.create(
            reflection=reflection, author=volunteer, body=payload
        )
        pairs.append((reflection, reply))
    return pairs


def make_benign():
    Reflection.objects.update(body=BENIGN)
    ReflectionReply.objects.update(body=BENIGN)


def test_no_payload_is_active_on_the_cohort_reflections_page(
    client, stored, cohort, learner, volunteer, trainer
):
    url = reverse("cohort-reflections", args=[cohort.pk])
    pages = (len(stored) + 19) // 20
    requests = [
        (user, f"{url}?page={number}")
        for user in (learner, volunteer, trainer)
        for number in range(1, pages + 1)
    ]
    assert_pages_safe(client, requests, make_benign)


def test_no_payload_is_active_on_the_detail_pages(client, stored, volunteer, trainer):
    requests = [
        (user, reverse("reflection-detail", args=[reflection.pk]))
        for reflection, _reply in stored
        for user in (volunteer, trainer)
    ]
    assert_pages_safe(client, requests, make_benign)


def test_no_payload_is_active_on_the_edit_and_delete_pages(client, stored, learner, volunteer):
    requests = []
    for reflection, reply in stored:
        requests += [
            (learner, reverse("reflection-edit", args=[reflection.pk])),
            (learner, reverse("reflection-delete", args=[reflection.pk])),
            (volunteer, reverse("reply-delete", args=[reply.pk])),
        ]
    assert_pages_safe(client, requests, make_benign)


def test_no_payload_is_active_on_the_result_page(client, stored, attempt, learner):
    url = reverse("attempt-result", args=[attempt.pk])
    assert_pages_safe(client, [(learner, url)], make_benign)


def test_no_payload_is_active_when_hidden_by_the_trainer(client, stored, learner, trainer):
    Reflection.objects.update(hidden=True)
    ReflectionReply.objects.update(hidden=True)
    requests = [
        (user, reverse("reflection-detail", args=[reflection.pk]))
        for reflection, _reply in stored[:10]
        for user in (learner, trainer)
    ]
    assert_pages_safe(client, requests, make_benign)


def reflection_admin_urls(stored) -> list[str]:
    """The admin listing, and each object's page, of any admin viewset for reflections."""
    urls = ["/admin/"]
    for viewset in viewsets.viewsets:
        model = viewset.model
        if model not in (Reflection, ReflectionReply):
            continue
        objects = [pair[0] if model is Reflection else pair[1] for pair in stored]
        for name, args in (
            [("index", [])]
            + [("edit", [obj.pk]) for obj in objects]
            + [("inspect", [obj.pk]) for obj in objects]
        ):
            try:
                urls.append(reverse(viewset.get_url_name(name), args=args))
            except NoReverseMatch:
                continue
    return urls


def test_no_payload_is_active_in_the_wagtail_admin(client, stored, admin_user):
    requests = [(admin_user, url) for url in reflection_admin_urls(stored)]
    assert_pages_safe(client, requests, make_benign)


# Payloads posted through the forms ------------------------------------------------------


def test_posted_payloads_are_stored_as_typed_and_shown_inert(client, cohort, learner, volunteer):
    for payload in PAYLOADS:
        client.force_login(learner)
        client.post(
            reverse("reflection-create"),
            {"body": payload, "visibility": "cohort", "cohort": cohort.pk},
        )
        reflection = Reflection.objects.latest("pk")
        client.force_login(volunteer)
        client.post(reverse("reflection-reply", args=[reflection.pk]), {"body": payload})
        assert reflection.body == payload.strip()
        assert reflection.replies.get().body == payload.strip()
        html = client.get(reverse("reflection-detail", args=[reflection.pk])).content.decode()
        assert_no_active_content(html, payload)


def test_payloads_in_a_refused_form_come_back_inert(client, learner):
    client.force_login(learner)
    for payload in PAYLOADS:
        # No cohort: the form comes back with the typed text and prompt in it.
        response = client.post(
            reverse("reflection-create"),
            {"body": payload, "visibility": "cohort", "prompt": payload, "next": payload},
        )
        assert response.status_code == 200
        assert_no_active_content(response.content.decode(), payload)
    assert not Reflection.objects.exists()


@pytest.mark.parametrize("payload", NULL_BYTE_PAYLOADS)
def test_text_with_null_bytes_is_refused_by_the_forms(client, payload, cohort, learner):
    client.force_login(learner)
    response = client.post(
        reverse("reflection-create"), {"body": payload, "visibility": "cohort", "cohort": cohort.pk}
    )
    assert response.status_code == 200 and not Reflection.objects.exists()
    assert_no_active_content(response.content.decode(), repr(payload))


@pytest.mark.parametrize("payload", PAYLOADS + NULL_BYTE_PAYLOADS)
def test_render_reflection_leaves_no_active_html(payload):
    assert_no_active_content(f"<div data-user-content>{render_reflection(payload)}</div>", payload)


# Any text at all ------------------------------------------------------------------------

FRAGMENTS = ["<a href=", "javascript:", "http://", "https://x.nl/", "www.", "<script>", "onerror"]
TEXT = st.lists(
    st.one_of(
        st.characters(), st.sampled_from(list("<>\"'&=/:;.\n\r\t ")), st.sampled_from(FRAGMENTS)
    ),
    max_size=120,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_any_text_renders_to_paragraphs_breaks_and_safe_links_only(text):
    soup = BeautifulSoup(f"<div>{render_reflection(text)}</div>", "html.parser")
    for tag in soup.div.find_all(True):
        assert tag.name in USER_TAGS
        assert set(tag.attrs) <= ({"href", "rel"} if tag.name == "a" else set())
        if tag.name == "a":
            assert tag["href"].lower().startswith(("http://", "https://"))
            assert {"nofollow", "noopener"} <= set(tag["rel"])
