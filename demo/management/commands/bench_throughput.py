"""Requests per second of the library's pages through a real server, beside the floor's.

Starts gunicorn (two sync workers, DEBUG off, the floor page added: demo/bench_settings.py)
on a free port of 127.0.0.1 against the DATABASE_URL database, asks each page once to check
it answers 200 and to fill the cache, then loads it with ``wrk`` (``hey`` where wrk is
missing) for a bounded time, and prints a Markdown table: requests per second, as a share
of the floor's, and errors (failed connections and any answer other than 2xx). gunicorn is
stopped whatever happens. Only 127.0.0.1 is ever asked.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.floor_urls import FLOOR_URL

PAGES = [
    ("floor: base template, same middleware", FLOOR_URL),
    ("/lessons/", "/lessons/"),
    ("/reviews/", "/reviews/"),
]
# The share of the floor's requests per second each page should reach.
TARGETS = {"/lessons/": 50, "/reviews/": 40}
READY_SECONDS = 60


@dataclass
class Load:
    requests_per_second: float
    errors: int
    median_ms: float | None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def parse_wrk(output: str) -> Load:
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if rate is None:
        raise CommandError(f"wrk said:\n{output}")
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors += int(non_2xx.group(1)) if non_2xx else 0
    median = re.search(r"^\s+50%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
    return Load(float(rate.group(1)), errors, _ms(*median.groups()) if median else None)


def parse_hey(output: str) -> Load:
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if rate is None:
        raise CommandError(f"hey said:\n{output}")
    answers = re.findall(r"\[(\d{3})\]\s+(\d+) responses", output)
    errors = sum(int(n) for status, n in answers if not status.startswith("2"))
    failures = re.search(r"Error distribution:(.*)", output, re.DOTALL)
    if failures:
        errors += sum(int(n) for n in re.findall(r"\[(\d+)\]", failures.group(1)))
    median = re.search(r"50%+ in ([\d.]+) secs", output)
    return Load(float(rate.group(1)), errors, float(median.group(1)) * 1000 if median else None)


class Command(BaseCommand):
    help = "Requests per second of /lessons/ and /reviews/ through gunicorn, as a share of the floor's."

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=int, default=10, help="Seconds of load per page (at most 60).")
        parser.add_argument("--connections", type=int, default=8)
        parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers.")
        parser.add_argument("--output", default="bench-results", help="Folder for throughput.md.")

    def handle(self, *args, duration, connections, workers, output, **options):
        if not 1 <= duration <= 60:
            raise CommandError("--duration is between 1 and 60 seconds.")
        tool = shutil.which("wrk") or shutil.which("hey")
        if tool is None:
            raise CommandError("Neither wrk nor hey is installed: apt-get install wrk")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = self._start(port, workers)
        try:
            self._wait_ready(server, base + FLOOR_URL)
            results = []
            for label, url in PAGES:
                self._check(base + url)
                load = self._load(tool, base + url, duration, connections)
                results.append((label, url, load))
                self.stdout.write(f"  {label}: {load.requests_per_second:.1f} req/s, {load.errors} errors")
        finally:
            self._stop(server)
        self._report(results, Path(output), tool, duration, connections, workers)

    def _start(self, port, workers):
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "demo.bench_settings", "PYTHONUNBUFFERED": "1"}
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "lscb.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            "--worker-class=sync",
            "--log-level=warning",
        ]
        self.stdout.write(f"gunicorn on 127.0.0.1:{port}, {workers} sync workers, DEBUG off")
        # Our own interpreter and arguments; a session of its own, so that stopping it stops its workers.
        return subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, start_new_session=True)  # noqa: S603

    def _wait_ready(self, server, url):
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise CommandError(f"gunicorn stopped at start (exit code {server.returncode}).")
            try:
                with urllib.request.urlopen(url, timeout=5):  # noqa: S310 - our own server on 127.0.0.1
                    return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        raise CommandError(f"gunicorn did not answer within {READY_SECONDS} s.")

    def _check(self, url):
        # Once per worker and more: each sync worker keeps its own in-memory cache.
        for _ in range(6):
            try:
                with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - 127.0.0.1 only
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            if status != 200:
                raise CommandError(f"{url} answered {status}")

    def _load(self, tool, url, duration, connections) -> Load:
        if Path(tool).name == "wrk":
            command = [tool, "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url]
            parse = parse_wrk
        else:
            command = [tool, "-z", f"{duration}s", "-c", str(connections), url]
            parse = parse_hey
        done = subprocess.run(  # noqa: S603 - an installed tool, against 127.0.0.1
            command, capture_output=True, text=True, timeout=duration + 60, check=False
        )
        return parse(done.stdout + done.stderr)

    def _stop(self, server):
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)  # the master and its workers: the session it started
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()

    def _report(self, results, folder, tool, duration, connections, workers):
        floor = results[0][2].requests_per_second or 1
        lines = [
            f"gunicorn, {workers} sync workers, DEBUG off; {Path(tool).name}, {connections} connections, "
            f"{duration} s per page; {os.cpu_count()} cores.",
            "",
            "| page | requests/s | % of floor | target | median latency (ms) | errors |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        missed = []
        for label, url, load in results:
            share = 100 * load.requests_per_second / floor
            target = TARGETS.get(url)
            if (target and share < target) or load.errors:
                missed.append(label)
            median = f"{load.median_ms:.1f}" if load.median_ms is not None else ""
            lines.append(
                f"| {label} | {load.requests_per_second:.1f} | {share:.0f}% | "
                f"{f'≥ {target}%' if target else ''} | {median} | {load.errors} |"
            )
        table = "\n".join(lines)
        self.stdout.write("\n" + table)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "throughput.md").write_text(table + "\n")
        self.stdout.write(f"\nWritten to {folder}/throughput.md")
        if missed:
            self.stdout.write(f"Below target or with errors: {', '.join(missed)}")
