"""Sessions read with one prepared statement (people/session_store.py): the same sessions as
Django's own database engine, and an expired or unknown one is no session."""

import os
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.backends import db as django_db
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from people.session_store import SessionStore


def test_the_project_reads_database_sessions_through_the_prepared_statement():
    """Without Redis; with Redis (CI's PostgreSQL run, production) sessions are cached_db."""
    expected = (
        "django.contrib.sessions.backends.cached_db"
        if os.environ.get("REDIS_URL")
        else "people.session_store"
    )
    assert expected == settings.SESSION_ENGINE


@pytest.fixture
def our_engine(settings):
    """The requests below go through this engine, whatever the run's cache is."""
    settings.SESSION_ENGINE = "people.session_store"


def test_a_signed_in_learner_stays_signed_in(our_engine, client, learner):
    client.force_login(learner)
    for _ in range(2):
        response = client.get(reverse("my-learning"))
        assert response.status_code == 200
        assert "Welkom terug, Alice." in response.content.decode()


def test_an_expired_session_signs_the_learner_out(our_engine, client, learner):
    client.force_login(learner)
    assert client.get(reverse("my-learning")).status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("my-learning"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_an_unknown_session_is_no_session_and_is_not_taken_over(db):
    store = SessionStore("onbekend0sleutel0die0niet0bestaat")
    assert store.load() == {}
    store["iets"] = "waarde"
    store.save()
    assert store.session_key != "onbekend0sleutel0die0niet0bestaat"
    assert SessionStore(store.session_key).load() == {"iets": "waarde"}


def test_it_reads_what_djangos_own_engine_reads(db):
    ours = SessionStore()
    ours["leerling"] = 42
    ours.create()
    assert django_db.SessionStore(ours.session_key).load() == {"leerling": 42}
    theirs = django_db.SessionStore()
    theirs["leerling"] = 7
    theirs.create()
    assert SessionStore(theirs.session_key).load() == {"leerling": 7}
