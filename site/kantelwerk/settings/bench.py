"""Benchmark settings: production, plus only what a loopback load test needs.

Everything that shapes the cost of a request is production's: DEBUG off, WhiteNoise with
compressed, hashed static files, the same middleware, the same database and cache set-up
(DATABASE_URL, REDIS_URL). The bench-only differences:

- plain HTTP on 127.0.0.1: no SSL redirect, no HSTS, cookies without the Secure flag
  (the load tool talks plain HTTP and must send the session and CSRF cookies back);
- a fixed SECRET_KEY, so a run needs no secrets;
- a reference view at /bench/reference/ (kantelwerk.bench_urls) that returns a fixed short
  response through the same middleware: the ceiling this server allows on this machine;
- an X-Queries response header (kantelwerk.bench_middleware) with the number of database
  queries the request made, so the driver can print queries per request.

bench/run.py sets DATABASE_URL and BENCH_STATIC_ROOT to a temporary database and directory.
"""

import os
import tempfile

# Production refuses to start without a long SECRET_KEY. The bench uses a fixed one: it only
# ever signs sessions in a throw-away database on loopback.
_BENCH_SECRET_KEY = "bench-only-not-secret-0c5f1e7a9b3d2f4e6a8c0b1d3f5e7a9c2b4d6f8e0a1c3e5g7i9k"  # noqa: S105
os.environ["SECRET_KEY"] = _BENCH_SECRET_KEY
# Never fall back to the developer's db.sqlite3: without DATABASE_URL, use a file in /tmp.
os.environ.setdefault(
    "DATABASE_URL", f"sqlite:///{os.path.join(tempfile.gettempdir(), 'kantelwerk-bench.sqlite3')}"
)

from .production import *  # noqa: E402, F403

BENCH = True

ALLOWED_HOSTS = ["127.0.0.1"]
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

STATIC_ROOT = os.environ.get(
    "BENCH_STATIC_ROOT", os.path.join(tempfile.gettempdir(), "kantelwerk-bench-static")
)

ROOT_URLCONF = "kantelwerk.bench_urls"
# Outermost, so the count includes the queries of every other middleware (session, user).
MIDDLEWARE = ["kantelwerk.bench_middleware.QueryCountMiddleware", *MIDDLEWARE]  # noqa: F405

if not os.environ.get("REDIS_URL"):
    # Production without Redis keeps its cache in a database table so that rate limits hold
    # across workers. The bench has no use for rate limits and its published figures were
    # measured with the per-process cache, so it keeps that one (BENCH_REDIS=1 for Redis).
    # The live-poll row needs production's shared cache (a live session's state is forgotten
    # on every write, in every worker): bench/run.py starts its server with BENCH_SHARED_CACHE.
    CACHES = caches_from_env(shared=bool(os.environ.get("BENCH_SHARED_CACHE")))  # noqa: F405

if "KEY_PREFIX" in CACHES["default"]:  # noqa: F405
    # A bench run against a shared Redis never reads or clears anyone else's keys.
    CACHES["default"]["KEY_PREFIX"] = os.environ.get("BENCH_CACHE_PREFIX", "kantelwerk-bench")  # noqa: F405

if os.environ.get("BENCH_COLD_SERVER"):
    # The bench's cold rows: the fragment cache (Django's "template_fragments" alias, see
    # scenarios/revision_cache.py) becomes a copy of the configured cache that never hits, so
    # every fragment is rendered and written as on the first request after a publish.
    # Sessions, rate limits and the rest keep the real cache.
    from kantelwerk.bench_cache import COLD  # noqa: E402

    CACHES["template_fragments"] = {  # noqa: F405
        **CACHES["default"],  # noqa: F405
        "BACKEND": COLD[CACHES["default"]["BACKEND"]],  # noqa: F405
    }

if os.environ.get("BENCH_BUILD") and DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # Building the throw-away database (migrate, demo, load data) need not survive a power
    # cut; the server itself runs with production's SQLite options.
    _options = dict(DATABASES["default"]["OPTIONS"])  # noqa: F405
    _options["init_command"] = _options["init_command"].replace(
        "synchronous=NORMAL", "synchronous=OFF"
    )
    DATABASES["default"]["OPTIONS"] = _options  # noqa: F405

# The step benchmark replays one attempt per connection as fast as the server answers, which
# is exactly what the step limit exists to stop; lift it so the bench measures the server.
SCENARIO_STEP_LIMIT = (10**9, 10)
