"""The live-poll row: a live group session with 40 phones and 1 projector on loopback.

Each phone and the projector behave as templates/live + static/js/live.js make a browser
behave: poll the state endpoint 2 s after the last answer (with If-None-Match once they have
an ETag), reload the page on a new phase. A phone that sees a new step votes after a short
think (POST, then the page it is sent back to). The trainer (one more thread) leaves each
step open for a few poll intervals, then reveals, follows the planned choice and moves on,
through the steps that bench/prepare.py planned (a route that reaches no ending).

Plain threads and http.client, one connection per request like a browser against a sync
worker. The summary functions at the top are pure and tested in tests/bench.
"""

from __future__ import annotations

import http.client
import json
import random
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

POLL_INTERVAL = 2.0  # static/js/live.js: setTimeout(poll, 2000) after each answer
VOTE_WINDOW_POLLS = 2.5  # a step stays open this many poll intervals before the reveal
THINK = (0.3, 1.5)  # seconds a phone takes to vote once it shows the new step


# ---------------------------------------------------------------------- pure: summaries


def percentile(values: list[float], pct: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


@dataclass(frozen=True)
class Seen:
    """What the trainer's screen knew after one poll answer (a 304 keeps what it knew)."""

    at: float
    step: int
    votes: int


def visibility_delays(votes: list[tuple[int, float]], seen: list[Seen]) -> tuple[list[float], int]:
    """Seconds from each vote's answer until the trainer's screen counted it, and how many
    votes it never counted.

    ``votes`` are (step, time the vote's answer arrived). Only counts reach the screen, so the
    i-th vote of a step to be answered counts as seen at the first poll answer after it that
    shows at least i votes for that step.
    """
    by_step: dict[int, list[float]] = {}
    for step, at in votes:
        by_step.setdefault(step, []).append(at)
    ordered_seen = sorted(seen, key=lambda s: s.at)
    delays, unseen = [], 0
    for step, times in by_step.items():
        screens = [s for s in ordered_seen if s.step == step]
        for number, at in enumerate(sorted(times), start=1):
            hit = next((s for s in screens if s.at >= at and s.votes >= number), None)
            if hit is None:
                unseen += 1
            else:
                delays.append(hit.at - at)
    return delays, unseen


@dataclass
class Tally:
    """Everything the clients measured; ``summary`` turns it into the row's figures."""

    poll_ms: list[float] = field(default_factory=list)
    poll_statuses: dict[int, int] = field(default_factory=dict)
    poll_queries: list[int] = field(default_factory=list)
    vote_ms: list[float] = field(default_factory=list)
    page_ms: list[float] = field(default_factory=list)
    control_ms: list[float] = field(default_factory=list)
    votes: list[tuple[int, float]] = field(default_factory=list)
    seen: list[Seen] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    missed_steps: int = 0  # a phone first saw a step after its reveal: no vote
    steps_done: int = 0
    seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def error(self, kind: str) -> None:
        with self.lock:
            self.errors[kind] = self.errors.get(kind, 0) + 1


def summary(tally: Tally, interval: float = POLL_INTERVAL) -> dict:
    polls = len(tally.poll_ms)
    not_modified = tally.poll_statuses.get(304, 0)
    delays, unseen = visibility_delays(tally.votes, tally.seen)
    return {
        "polls": polls,
        "polls_per_s": polls / tally.seconds if tally.seconds else 0.0,
        "poll_p50_ms": percentile(tally.poll_ms, 50),
        "poll_p95_ms": percentile(tally.poll_ms, 95),
        "poll_p99_ms": percentile(tally.poll_ms, 99),
        "share_304": not_modified / polls if polls else 0.0,
        "queries_per_poll": (
            sum(tally.poll_queries) / len(tally.poll_queries) if tally.poll_queries else None
        ),
        "votes": len(tally.votes),
        "vote_p95_ms": percentile(tally.vote_ms, 95),
        "page_p95_ms": percentile(tally.page_ms, 95),
        "control_p95_ms": percentile(tally.control_ms, 95),
        "visible_p50_s": percentile(delays, 50),
        "visible_p95_s": percentile(delays, 95),
        "visible_max_s": max(delays) if delays else float("nan"),
        "visible_within_interval": (
            sum(1 for d in delays if d <= interval) / len(delays) if delays else 0.0
        ),
        "unseen_votes": unseen,
        "missed_steps": tally.missed_steps,
        "steps": tally.steps_done,
        "errors": sum(tally.errors.values()),
        "error_detail": dict(tally.errors),
    }


# ------------------------------------------------------------------------------ clients


class Client:
    def __init__(self, port: int, cookie: str, tally: Tally, timeout: float = 10):
        self.port, self.cookie, self.tally, self.timeout = port, cookie, tally, timeout

    def request(self, method: str, path: str, body: dict | None = None, headers=None):
        """(status, headers, body bytes, ms), or None after a socket error (counted)."""
        headers = {"Cookie": self.cookie, **(headers or {})}
        data = None
        if body is not None:
            data = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        try:
            connection.request(method, path, body=data, headers=headers)
            response = connection.getresponse()
            content = response.read()
        except OSError:
            self.tally.error("socket")
            return None
        finally:
            connection.close()
        return response.status, response.headers, content, (time.perf_counter() - started) * 1000

    def expect(self, answer, status: int, kind: str, sink: list[float]) -> bool:
        if answer is None:
            return False
        with self.tally.lock:
            sink.append(answer[3])
        if answer[0] != status:
            self.tally.error(f"{kind} {answer[0]}")
            return False
        return True


class Screen(threading.Thread):
    """A phone (votes) or the projector (``page`` is the projector; it only watches)."""

    def __init__(self, client: Client, spec: dict, plan: list[dict], stop, rng, phone: bool):
        super().__init__(daemon=True)
        self.client, self.spec, self.plan, self.stop, self.rng = client, spec, plan, stop, rng
        self.phone = phone
        self.etag: str | None = None
        self.phase = ""
        self.voted_step = 0
        self.known = (0, 0)  # (step, votes) as last shown

    def run(self) -> None:
        self.stop.wait(self.rng.uniform(0, POLL_INTERVAL))  # screens do not start together
        while not self.stop.is_set():
            try:
                self.poll()
            except Exception as error:  # noqa: BLE001 — counted, and the screen goes on
                self.client.tally.error(f"client {type(error).__name__}")
            self.stop.wait(POLL_INTERVAL)

    def poll(self) -> None:
        headers = {"If-None-Match": self.etag} if self.etag else {}
        # Phones poll for a new phase only, as their pages do (live.js, ``?scope=phase``).
        url = self.spec["state"] + ("?scope=phase" if self.phone else "")
        answer = self.client.request("GET", url, headers=headers)
        tally = self.client.tally
        if answer is None:
            return
        status, response_headers, content, ms = answer
        at = time.monotonic()
        with tally.lock:
            tally.poll_ms.append(ms)
            tally.poll_statuses[status] = tally.poll_statuses.get(status, 0) + 1
            if response_headers.get("X-Queries"):
                tally.poll_queries.append(int(response_headers["X-Queries"]))
        if status == 304:
            if not self.phone:
                with tally.lock:
                    tally.seen.append(Seen(at, *self.known))
            return
        if status != 200:
            tally.error(f"poll {status}")
            return
        self.etag = response_headers.get("ETag")
        data = json.loads(content)
        self.known = (data["step"], data.get("votes", 0))
        if not self.phone:
            with tally.lock:
                tally.seen.append(Seen(at, *self.known))
        if data["phase"] != self.phase:
            first = not self.phase
            self.phase = data["phase"]
            if not first:
                # A phone that took part lands on a thank-you page when the session ends.
                self.reload(200)
            if self.phone:
                self.maybe_vote(data)

    def reload(self, status: int = 200) -> None:
        """A new phase: live.js reloads the page, and polls from scratch (no ETag)."""
        self.etag = None
        answer = self.client.request("GET", self.spec["page"])
        self.client.expect(answer, status, "page", self.client.tally.page_ms)

    def maybe_vote(self, data: dict) -> None:
        step = data["step"]
        if data["state"] != "running" or step == self.voted_step or step > len(self.plan):
            return
        if data["revealed"]:
            with self.client.tally.lock:
                self.client.tally.missed_steps += 1
            self.voted_step = step
            return
        self.stop.wait(self.rng.uniform(*THINK))
        choice = self.rng.choice(self.plan[step - 1]["choices"])
        form = {"step": step, "choice": choice, "csrfmiddlewaretoken": self.spec["csrf"]}
        answer = self.client.request("POST", self.spec["vote"], body=form)
        self.voted_step = step
        if self.client.expect(answer, 302, "vote", self.client.tally.vote_ms):
            with self.client.tally.lock:
                self.client.tally.votes.append((step, time.monotonic()))
            self.reload()  # the browser follows the redirect back to the vote page


def drive(client: Client, spec: dict, plan: list[dict], stop, window: float) -> None:
    """The trainer: leave each step open, reveal, follow the planned choice, next; finish."""
    tally = client.tally

    def act(action: str, **extra) -> None:
        form = {"action": action, "csrfmiddlewaretoken": spec["csrf"], **extra}
        answer = client.request("POST", spec["control"], body=form)
        if client.expect(answer, 302, f"control {action}", tally.control_ms):
            answer = client.request("GET", spec["control"])  # the redirect back
            client.expect(answer, 200, "control page", tally.control_ms)

    for step, entry in enumerate(plan, start=1):
        if stop.wait(window):
            return
        # The control page's forms carry the step they show (a stale tab is refused).
        act("reveal", step=step)
        act("follow", choice=entry["follow"], step=step)
        act("next", step=step)
        tally.steps_done += 1
    stop.wait(window)
    act("finish")


def run(port: int, spec: dict, *, seed: int = 16, window: float | None = None) -> Tally:
    """The whole session once: returns what the clients measured."""
    tally = Tally()
    stop = threading.Event()
    rng = random.Random(seed)
    plan = spec["plan"]
    window = POLL_INTERVAL * VOTE_WINDOW_POLLS if window is None else window
    screens = [
        Screen(
            Client(port, phone["cookie"], tally),
            phone,
            plan,
            stop,
            random.Random(rng.random()),
            True,
        )
        for phone in spec["phones"]
    ]
    projector = spec["projector"]
    screens.append(
        Screen(Client(port, projector["cookie"], tally), projector, plan, stop, rng, False)
    )
    started = time.monotonic()
    for screen in screens:
        screen.start()
    try:
        drive(Client(port, spec["trainer"]["cookie"], tally), spec["trainer"], plan, stop, window)
        stop.wait(POLL_INTERVAL * 1.5)  # the screens see the end
    finally:
        stop.set()
        for screen in screens:
            screen.join(timeout=15)
    tally.seconds = time.monotonic() - started
    return tally
