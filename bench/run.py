"""Kantelwerk benchmark: fresh database, gunicorn with production settings, wrk on loopback.

    make bench                      # SQLite, 5,000 learners x 10 attempts, ~20 s per endpoint
    BENCH_QUICK=1 make bench        # 300 x 3, ~5 s per endpoint, under 2 minutes
    BENCH_DB=postgres make bench    # fresh database kantelwerk_bench on 127.0.0.1
    make bench-scale                # manager overview at 1,000 / 5,000 / 20,000 learners

See bench/README.md for what each figure means. Everything this script starts (gunicorn,
wrk, management commands) runs in its own process group and is stopped in a finally block,
on failure and on Ctrl-C too; the temporary directory (and PostgreSQL database) is removed.

Environment (all optional):
  BENCH_QUICK=1        quick look: small data, short runs
  BENCH_DB             sqlite (default) or postgres
  BENCH_PG_URL         server for BENCH_DB=postgres (default postgres://postgres@127.0.0.1:5432)
  BENCH_PG_NAME        database name for BENCH_DB=postgres (default kantelwerk_bench)
  BENCH_SCALE=1        the scaling run instead of the table
  BENCH_SCALE_SIZES    comma-separated learner counts for it (default 1000,5000,20000)
  BENCH_LEARNERS, BENCH_ATTEMPTS   load data size (default 5000 and 10; quick 300 and 3)
  BENCH_DURATION, BENCH_WARMUP     seconds per endpoint (default 20 and 3; quick 4 and 1)
  BENCH_CONNECTIONS    wrk connections = concurrent learners (default 16)
  BENCH_MANAGER_CONNECTIONS   connections for the manager overview rows (default 2)
  BENCH_WORKERS, BENCH_WORKER_CLASS, BENCH_THREADS   gunicorn (default 2 sync workers)
  BENCH_REDIS=1        cache and sessions in Redis (REDIS_URL, default redis://127.0.0.1:6379/0)
  BENCH_ONLY           comma-separated endpoint keys to run (reference always runs)
  BENCH_COLD=0         skip the cold rows (pages that use the revision cache, every fragment missed)
  BENCH_KEEP=1         keep the temporary directory and database for profiling
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import live_poll

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
WRK_DIR = BENCH / "wrk"
RESULTS = BENCH / "results"
PY = sys.executable
# BENCH_PG_NAME: another name, so two runs on one server never drop each other's databases.
PG_DB = os.environ.get("BENCH_PG_NAME", "kantelwerk_bench")
PG_TEMPLATE = f"{PG_DB}_base"
PG_CACHE_PREFIX = f"{PG_DB}_m_"
UNAVAILABLE = "Unknown command"


def env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


QUICK = env_flag("BENCH_QUICK")


def env_int(name: str, default: int, quick: int | None = None) -> int:
    value = os.environ.get(name, "")
    if value:
        return int(value)
    return quick if QUICK and quick is not None else default


@dataclass(frozen=True)
class Config:
    db: str = os.environ.get("BENCH_DB", "sqlite").lower()
    pg_url: str = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
    learners: int = env_int("BENCH_LEARNERS", 5000, 300)
    attempts: int = env_int("BENCH_ATTEMPTS", 10, 3)
    duration: int = env_int("BENCH_DURATION", 20, 4)
    warmup: int = env_int("BENCH_WARMUP", 3, 1)
    connections: int = env_int("BENCH_CONNECTIONS", 16)
    # A few managers at once, one per worker: the p95 then shows the page's own cost, not
    # the queue that 16 connections on 2 workers would put in front of it.
    manager_connections: int = env_int("BENCH_MANAGER_CONNECTIONS", 2)
    workers: int = env_int("BENCH_WORKERS", 2)
    worker_class: str = os.environ.get("BENCH_WORKER_CLASS", "sync")
    threads: int = env_int("BENCH_THREADS", 1)
    redis: bool = env_flag("BENCH_REDIS")
    keep: bool = env_flag("BENCH_KEEP")
    only: tuple[str, ...] = tuple(
        key.strip() for key in os.environ.get("BENCH_ONLY", "").split(",") if key.strip()
    )
    scale_sizes: tuple[int, ...] = tuple(
        int(size)
        for size in os.environ.get(
            "BENCH_SCALE_SIZES", "100,500,2000" if QUICK else "1000,5000,20000"
        ).split(",")
        if size.strip()
    )
    # How long the live-poll trainer leaves each step open before the reveal (seconds).
    live_step: int = env_int("BENCH_LIVE_STEP", 12, 5)
    # The pages that use the revision cache once more with every fragment missed.
    cold: bool = os.environ.get("BENCH_COLD", "1").strip().lower() not in {"0", "false", "no"}


# --------------------------------------------------------------------------------- goals


@dataclass
class Goal:
    text: str
    ok: bool | None  # None: cannot be judged in this run

    def __str__(self) -> str:
        mark = {True: "✓", False: "✗", None: "–"}[self.ok]
        return f"{self.text} {mark}"


@dataclass
class Endpoint:
    key: str
    label: str
    ratio_goal: float | None = None
    p95_goal_ms: float | None = None
    zero_errors: bool = False
    expect: int = 200
    connections: bool = False  # True: BENCH_MANAGER_CONNECTIONS instead of BENCH_CONNECTIONS
    cached: bool = False  # uses the revision cache: measured warm and cold


ENDPOINTS = [
    Endpoint("reference", "reference view (ceiling)"),
    Endpoint("home", "home page, anonymous", ratio_goal=0.25),
    Endpoint("lesson", "lesson page, cohort participant", ratio_goal=0.15, cached=True),
    Endpoint("node", "scenario node GET, learner", ratio_goal=0.20, cached=True),
    Endpoint(
        "step",
        "scenario step (POST + GET)",
        0.10,
        p95_goal_ms=50,
        zero_errors=True,
        cached=True,
    ),
    Endpoint("result", "result page, learner", ratio_goal=0.15, cached=True),
    Endpoint("team", "manager overview, Team 200", connections=True),
    Endpoint("org", "manager overview, organisation", p95_goal_ms=300, connections=True),
    Endpoint(
        "org-completion",
        "manager overview, organisation by completion",
        p95_goal_ms=150,
        connections=True,
    ),
    # Not wrk: a Python client plays the session (bench/live_poll.py). p95 is of the polls.
    Endpoint(
        "live-poll", "live session, phones + projector polling", p95_goal_ms=50, zero_errors=True
    ),
]
# A vote must reach the trainer's screen within one poll interval (issue 16).
LIVE_VISIBLE_GOAL_S = live_poll.POLL_INTERVAL
MAX_QUERIES = 10


@dataclass
class Row:
    key: str
    label: str
    skip: str = ""
    cold: bool = False  # measured with every revision-cache fragment missed
    reference_rps: float | None = None  # mean of the reference runs right before and after
    rps: float = 0.0  # requests/s; steps/s for the step row
    requests_per_s: float = 0.0  # all HTTP requests/s (the step row makes several per step)
    p50: float = 0.0
    p95: float = 0.0
    p99: float = 0.0
    errors: int = 0
    error_detail: dict = field(default_factory=dict)
    queries: float | None = None
    queries_detail: dict = field(default_factory=dict)
    ratio: float | None = None
    statuses: dict = field(default_factory=dict)
    goals: list[Goal] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    raw: dict = field(default_factory=dict)


# ----------------------------------------------------------------------------- processes


class Runner:
    """Starts child processes in their own process groups and stops them all at the end."""

    def __init__(self, log_dir: Path):
        self.log_dir = log_dir
        self.procs: list[subprocess.Popen] = []

    def popen(self, args, env, log_name: str, **kwargs) -> subprocess.Popen:
        log = open(self.log_dir / log_name, "ab")  # noqa: SIM115 — closed with the process
        stdout = kwargs.pop("stdout", log)
        proc = subprocess.Popen(  # noqa: S603
            args,
            cwd=ROOT,
            env=env,
            stdout=stdout,
            stderr=subprocess.STDOUT if stdout is log else log,
            start_new_session=True,
            **kwargs,
        )
        proc._bench_log = log  # type: ignore[attr-defined]
        self.procs.append(proc)
        return proc

    def wait(self, proc: subprocess.Popen, what: str, timeout: float | None = None) -> None:
        try:
            rc = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.stop(proc)
            raise RuntimeError(f"{what} did not finish in {timeout:.0f} s") from None
        if rc != 0:
            raise RuntimeError(f"{what} failed (exit {rc}); see {proc._bench_log.name}")  # type: ignore[attr-defined]

    def run(self, args, env, log_name: str, what: str, timeout: float | None = None) -> str:
        proc = self.popen(args, env, log_name)
        self.wait(proc, what, timeout)
        return Path(proc._bench_log.name).read_text(errors="replace")  # type: ignore[attr-defined]

    def stop(self, proc: subprocess.Popen, grace: float = 10) -> None:
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        else:
            # The leader is gone; make sure nothing of its group lingers (gunicorn workers).
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
        proc._bench_log.close()  # type: ignore[attr-defined]

    def stop_all(self) -> None:
        for proc in reversed(self.procs):
            self.stop(proc)
        self.procs.clear()


def say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ------------------------------------------------------------------------------ database


def pg_admin(config: Config, *statements: str) -> None:
    import psycopg

    with psycopg.connect(f"{config.pg_url}/postgres", autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)


def settle_database(config: Config, name: str = PG_DB) -> None:
    """VACUUM and ANALYZE the freshly loaded PostgreSQL database before measuring.

    Loading tens of thousands of rows wakes autovacuum, which then ran during the first
    rows (a warm step row at half the speed of its cold repeat a minute later). A production
    database is vacuumed all along; the bench measures that state, not the load's aftermath.
    """
    if config.db != "postgres":
        return
    import psycopg

    with psycopg.connect(f"{config.pg_url}/{name}", autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE)")


def database_url(config: Config, tmp: Path, name: str = PG_DB) -> str:
    if config.db == "postgres":
        return f"{config.pg_url}/{name}"
    return f"sqlite:///{tmp / 'bench.sqlite3'}"


def fresh_database(config: Config, tmp: Path, name: str = PG_DB) -> None:
    if config.db == "postgres":
        pg_admin(
            config,
            f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
            f'CREATE DATABASE "{name}"',
        )
    else:
        for suffix in ("", "-wal", "-shm"):
            (tmp / f"bench.sqlite3{suffix}").unlink(missing_ok=True)


def snapshot(config: Config, tmp: Path) -> None:
    """Keep the migrated demo database so each scaling size starts from it."""
    if config.db == "postgres":
        pg_admin(
            config,
            f'DROP DATABASE IF EXISTS "{PG_TEMPLATE}" WITH (FORCE)',
            f'CREATE DATABASE "{PG_TEMPLATE}" TEMPLATE "{PG_DB}"',
        )
    else:
        shutil.copy(tmp / "bench.sqlite3", tmp / "base.sqlite3")


def restore(config: Config, tmp: Path) -> None:
    if config.db == "postgres":
        pg_admin(
            config,
            f'DROP DATABASE IF EXISTS "{PG_DB}" WITH (FORCE)',
            f'CREATE DATABASE "{PG_DB}" TEMPLATE "{PG_TEMPLATE}"',
        )
    else:
        fresh_database(config, tmp)
        shutil.copy(tmp / "base.sqlite3", tmp / "bench.sqlite3")


def drop_databases(config: Config) -> None:
    if config.db == "postgres":
        with contextlib.suppress(Exception):
            pg_admin(
                config,
                f'DROP DATABASE IF EXISTS "{PG_DB}" WITH (FORCE)',
                f'DROP DATABASE IF EXISTS "{PG_TEMPLATE}" WITH (FORCE)',
            )


# ------------------------------------------------------------------------------- phases


def django_env(config: Config, tmp: Path) -> dict[str, str]:
    unset = {"REDIS_URL", "DATABASE_URL", "BENCH_COLD_SERVER", "BENCH_SHARED_CACHE"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(
        DJANGO_SETTINGS_MODULE="kantelwerk.settings.bench",
        DATABASE_URL=database_url(config, tmp),
        BENCH_STATIC_ROOT=str(tmp / "static"),
        PYTHONUNBUFFERED="1",
    )
    if config.redis:
        env["REDIS_URL"] = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
        env["BENCH_CACHE_PREFIX"] = f"kantelwerk-bench-{os.getpid()}-{int(time.time())}"
    return env


def migrations_key(config: Config) -> str:
    """What a migrated, empty database depends on: migrations, apps, settings, versions."""
    digest = hashlib.sha256(config.db.encode())
    files = sorted(ROOT.glob("*/migrations/*.py")) + sorted(ROOT.glob("*/apps.py"))
    files += [ROOT / "requirements.txt", ROOT / "site/kantelwerk/settings/base.py"]
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def migrated_cache(config: Config) -> str | None:
    """Where a freshly migrated database is kept between runs (None: no cache).

    SQLite: a file under ~/.cache/kantelwerk-bench/. PostgreSQL: a template database
    kantelwerk_bench_m_<key> on the same server. The key changes with any migration, app
    config, base settings or requirement, so a stale cache is never used.
    """
    if env_flag("BENCH_NO_CACHE"):
        return None
    key = migrations_key(config)
    if config.db == "postgres":
        return f"{PG_CACHE_PREFIX}{key}"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return str(base / "kantelwerk-bench" / f"migrated-{key}.sqlite3")


def pg_exists(config: Config, name: str) -> bool:
    import psycopg

    with psycopg.connect(f"{config.pg_url}/postgres", autocommit=True) as conn:
        query = "SELECT 1 FROM pg_database WHERE datname = %s"
        return conn.execute(query, [name]).fetchone() is not None


def pg_cached_databases(config: Config) -> list[str]:
    import psycopg

    with psycopg.connect(f"{config.pg_url}/postgres", autocommit=True) as conn:
        rows = conn.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s", [PG_CACHE_PREFIX + "%"]
        ).fetchall()
    return [row[0] for row in rows]


def migrate(runner: Runner, config: Config, tmp: Path, env: dict) -> None:
    cached = migrated_cache(config)
    if cached is not None and config.db == "postgres" and pg_exists(config, cached):
        pg_admin(
            config,
            f'DROP DATABASE IF EXISTS "{PG_DB}" WITH (FORCE)',
            f'CREATE DATABASE "{PG_DB}" TEMPLATE "{cached}"',
        )
        say(f"migrated database from template {cached} (BENCH_NO_CACHE=1 to migrate)")
        return
    if cached is not None and config.db == "sqlite" and Path(cached).exists():
        shutil.copy(cached, tmp / "bench.sqlite3")
        say(f"migrated database from cache {Path(cached).name} (BENCH_NO_CACHE=1 to migrate)")
        return
    started = time.monotonic()
    runner.run([PY, "manage.py", "migrate", "--noinput", "-v0"], env, "migrate.log", "migrate")
    say(f"migrated ({time.monotonic() - started:.0f} s)")
    if cached is None:
        return
    if config.db == "postgres":
        for old in pg_cached_databases(config):
            pg_admin(config, f'DROP DATABASE IF EXISTS "{old}" WITH (FORCE)')
        with contextlib.suppress(Exception):  # a cache only: never fail the run for it
            pg_admin(config, f'CREATE DATABASE "{cached}" TEMPLATE "{PG_DB}"')
        return
    cache_file = Path(cached)
    with contextlib.closing(sqlite3.connect(tmp / "bench.sqlite3")) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    for old in cache_file.parent.glob("migrated-*.sqlite3"):
        old.unlink(missing_ok=True)
    partial = cache_file.with_suffix(".partial")
    shutil.copy(tmp / "bench.sqlite3", partial)
    partial.replace(cache_file)


def build_base(runner: Runner, config: Config, tmp: Path, env: dict) -> None:
    """Fresh database, migrations and the demo; static files collected alongside."""
    fresh_database(config, tmp)
    build_env = {**env, "BENCH_BUILD": "1"}
    started = time.monotonic()
    static = runner.popen(
        [PY, "manage.py", "collectstatic", "--noinput", "-v0"], build_env, "collectstatic.log"
    )
    migrate(runner, config, tmp, build_env)
    runner.run([PY, "manage.py", "load_demo"], build_env, "load_demo.log", "load_demo")
    runner.wait(static, "collectstatic", timeout=300)
    say(f"demo loaded, static files collected ({time.monotonic() - started:.0f} s)")


def load_data(runner: Runner, env: dict, learners: int, attempts: int) -> tuple[str, str]:
    """Run make_load_data. Returns (status, manager email): status 'ok' or why it is missing."""
    started = time.monotonic()
    args = [PY, "manage.py", "make_load_data", "--learners", str(learners)]
    args += ["--attempts-per-learner", str(attempts), "--seed", "1"]
    proc = runner.popen(args, {**env, "BENCH_BUILD": "1"}, f"make_load_data-{learners}.log")
    rc = proc.wait()
    output = Path(proc._bench_log.name).read_text(errors="replace")  # type: ignore[attr-defined]
    if rc != 0:
        if UNAVAILABLE in output:
            say("make_load_data is not available yet: the manager overview rows are skipped")
            return "not available yet: make_load_data has not landed", ""
        raise RuntimeError(f"make_load_data failed (exit {rc}); see {proc._bench_log.name}")  # type: ignore[attr-defined]
    emails = re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", output)
    say(
        f"load data: {learners} learners x {attempts} attempts ({time.monotonic() - started:.0f} s)"
    )
    return "ok", (emails[0] if emails else "")


def prepare(runner: Runner, config: Config, tmp: Path, env: dict, **kwargs) -> dict:
    out = tmp / f"prepare-{time.monotonic_ns()}.json"
    args = [PY, str(BENCH / "prepare.py"), "--out", str(out)]
    args += ["--connections", str(config.connections)]
    args += ["--load-data", kwargs.get("load_status", "")]
    if kwargs.get("manager_email"):
        args += ["--manager-email", kwargs["manager_email"]]
    if kwargs.get("only_managers"):
        args.append("--only-managers")
    runner.run(args, env, "prepare.log", "preparing sessions", timeout=600)
    return json.loads(out.read_text())["endpoints"]


def _answers(url: str, timeout: float = 2) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout):  # noqa: S310 — loopback only
            return True
    except OSError:
        return False


def start_server(runner: Runner, config: Config, env: dict, port: int) -> subprocess.Popen:
    """Start gunicorn; wait_ready() before sending load (it boots while sessions are made)."""
    args = [
        str(Path(PY).parent / "gunicorn"),
        "kantelwerk.wsgi:application",
        "--pythonpath",
        str(ROOT / "site"),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(config.workers),
        "--worker-class",
        config.worker_class,
        "--threads",
        str(config.threads),
        "--log-level",
        "warning",
    ]
    return runner.popen(args, env, "gunicorn.log")


def wait_ready(server: subprocess.Popen, config: Config, port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited; see {server._bench_log.name}")  # type: ignore[attr-defined]
        if _answers(f"http://127.0.0.1:{port}/bench/reference/"):
            say(f"gunicorn up on 127.0.0.1:{port}, {config.workers} {config.worker_class}")
            return
        time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer within 60 s")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def preflight(port: int, target: dict, expect: int) -> tuple[int, str]:
    """One request as the load tool will send it: the status and where a redirect goes."""
    opener = urllib.request.build_opener(_NoRedirect)
    request = urllib.request.Request(f"http://127.0.0.1:{port}{target['path']}")  # noqa: S310
    if target.get("cookie"):
        request.add_header("Cookie", target["cookie"])
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, ""
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location", "")


def write_targets(tmp: Path, key: str, targets: list[dict]) -> Path:
    def lua(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["return {"]
    for target in targets:
        fields = ", ".join(f"{name} = {lua(str(value))}" for name, value in target.items())
        lines.append(f"  {{ {fields} }},")
    lines.append("}")
    path = tmp / f"targets-{key}.lua"
    path.write_text("\n".join(lines) + "\n")
    return path


def wrk(runner, config: Config, port: int, script: str, targets: Path, seconds: int, n: int):
    args = ["wrk", f"-t{n}", f"-c{n}", f"-d{seconds}s", "--timeout", "10s"]
    args += ["-s", str(WRK_DIR / script), f"http://127.0.0.1:{port}", "--", str(targets)]
    proc = runner.popen(args, os.environ.copy(), "wrk.log", stdout=subprocess.PIPE)
    try:
        out, _ = proc.communicate(timeout=seconds + 60)
    finally:
        runner.stop(proc)
        runner.procs.remove(proc)
    text = out.decode(errors="replace")
    for line in text.splitlines():
        if line.startswith("BENCH_JSON "):
            return json.loads(line[len("BENCH_JSON ") :])
    # wrk writes its own errors (a Lua error in a script, a crash) to stderr, into wrk.log.
    log = (runner.log_dir / "wrk.log").read_text(errors="replace")[-2000:]
    raise RuntimeError(
        f"wrk printed no result (exit status {proc.returncode}):\n{text[-2000:]}\n{log}"
    )


def drain(port: int, config: Config) -> None:
    """Wait until the server has worked off requests still queued from the last run.

    wrk stops sending when its time is up, but requests already accepted or waiting in the
    listen backlog are still handled; a few sequential requests queue up behind them.
    """
    for _ in range(config.workers * 2):
        _answers(f"http://127.0.0.1:{port}/bench/reference/", timeout=120)


percentile = live_poll.percentile


def measure_live(port: int, config: Config, spec: dict, row: Row) -> Row:
    """The live-poll row: one whole session, 40 phones and the projector polling."""
    status, location = preflight(port, spec["targets"][0], 200)
    if status != 200:
        row.skip = f"preflight: the state endpoint answered {status} {location}".strip()
        return row
    row.notes.append(f"scenario: {spec['scenario']}")
    tally = live_poll.run(port, spec, window=config.live_step)
    drain(port, config)
    figures = live_poll.summary(tally)
    row.raw = figures
    row.rps = row.requests_per_s = figures["polls_per_s"]
    row.p50, row.p95, row.p99 = (figures[f"poll_p{p}_ms"] for p in (50, 95, 99))
    row.errors = figures["errors"]
    row.error_detail = figures["error_detail"]
    row.statuses = {str(k): v for k, v in tally.poll_statuses.items()}
    row.queries = figures["queries_per_poll"]
    visible = figures["visible_p95_s"]
    ok = None if visible != visible else visible <= LIVE_VISIBLE_GOAL_S
    row.goals.append(Goal(f"vote seen ≤{LIVE_VISIBLE_GOAL_S:.0f}s p95", ok))
    row.notes += [
        f"{len(spec['phones'])} phones + 1 projector every {live_poll.POLL_INTERVAL:.0f} s, "
        f"{figures['steps']} steps of {config.live_step} s, {figures['polls']} polls, "
        f"{figures['share_304']:.0%} 304, cache {'Redis' if config.redis else 'database table'}",
        f"{figures['votes']} votes (p95 {fmt(figures['vote_p95_ms'])} ms); seen by the trainer "
        f"after p50/p95/max {fmt(figures['visible_p50_s'], 2)}/{fmt(figures['visible_p95_s'], 2)}"
        f"/{fmt(figures['visible_max_s'], 2)} s, {figures['visible_within_interval']:.0%} within "
        f"{live_poll.POLL_INTERVAL:.0f} s, {figures['unseen_votes']} never",
        f"page reload p95 {fmt(figures['page_p95_ms'])} ms, trainer action p95 "
        f"{fmt(figures['control_p95_ms'])} ms, {figures['missed_steps']} steps a phone saw "
        "only after the reveal",
    ]
    if row.error_detail:
        row.notes.append(f"errors {row.error_detail}")
    return row


def measure(runner, config, port, tmp, endpoint: Endpoint, spec: dict) -> Row:
    row = Row(endpoint.key, spec.get("label") or endpoint.label)
    if "skip" in spec:
        row.skip = spec["skip"]
        return row
    if endpoint.key == "live-poll":
        return measure_live(port, config, spec, row)
    for name in ("scenario", "page"):
        if spec.get(name):
            row.notes.append(f"{name}: {spec[name]}")
    targets = write_targets(tmp, endpoint.key, spec["targets"])
    if endpoint.key == "step":
        script = "step.lua"
    else:
        script = "get.lua"
        for target in spec["targets"][:4]:
            status, location = preflight(port, target, endpoint.expect)
            if status != endpoint.expect:
                row.skip = f"preflight: {target['path']} answered {status} {location}".strip()
                if status >= 500:
                    log = (tmp / "gunicorn.log").read_text(errors="replace")[-4000:]
                    row.raw = {"server_log": log}
                    tail = "\n".join(log.splitlines()[-6:])
                    say(f"{endpoint.key}: server error (log in the JSON); ends with:\n{tail}")
                return row
    connections = config.connections
    if endpoint.connections:
        connections = config.manager_connections
        row.notes.append(f"{connections} connections")
    if config.warmup:
        wrk(runner, config, port, script, targets, config.warmup, connections)
        drain(port, config)
    raw = wrk(runner, config, port, script, targets, config.duration, connections)
    drain(port, config)
    row.raw = raw
    if not raw["requests"]:
        row.notes.append(f"no response completed within {config.duration} s")
    seconds = raw["duration_us"] / 1e6
    errors = raw["errors"]
    socket_errors = errors["connect"] + errors["read"] + errors["write"] + errors["timeout"]
    row.errors = socket_errors + errors["status"]
    row.error_detail = {k: v for k, v in errors.items() if v}
    row.statuses = raw["statuses"] or {}  # Lua encodes an empty table as []
    row.requests_per_s = raw["requests"] / seconds
    if raw["queries"]["n"]:
        row.queries = raw["queries"]["sum"] / raw["queries"]["n"]
    if endpoint.key == "step":
        threads = raw["threads"]
        steps = sum(t.get("steps") or 0 for t in threads)
        row.rps = steps / seconds
        step_lat = [v for t in threads for v in (t.get("step_lat") or [])]
        row.p50, row.p95, row.p99 = (percentile(step_lat, p) for p in (50, 95, 99))
        for name in ("post", "node", "start"):
            total = sum((t.get(f"{name}_q") or {}).get("sum", 0) for t in threads)
            count = sum((t.get(f"{name}_q") or {}).get("n", 0) for t in threads)
            if count:
                row.queries_detail[name] = round(total / count, 2)
        if "post" in row.queries_detail and "node" in row.queries_detail:
            row.queries_detail["step"] = round(
                row.queries_detail["post"] + row.queries_detail["node"], 2
            )
        for name in ("post", "node"):
            lat = [v for t in threads for v in (t.get(f"{name}_lat") or [])]
            if lat:
                row.notes.append(
                    f"{name} p50/p95 {percentile(lat, 50):.1f}/{percentile(lat, 95):.1f} ms"
                )
        unexpected = sum(t.get("unexpected") or 0 for t in threads)
        stale = sum(t.get("stale") or 0 for t in threads)
        row.notes.append(
            f"{steps} steps, {sum(t.get('finished') or 0 for t in threads)} endings, "
            f"{sum(t.get('starts') or 0 for t in threads)} starts, "
            f"{row.requests_per_s:.1f} HTTP req/s"
        )
        if unexpected or stale:
            row.errors += unexpected
            last = {t.get("last_error") for t in threads if t.get("last_error")}
            row.notes.append(f"{unexpected} unexpected, {stale} stale (409): {sorted(last)}")
    else:
        row.rps = row.requests_per_s
        lat = raw["latency_us"]
        row.p50, row.p95, row.p99 = lat["p50"] / 1000, lat["p95"] / 1000, lat["p99"] / 1000
        unexpected = {s: n for s, n in row.statuses.items() if int(s) != endpoint.expect}
        if unexpected:
            row.notes.append(f"unexpected statuses {unexpected}")
    return row


def judge(rows: list[Row], endpoints: dict[str, Endpoint], config: Config) -> None:
    for row in rows:
        if row.skip:
            continue
        if row.reference_rps and row.key != "live-poll":  # polls come at a set pace
            row.ratio = row.rps / row.reference_rps
        endpoint = endpoints[row.key]
        if row.cold:
            # The goals are for the pages as learners get them; a cold row shows the price
            # of the first request after a publish, and keeps only the query budget.
            pass
        elif endpoint.ratio_goal is not None:
            unit = "steps/ref req" if row.key == "step" else "× ref"
            ok = None if row.ratio is None else row.ratio >= endpoint.ratio_goal
            row.goals.append(Goal(f"≥{endpoint.ratio_goal:.2f} {unit}", ok))
        if endpoint.p95_goal_ms is not None and not row.cold:
            goal = Goal(f"p95<{endpoint.p95_goal_ms:.0f}ms", row.p95 < endpoint.p95_goal_ms)
            if row.key == "org":
                members = endpoint_members(row)
                if members is not None and members < 5000:
                    goal.text += f" (goal for 5,000; here {members})"
            row.goals.append(goal)
        if endpoint.zero_errors:
            row.goals.append(Goal("0 errors", row.errors == 0))
        if row.key != "reference":
            queries = row.queries_detail.get("step", row.queries)
            per = "/step" if row.key == "step" else ""
            if row.key == "step":
                # The goal is per page: each request of the step stays within it.
                worst = max(row.queries_detail.get(k, 0) for k in ("post", "node"))
                row.goals.append(Goal(f"≤{MAX_QUERIES} q/req", worst <= MAX_QUERIES))
            elif queries is not None:
                row.goals.append(Goal(f"≤{MAX_QUERIES} q{per}", queries <= MAX_QUERIES))


def endpoint_members(row: Row) -> int | None:
    match = re.search(r"\((\d+) people\)", row.label)
    return int(match.group(1)) if match else None


# -------------------------------------------------------------------------------- output


def fmt(value: float | None, digits: int = 1) -> str:
    if value is None or value != value:
        return "–"
    return f"{value:,.{digits}f}"


def print_table(rows: list[Row], header: str) -> str:
    columns = ["endpoint", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "q/req", "× ref"]
    lines = []
    body = []
    for row in rows:
        if row.skip:
            body.append([row.label, f"skipped: {row.skip}"])
            continue
        rps = fmt(row.rps) + (" steps" if row.key == "step" else "")
        queries = row.queries_detail.get("step", row.queries)
        q = fmt(queries, 1) + ("/step" if row.key == "step" else "")
        body.append(
            [
                row.label,
                rps,
                fmt(row.p50),
                fmt(row.p95),
                fmt(row.p99),
                str(row.errors),
                q,
                fmt(row.ratio, 3),
                "  ".join(str(g) for g in row.goals),
            ]
        )
    widths = [len(c) for c in columns]
    for cells in body:
        if len(cells) > 2:
            for i, cell in enumerate(cells[: len(columns)]):
                widths[i] = max(widths[i], len(cell))
    widths[0] = max(widths[0], *(len(cells[0]) for cells in body))

    def line(cells):
        first = cells[0].ljust(widths[0])
        rest = [cell.rjust(widths[i + 1]) for i, cell in enumerate(cells[1 : len(columns)])]
        return "  ".join([first, *rest])

    lines.append(header)
    lines.append(line(columns) + "  goals")
    lines.append("-" * (sum(widths) + 2 * len(widths) + 20))
    for cells in body:
        if len(cells) == 2:
            lines.append(f"{cells[0].ljust(widths[0])}  {cells[1]}")
        else:
            lines.append(line(cells) + "  " + cells[-1])
    notes = [f"  {row.label}: {'; '.join(row.notes)}" for row in rows if row.notes]
    if notes:
        lines.append("notes:")
        lines.extend(notes)
    text = "\n".join(lines)
    print(text, flush=True)
    return text


def machine() -> dict:
    return {
        "cpus": os.cpu_count(),
        "loadavg": [round(x, 2) for x in os.getloadavg()],
        "python": sys.version.split()[0],
    }


def write_json(kind: str, config: Config, payload: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    suffix = f"-{kind}" if kind != "table" else ""
    path = RESULTS / f"{stamp}-{config.db}{suffix}.json"
    settings = {k: v for k, v in config.__dict__.items() if k != "pg_url"}
    path.write_text(json.dumps({"config": settings, "quick": QUICK, **payload}, indent=1))
    return path


def row_json(row: Row) -> dict:
    data = {k: v for k, v in row.__dict__.items() if k not in {"goals", "raw"}}
    data["goals"] = [{"goal": g.text, "met": g.ok} for g in row.goals]
    data["wrk"] = {k: v for k, v in row.raw.items() if k != "threads"}
    if "server_log" in row.raw:
        data["server_log"] = data["wrk"].pop("server_log")
    return data


# ---------------------------------------------------------------------------------- runs


def restart_server(runner: Runner, config: Config, env: dict, port: int, server):
    runner.stop(server)
    runner.procs.remove(server)
    server = start_server(runner, config, env, port)
    wait_ready(server, config, port)
    return server


def reference_row(rows: list[Row]) -> Row:
    """The reference line of the table: the median of its interleaved runs."""
    runs = [row for row in rows if not row.skip]
    if not runs:
        return Row("reference", "reference view (ceiling)", skip="every reference run failed")
    ordered = sorted(runs, key=lambda row: row.rps)
    row = ordered[len(ordered) // 2]
    row.reference_rps = row.rps
    row.label = f"reference view (ceiling), median of {len(runs)} runs"
    row.notes.append("runs between the rows " + ", ".join(f"{r.rps:,.0f}" for r in runs) + " req/s")
    return row


def measure_interleaved(runner, config, port, tmp, specs, endpoints, references, *, cold=False):
    """Measure each endpoint between two reference runs; its ratio is to their mean.

    The machine's speed drifts by tens of percent within minutes (a shared VM), so a ratio
    to one reference run at the start moves with the minute an endpoint happened to run in.
    The reference after one endpoint is the reference before the next.
    """
    reference = next(e for e in ENDPOINTS if e.key == "reference")

    def reference_run() -> Row:
        say("measuring reference" + (" (cold server)" if cold else ""))
        row = measure(runner, config, port, tmp, reference, specs["reference"])
        references.append(row)
        return row

    rows = []
    before = reference_run()
    for endpoint in endpoints:
        say(f"measuring {endpoint.key}{', cold' if cold else ''} ({config.duration} s)")
        try:
            row = measure(runner, config, port, tmp, endpoint, specs[endpoint.key])
        except (RuntimeError, OSError, ValueError, KeyError) as error:
            say(f"{endpoint.key} failed: {error}")
            row = Row(endpoint.key, endpoint.label, skip=f"failed: {error}")
        if row.skip:
            rows.append(row)
            continue
        after = reference_run()
        known = [r.rps for r in (before, after) if not r.skip and r.rps]
        if known:
            row.reference_rps = sum(known) / len(known)
            row.notes.append(
                "reference before/after " + "/".join(f"{r:,.0f}" for r in known) + " req/s"
            )
        if cold:
            row.cold = True
            row.label += ", cold"
        rows.append(row)
        before = after
    return rows


def run_table(runner: Runner, config: Config, tmp: Path, env: dict) -> None:
    load_before = machine()
    build_base(runner, config, tmp, env)
    status, email = load_data(runner, env, config.learners, config.attempts)
    port = free_port()
    server = start_server(runner, config, env, port)
    specs = prepare(runner, config, tmp, env, load_status=status, manager_email=email)
    settle_database(config)
    say("sessions and attempts prepared")
    wait_ready(server, config, port)
    by_key = {e.key: e for e in ENDPOINTS}

    def chosen(endpoint: Endpoint) -> bool:
        return endpoint.key != "reference" and (not config.only or endpoint.key in config.only)

    http = [e for e in ENDPOINTS if chosen(e) and e.key != "live-poll"]
    references: list[Row] = []
    rows = measure_interleaved(runner, config, port, tmp, specs, http, references)
    loads = {"warm": os.getloadavg()[0]}
    cold = [e for e in http if e.cached]
    if config.cold and cold:
        # Every revision-cache fragment missed (and still written), as on the first request
        # after a publish: the bench settings make the fragment cache one that never hits.
        say("restarting the server with a fragment cache that never hits (cold rows)")
        server = restart_server(runner, config, {**env, "BENCH_COLD_SERVER": "1"}, port, server)
        rows += measure_interleaved(runner, config, port, tmp, specs, cold, references, cold=True)
        loads["cold"] = os.getloadavg()[0]
    live = by_key["live-poll"]
    if chosen(live):
        env_live = env
        if not config.redis:
            # Production's cache is shared by the workers; the bench's per-process one would
            # keep a live session's old state in the worker that did not take the write.
            env_live = {**env, "BENCH_SHARED_CACHE": "1"}
            args = [PY, "manage.py", "createcachetable"]
            runner.run(args, env_live, "createcachetable.log", "cache table")
        server = restart_server(runner, config, env_live, port, server)
        say("measuring live-poll (a whole session)")
        try:
            rows.append(measure(runner, config, port, tmp, live, specs["live-poll"]))
        except (RuntimeError, OSError, ValueError, KeyError) as error:
            say(f"live-poll failed: {error}")
            rows.append(Row(live.key, live.label, skip=f"failed: {error}"))
    rows.insert(0, reference_row(references))
    judge(rows, by_key, config)
    info = machine()
    header = (
        f"Kantelwerk bench — {config.db}, {config.learners} learners x {config.attempts} "
        f"attempts, gunicorn {config.workers} {config.worker_class} workers, wrk "
        f"{config.connections} connections ({config.manager_connections} for the manager "
        f"overview), {config.duration} s per endpoint"
        f"{' (BENCH_QUICK)' if QUICK else ''}\n"
        f"machine: {info['cpus']} CPUs, load average (1 min) {load_before['loadavg'][0]} at "
        f"start, "
        + ", ".join(f"{v:.2f} after the {k} rows" for k, v in loads.items())
        + f", {info['loadavg'][0]} at end (the bench itself adds about 2-3)"
    )
    print()
    table = print_table(rows, header)
    path = write_json(
        "table",
        config,
        {
            "machine_start": load_before,
            "machine_end": info,
            "loadavg_after": loads,
            "rows": [row_json(row) for row in rows],
            "table": table,
        },
    )
    print(f"\nwritten to {path.relative_to(ROOT)}")


def run_scale(runner: Runner, config: Config, tmp: Path, env: dict) -> None:
    load_before = machine()
    build_base(runner, config, tmp, env)
    snapshot(config, tmp)
    org = next(e for e in ENDPOINTS if e.key == "org")
    team = next(e for e in ENDPOINTS if e.key == "team")
    by_completion = next(e for e in ENDPOINTS if e.key == "org-completion")
    results = []
    for size in config.scale_sizes:
        restore(config, tmp)
        status, email = load_data(runner, env, size, config.attempts)
        if status != "ok":
            print(f"manager overview scaling: skipped, {status}")
            return
        port = free_port()
        server = start_server(runner, config, env, port)
        try:
            specs = prepare(
                runner,
                config,
                tmp,
                env,
                load_status=status,
                manager_email=email,
                only_managers=True,
            )
            wait_ready(server, config, port)
            for endpoint in (org, by_completion, team):
                say(f"measuring {endpoint.key} at {size} learners ({config.duration} s)")
                row = measure(runner, config, port, tmp, endpoint, specs[endpoint.key])
                results.append((size, row))
        finally:
            runner.stop(server)
            runner.procs.remove(server)
    lines = [
        f"Manager overview scaling — {config.db}, {config.attempts} attempts per learner, "
        f"{config.duration} s per size{' (BENCH_QUICK)' if QUICK else ''}; "
        f"load average {load_before['loadavg'][0]} at start, {os.getloadavg()[0]:.2f} at end",
        f"{'learners':>9}  {'view':<44}  {'req/s':>7}  {'p50 ms':>7}  {'p95 ms':>7}  "
        f"{'errors':>6}  {'q/req':>5}",
    ]
    for size, row in results:
        if row.skip:
            lines.append(f"{size:>9}  {row.label:<44}  skipped: {row.skip}")
            continue
        lines.append(
            f"{size:>9}  {row.label:<44}  {fmt(row.rps):>7}  {fmt(row.p50):>7}  "
            f"{fmt(row.p95):>7}  {row.errors:>6}  {fmt(row.queries):>5}"
        )
    summary = {}
    for key in ("org", "org-completion", "team"):
        measured = [(size, row) for size, row in results if row.key == key and not row.skip]
        if len(measured) >= 2:
            smallest, largest = measured[0], measured[-1]
            ratio = largest[1].p95 / smallest[1].p95 if smallest[1].p95 else float("nan")
            summary[key] = ratio
            goal = Goal("≤3×", ratio <= 3) if key == "org" else None
            if key == "org-completion":  # issue 18: sorting 20,000 people by completion
                goal = Goal(f"p95 {largest[1].p95:.0f} ms < 150 ms", largest[1].p95 < 150)
            lines.append(
                f"{key}: p95 at {largest[0]} / p95 at {smallest[0]} = {ratio:.2f}"
                + (f"  goal {goal}" if goal else "")
            )
    text = "\n".join(lines)
    print()
    print(text, flush=True)
    payload = {
        "machine_start": load_before,
        "machine_end": machine(),
        "sizes": [{"learners": size, **row_json(row)} for size, row in results],
        "ratio_largest_smallest_p95": summary,
        "table": text,
    }
    path = write_json("scale", config, payload)
    print(f"\nwritten to {path.relative_to(ROOT)}")


def main() -> int:
    config = Config()
    if config.db not in {"sqlite", "postgres"}:
        raise SystemExit("BENCH_DB must be sqlite or postgres")
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk (Debian) or brew install wrk")
    tmp = Path(tempfile.mkdtemp(prefix="kantelwerk-bench-"))
    runner = Runner(tmp)
    env = django_env(config, tmp)

    def terminate(signum, frame):
        raise KeyboardInterrupt

    # Also SIGINT: a shell that starts us in the background may have set it to be ignored.
    signal.signal(signal.SIGTERM, terminate)
    signal.signal(signal.SIGINT, terminate)
    started = time.monotonic()
    try:
        if env_flag("BENCH_SCALE"):
            run_scale(runner, config, tmp, env)
        else:
            run_table(runner, config, tmp, env)
        return 0
    except KeyboardInterrupt:
        say("interrupted; stopping everything")
        return 130
    except Exception as error:
        say(f"failed: {error}")
        logs = sorted(tmp.glob("*.log"), key=lambda p: p.stat().st_mtime)
        if logs:
            say(f"last lines of {logs[-1].name}:")
            print(logs[-1].read_text(errors="replace")[-3000:], file=sys.stderr)
        return 1
    finally:
        runner.stop_all()
        if config.keep:
            say(
                f"kept {tmp}: DATABASE_URL={env['DATABASE_URL']} "
                f"BENCH_STATIC_ROOT={env['BENCH_STATIC_ROOT']}"
            )
        else:
            drop_databases(config)
            shutil.rmtree(tmp, ignore_errors=True)
        say(f"done in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    sys.exit(main())
