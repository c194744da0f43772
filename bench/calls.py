"""Python function calls and queries per request, in-process: figures that do not move with
the machine's load, for before/after comparisons on a shared machine.

Runs the bench's own targets (the JSON ``bench/prepare.py`` wrote) through Django's test
client under the bench settings, against a copy of a kept bench database:

    BENCH_KEEP=1 BENCH_QUICK=1 BENCH_ONLY=lesson make bench     # prints the kept paths
    .venv/bin/python bench/calls.py --db <kept>/bench.sqlite3 --static <kept>/static \\
        --targets <kept>/prepare-<n>.json lesson result node home

Each learner's page is requested once to warm the per-process caches, then once more under
cProfile and with the queries captured; the figures are the means over those requests.
The database is copied first, so runs start from the same data.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a kept bench SQLite database")
    parser.add_argument("--static", required=True, help="the kept BENCH_STATIC_ROOT")
    parser.add_argument("--targets", required=True, help="the JSON bench/prepare.py wrote")
    parser.add_argument("--learners", type=int, default=10, help="targets per endpoint")
    parser.add_argument("rows", nargs="*", default=["lesson", "result", "node", "home"])
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kantelwerk-calls-"))
    try:
        shutil.copy(args.db, work / "calls.sqlite3")
        os.environ.update(
            DJANGO_SETTINGS_MODULE="kantelwerk.settings.bench",
            DATABASE_URL=f"sqlite:///{work / 'calls.sqlite3'}",
            BENCH_STATIC_ROOT=args.static,
        )
        for name in ("REDIS_URL", "BENCH_COLD_SERVER", "BENCH_SHARED_CACHE"):
            os.environ.pop(name, None)
        sys.path[:0] = [str(ROOT), str(ROOT / "site")]
        import django

        django.setup()
        endpoints = json.loads(Path(args.targets).read_text())["endpoints"]
        for row in args.rows:
            print(measure(row, endpoints[row]["targets"][: args.learners]))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def measure(row: str, targets: list[dict]) -> str:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    clients = []
    for target in targets:
        client = Client(HTTP_HOST="127.0.0.1")
        for part in filter(None, target["cookie"].split("; ")):
            key, value = part.split("=", 1)
            client.cookies[key] = value
        clients.append((client, target["path"]))
    for client, path in clients:
        status = client.get(path).status_code
        if status != 200:
            raise SystemExit(f"{row}: {path} answered {status}")
    profile, queries = cProfile.Profile(), 0
    for client, path in clients:
        with CaptureQueriesContext(connection) as captured:
            profile.enable()
            client.get(path)
            profile.disable()
        queries += len(captured.captured_queries)
    calls = pstats.Stats(profile).total_calls
    n = len(clients)
    return f"{row:8s} {calls / n:9,.0f} function calls/request {queries / n:5.1f} queries/request"


if __name__ == "__main__":
    main()
