"""Sign-up and password reset resist guessing: rate limits hold, and no answer tells whether an
email address has an account."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.hashers import get_hasher
from django.core import mail
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from kantelwerk.settings.base import CACHE_TABLE, caches_from_env

from people.models import Role
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def signup_data(email, organisation):
    return {
        "email": email,
        "password1": "Een-sterk-wachtwoord-2026",
        "password2": "Een-sterk-wachtwoord-2026",
        "display_name": "Nieuw",
        "role": Role.VOLUNTEER,
        "organisation": organisation.pk,
    }


def test_signing_up_with_a_known_email_looks_the_same_as_with_a_new_one(
    client, learner, organisation
):
    known = client.post(reverse("account_signup"), signup_data("alice@example.nl", organisation))
    client.logout()
    new = client.post(reverse("account_signup"), signup_data("nieuw@example.nl", organisation))
    assert known.status_code == new.status_code == 302
    assert known["Location"] == new["Location"]
    # The owner of the known address is told by mail instead of the visitor on screen.
    assert any("alice@example.nl" in message.to for message in mail.outbox)


def test_signing_up_hashes_a_password_as_often_for_a_known_address_as_for_a_new_one(
    client, learner, organisation, monkeypatch
):
    """A hash is most of a sign-up's time: equal work means no tell-tale difference in timing."""
    hasher = type(get_hasher())
    encode = hasher.encode
    hashed = []

    def counting_encode(self, password, salt, *args, **kwargs):
        hashed.append(password)
        return encode(self, password, salt, *args, **kwargs)

    monkeypatch.setattr(hasher, "encode", counting_encode)
    client.post(reverse("account_signup"), signup_data("alice@example.nl", organisation))
    known = len(hashed)
    client.logout()
    hashed.clear()
    client.post(reverse("account_signup"), signup_data("nieuw@example.nl", organisation))
    assert len(hashed) >= 1
    assert known == len(hashed)


def test_sign_ups_from_one_address_are_rate_limited(client, organisation):
    statuses = [
        client.post(
            reverse("account_signup"), signup_data(f"persoon{n}@example.nl", organisation)
        ).status_code
        for n in range(25)
    ]
    assert 429 in statuses
    assert statuses.index(429) >= 20


def test_password_reset_requests_are_rate_limited_per_address(client, learner):
    statuses = [
        client.post(reverse("account_reset_password"), {"email": "alice@example.nl"}).status_code
        for _ in range(8)
    ]
    assert 429 in statuses
    assert len(mail.outbox) <= 5


def guess_password_for_deletion(client, password):
    return client.post(reverse("account-delete"), {"password": password, "confirm": "on"})


def test_password_guesses_to_delete_an_account_are_rate_limited(client, learner):
    client.force_login(learner)
    statuses = [guess_password_for_deletion(client, f"gok-{n}").status_code for n in range(5)]
    assert statuses == [400] * 5

    refused = guess_password_for_deletion(client, PASSWORD)
    assert refused.status_code == 429
    assert "Je hebt het te vaak geprobeerd" in refused.content.decode()
    learner.refresh_from_db()
    assert learner.is_active  # even the right password waits until the minute is over


def test_another_users_guesses_do_not_lock_me_out(client, learner, outsider):
    client.force_login(outsider)
    for n in range(6):
        guess_password_for_deletion(client, f"gok-{n}")
    client.force_login(learner)
    assert guess_password_for_deletion(client, PASSWORD).status_code == 302


SHARED_CACHES = caches_from_env(shared=True)


@pytest.mark.skipif("REDIS_URL" in os.environ, reason="REDIS_URL set: the shared cache is Redis")
def test_without_redis_production_keeps_rate_limits_in_the_database(client, learner):
    """Every worker reads the same table, so guesses counted by one worker hold in another."""
    assert SHARED_CACHES["default"]["BACKEND"].endswith("DatabaseCache")
    with override_settings(CACHES=SHARED_CACHES):
        call_command("createcachetable", verbosity=0)
        client.force_login(learner)
        for n in range(5):
            guess_password_for_deletion(client, f"gok-{n}")
        caches.close_all()
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT cache_key FROM {CACHE_TABLE}")  # noqa: S608
            keys = [row[0] for row in cursor.fetchall()]
        assert any("delete_account" in key for key in keys)
        assert guess_password_for_deletion(client, PASSWORD).status_code == 429


def production_cache_backend(**environment) -> str:
    """Import the production settings in a fresh process, as each gunicorn worker does."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SETTINGS_MODULE", "REDIS_URL", "SECRET_KEY"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="kantelwerk.settings.production",
        SECRET_KEY="x7Qp-2vLk9_Zr4mTa8WcYb3NdFh6JsGu1EoRiKlPqXwVzAyBnCmD5e0",
        PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "site")]),
        **environment,
    )
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.CACHES['default']['BACKEND'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_never_keeps_rate_limits_per_process():
    assert production_cache_backend() == "django.core.cache.backends.db.DatabaseCache"
    assert (
        production_cache_backend(REDIS_URL="redis://127.0.0.1:6379/0")
        == "django.core.cache.backends.redis.RedisCache"
    )
