"""Backup and restore as README describes them: nothing of the learners' work is lost."""

import sqlite3
import subprocess
import uuid
from pathlib import Path

import pytest
from django.db import connection

from tests.builders import choose, publish, scenario_document, start

pytestmark = pytest.mark.django_db(transaction=True)

ATTEMPTS = """
    SELECT u.email, a.id, a.page_id, a.revision_id, a.status, a.overall, a.step, a.current_node
    FROM scenarios_attempt a JOIN auth_user u ON a.user_id = u.id ORDER BY a.id
"""
CHOICES = """
    SELECT attempt_id, step, node_key, choice_key, quality
    FROM scenarios_attemptchoice ORDER BY attempt_id, step
"""
SCORES = """
    SELECT attempt_id, principle, score FROM scenarios_principlescore
    ORDER BY attempt_id, principle
"""


def learners_work(cursor) -> list:
    rows = []
    for query in (ATTEMPTS, CHOICES, SCORES):
        cursor.execute(query)
        rows.append([tuple(row) for row in cursor.fetchall()])
    return rows


@pytest.fixture
def played(migrated_db, client, learner, volunteer, library):
    scenario = publish(library, scenario_document())
    for user, route in ((learner, ["regel-het"]), (volunteer, ["vraag-door", "netwerk"])):
        client.force_login(user)
        attempt = start(client, scenario)
        for choice in route:
            choose(client, attempt, choice)
            attempt.refresh_from_db()
    client.force_login(learner)
    start(client, scenario)  # one attempt still running
    with connection.cursor() as cursor:
        work = learners_work(cursor)
    assert len(work[0]) == 3 and work[1] and work[2]
    return work


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite backup")
def test_a_sqlite_backup_restores_every_attempt_and_score(played, tmp_path):
    backup = tmp_path / "backup.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(backup) as target:
        connection.connection.backup(target)
    restored = tmp_path / "restored.sqlite3"
    restored.write_bytes(backup.read_bytes())
    with sqlite3.connect(restored) as copy:
        assert learners_work(copy.cursor()) == played


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL backup")
def test_a_postgres_dump_restores_every_attempt_and_score(played, tmp_path):
    import psycopg

    settings = connection.settings_dict
    dump = Path(tmp_path) / "kantelwerk.dump"
    target = f"kantelwerk_restore_{uuid.uuid4().hex[:8]}"
    auth = ["-h", settings["HOST"] or "127.0.0.1", "-U", settings["USER"] or "postgres"]
    subprocess.run(
        ["pg_dump", *auth, "--format=custom", f"--file={dump}", settings["NAME"]], check=True
    )
    subprocess.run(["createdb", *auth, target], check=True)
    try:
        subprocess.run(
            ["pg_restore", *auth, "--no-owner", f"--dbname={target}", str(dump)], check=True
        )
        with psycopg.connect(host=auth[1], user=auth[3], dbname=target) as copy:
            assert learners_work(copy.cursor()) == played
    finally:
        subprocess.run(["dropdb", *auth, "--if-exists", target], check=True)
