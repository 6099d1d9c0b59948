#!/usr/bin/env python3
"""The fault-injection suite: real `hpo worker` processes on a real PostgreSQL cluster of the suite's
own (and on SQLite), hit by the faults of issue 20, each scenario checked for:

  * every objective that returned (a line in the side log) has its value stored exactly once, unless
    its worker was killed or paused before storing it (then its trial was failed by the sweep);
  * no worker exits on a transient fault (every worker not killed by the suite exits 0);
  * no trial is RUNNING after the sweep (`hpo studies show`, as a user would look);
  * trial numbers have no gaps and no duplicates.

Run through .ci/faults/run.sh, which creates and removes the PostgreSQL cluster. Loopback only;
every wait is bounded. Prints the table `scenario | runs | objectives returned | values stored | lost |
duplicated | workers exited` and exits 1 when any check fails.
"""
import argparse
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
JAR = ROOT / "hpo4j-cli" / "target" / "hpo4j-cli.jar"
OBJECTIVE = Path(__file__).resolve().parent / "objective.sh"
JAVA = ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx160m", "-Xss512k", "-Dai.djl.offline=true",
        "-jar", str(JAR)]
WORKER_TIMEOUT = 150  # seconds any one worker may take; a hang fails the scenario
HALTED = 99  # the exit status of a process halted at its armed fault point (org.hpo4j.storage.FaultPoint)
PHASES = ("create", "param", "heartbeat", "finish")


def java(fault=None):
    """The CLI's command line; with fault=PHASE:N the process halts (as kill -9 would) the N-th time it
    reaches PHASE of the storage path (trial creation, parameter write, heartbeat, finish, journal append)."""
    return JAVA[:-2] + ([f"-Dhpo4j.fault={fault}"] if fault else []) + JAVA[-2:]


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Suite:
    def __init__(self, args):
        self.args = args
        self.work = Path(args.work)
        self.work.mkdir(parents=True, exist_ok=True)
        self.rng = random.Random(args.seed)
        self.rows = []
        self.failures = []
        self.lock = threading.Lock()

    # --- the database -----------------------------------------------------------------------
    def pg_url(self, options):
        a = self.args
        return (f"postgresql://{a.pg_user}:{a.pg_password}@127.0.0.1:{a.pg_port}/{a.pg_db}?" + options)

    def pg(self, action):
        a = self.args
        cmd = ["pg_ctlcluster", a.pg_version, a.pg_cluster, action] + (["-m", "immediate"] if action == "stop" else [])
        subprocess.run(cmd, check=True, timeout=60, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    # --- workers ------------------------------------------------------------------------------
    def study_file(self, name, nap):
        d = self.work / name
        d.mkdir(parents=True, exist_ok=True)
        f = d / "study.yaml"
        f.write_text(f"name: {name}\ndirection: minimize\nsampler: random\n"
                     f"objective:\n  command: [sh, {OBJECTIVE}, \"{{x}}\", \"{{y}}\"]\n"
                     "space:\n  x: {low: -1.0, high: 1.0}\n  y: {low: -1.0, high: 1.0}\n")
        return d, f

    def start_worker(self, d, study, url, trials, nap, n, fault=None):
        env = dict(os.environ, FAULT_SIDE=str(d / "side.log"), FAULT_NAP=str(nap))
        log = open(d / f"worker-{n}.log", "w")
        p = subprocess.Popen(java(fault) + ["worker", str(study), "--storage", url, "--trials", str(trials)],
                             stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        p.log_path = d / f"worker-{n}.log"
        p.started = time.monotonic()
        p.fault = fault
        return p

    def fail(self, message):
        with self.lock:
            self.failures.append(message)

    def side(self, d):
        path = d / "side.log"
        if not path.exists():
            return []
        out = []
        for line in path.read_text().splitlines():
            parts = line.split()
            if len(parts) == 3:
                out.append((int(parts[0]), float(parts[1]), float(parts[2])))
        return out

    def wait_side(self, d, n, workers, limit=90):
        """Waits until every worker has joined its study and n objectives returned: the faults then hit
        running workers (a worker that never reached its storage exits at once, by design)."""
        end = time.monotonic() + limit
        while len(self.side(d)) < n or not all(p.poll() is not None or "joined study" in p.log_path.read_text()
                                               or p.fault for p in workers):
            if time.monotonic() > end or all(p.poll() is not None for p in workers):
                raise RuntimeError(f"{d.name}: fewer than {n} objectives returned in time")
            time.sleep(0.1)

    def hpo(self, *args, timeout=120):
        r = subprocess.run(JAVA + list(args), capture_output=True, text=True, timeout=timeout)
        return r

    # --- checks ---------------------------------------------------------------------------------
    def finish(self, name, d, url, workers, killed, grace, running_ok=False, check_url=None, after_wait=None):
        """Waits for the workers, sweeps as a user looking would, and checks the four properties. A worker
        armed with a fault point must halt there (it then counts as killed). With running_ok (a journal:
        no heartbeats, so nothing fails a dead worker's trial) trials of killed workers may stay RUNNING."""
        exited = 0
        for p in workers:
            try:
                code = p.wait(timeout=max(1, WORKER_TIMEOUT - (time.monotonic() - p.started)))
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                code = "hung"
            if p.fault and p.pid not in killed:
                if code == HALTED and f"halting at {p.fault}" in p.log_path.read_text():
                    killed.add(p.pid)
                    continue
                self.fail(f"{name}: worker {p.pid} armed with {p.fault} exited {code} without halting there: "
                          f"{tail(p.log_path)}")
            if p.pid not in killed and code != 0:
                exited += 1
                self.fail(f"{name}: worker {p.pid} exited {code}: {tail(p.log_path)}")
        if after_wait:
            after_wait()
        url = check_url or url
        time.sleep(grace + 0.5)  # the dead workers' trials become stale only after the grace period
        show = self.hpo("studies", "show", name, "--storage", url)
        if show.returncode != 0:
            self.fail(f"{name}: studies show failed: {show.stderr.strip()}")
        export = self.hpo("studies", "export", name, "--format", "json", "--storage", url)
        if export.returncode != 0:
            self.fail(f"{name}: export failed: {export.stderr.strip()}")
            return
        trials = json.loads(export.stdout)["trials"]
        (d / "export.json").write_text(export.stdout)
        by_token = {}
        for t in trials:
            tok = t["intermediate_values"].get("0")
            if t["state"] == "COMPLETE" and tok is not None:
                by_token.setdefault(tok, []).append(t)
        returned = self.side(d)
        stored = lost = duplicated = in_flight = 0
        for pid, tok, value in returned:
            hits = by_token.get(tok, [])
            if len(hits) == 1 and hits[0]["values"] == [value]:
                stored += 1
            elif len(hits) > 1:
                duplicated += 1
                self.fail(f"{name}: token {tok:.0f} stored {len(hits)} times")
            elif not hits and pid in killed:
                in_flight += 1  # its worker was killed or paused before it could store it
            else:
                lost += 1
                self.fail(f"{name}: value {value} of worker {pid} (token {tok:.0f}) not stored")
        running = [t["number"] for t in trials if t["state"] == "RUNNING"]
        if running and not (running_ok and len(running) <= len(killed)):
            self.fail(f"{name}: trials {running} RUNNING after the sweep")
        numbers = sorted(t["number"] for t in trials)
        if numbers != list(range(len(numbers))):
            self.fail(f"{name}: trial numbers have gaps or duplicates: {numbers}")
        complete = sum(1 for t in trials if t["state"] == "COMPLETE")
        if complete != len(by_token) or sum(len(v) for v in by_token.values()) != complete:
            self.fail(f"{name}: {complete} COMPLETE trials but {len(by_token)} distinct tokens")
        states = {}
        for t in trials:
            states[t["state"]] = states.get(t["state"], 0) + 1
        with self.lock:
            self.rows.append((name, len(workers), len(returned), complete, lost, duplicated, exited, in_flight,
                              len(killed), " ".join(f"{k}={v}" for k, v in sorted(states.items()))))

    # --- scenarios ------------------------------------------------------------------------------
    def random_kills(self, d, f, url, workers, killed, nap):
        """KILLS times, after 0.3-2 s, a random live unarmed worker is killed with SIGKILL (creating, sampling,
        running, beating or finishing: wherever it is) and a 6-trial worker started in its place."""
        for _ in range(self.args.kills):
            time.sleep(self.rng.uniform(0.3, 2.0))
            live = [p for p in workers if p.poll() is None and not p.fault]
            if not live:
                break
            victim = self.rng.choice(live)
            os.kill(victim.pid, signal.SIGKILL)
            killed.add(victim.pid)
            workers.append(self.start_worker(d, f, url, 6, nap, len(workers)))

    def armed(self, d, f, url, workers, nap, phases):
        """One worker per phase, armed to halt (as kill -9 would) at that phase of its third trial or so."""
        nth = {"create": 3, "param": 5, "heartbeat": 1, "finish": 3, "torn-append": 6}
        for ph in phases:
            workers.append(self.start_worker(d, f, url, 12, nap, len(workers), fault=f"{ph}:{nth[ph]}"))

    def kill9(self):
        """PostgreSQL: workers killed with SIGKILL at random moments, and one halted at each phase."""
        name = "pg-kill-9"
        url = self.pg_url("heartbeat_interval=1&grace_period=3")
        d, f = self.study_file(name, 0.15)
        workers = [self.start_worker(d, f, url, 12, 0.15, i) for i in range(4)]
        self.wait_side(d, 4, workers)
        self.armed(d, f, url, workers, 0.15, PHASES)
        killed = set()
        self.random_kills(d, f, url, workers, killed, 0.15)
        self.finish(name, d, url, workers, killed, 3)

    # --- hpo serve ------------------------------------------------------------------------------
    def start_server(self, d, db, port, n, fault=None, extra=()):
        """`hpo serve` on db at the loopback port, waiting (bounded) until it serves."""
        log = open(d / f"server-{n}.log", "w")
        p = subprocess.Popen(java(fault) + ["serve", "--storage", db, "--port", str(port), "--heartbeat-interval", "1",
                                            "--grace-period", "4"] + list(extra),
                             stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        p.log_path = d / f"server-{n}.log"
        end = time.monotonic() + 60
        while "hpo serve: serving" not in p.log_path.read_text():
            if p.poll() is not None or time.monotonic() > end:
                raise RuntimeError(f"{d.name}: hpo serve did not start: {tail(p.log_path)}")
            time.sleep(0.1)
        return p

    @staticmethod
    def stop(p):
        if p.poll() is None:
            p.terminate()
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()

    def serve_kill9(self):
        """Workers of `hpo serve` (on SQLite) killed at random moments, and one halted at each phase."""
        name = "serve-kill-9"
        d, f = self.study_file(name, 0.15)
        db = f"sqlite:{d}/served.db?heartbeat_interval=1&grace_period=4"
        port = free_port()
        server = self.start_server(d, db, port, 0)
        try:
            url = f"grpc://127.0.0.1:{port}"
            workers = [self.start_worker(d, f, url, 12, 0.15, i) for i in range(4)]
            self.wait_side(d, 4, workers)
            self.armed(d, f, url, workers, 0.15, PHASES)
            killed = set()
            self.random_kills(d, f, url, workers, killed, 0.15)
            self.finish(name, d, url, workers, killed, 4)
            if server.poll() is not None:
                self.fail(f"{name}: hpo serve exited {server.returncode}: {tail(server.log_path)}")
        finally:
            self.stop(server)

    def serve_restart(self):
        """`hpo serve` itself killed mid-study, twice, and restarted on its SQLite file at the same port: once
        halted right after committing a finish, before answering it (the worker's retry must count as its
        finish, not fail it or store it twice), once with SIGKILL at a random moment. Workers must not exit."""
        name = "serve-restart"
        d, f = self.study_file(name, 0.3)
        db = f"sqlite:{d}/served.db?heartbeat_interval=1&grace_period=6"
        port = free_port()
        servers = [self.start_server(d, db, port, 0, fault="finish:8")]
        try:
            url = f"grpc://127.0.0.1:{port}?retry_for=90"
            workers = [self.start_worker(d, f, url, 14, 0.3, i) for i in range(3)]
            self.wait_side(d, 3, workers)
            try:
                code = servers[0].wait(timeout=90)
            except subprocess.TimeoutExpired:
                raise RuntimeError(f"{name}: the server never reached its 8th finish")
            if code != HALTED:
                self.fail(f"{name}: the armed server exited {code}: {tail(servers[0].log_path)}")
            time.sleep(1)
            servers.append(self.start_server(d, db, port, 1))
            seen = len(self.side(d))
            end = time.monotonic() + 60
            while len(self.side(d)) < seen + 6 and time.monotonic() < end:
                time.sleep(0.1)
            time.sleep(self.rng.uniform(0, 0.5))
            os.kill(servers[1].pid, signal.SIGKILL)
            time.sleep(2)
            servers.append(self.start_server(d, db, port, 2))
            self.finish(name, d, url, workers, set(), 4)
            if servers[2].poll() is not None:
                self.fail(f"{name}: hpo serve exited {servers[2].returncode}: {tail(servers[2].log_path)}")
        finally:
            for p in servers:
                self.stop(p)

    # --- journal --------------------------------------------------------------------------------
    def journal_kill9(self):
        """A journal file: workers killed at random moments (perhaps holding the file lock), one halted at
        each phase, and one killed in the middle of an append (a torn record), holding the lock."""
        name = "journal-kill-9"
        d, f = self.study_file(name, 0.15)
        url = f"journal:{d}/journal.log?lock_grace_period=2"
        workers = [self.start_worker(d, f, url, 12, 0.15, i) for i in range(4)]
        self.wait_side(d, 4, workers)
        self.armed(d, f, url, workers, 0.15, ("create", "param", "finish", "torn-append"))
        killed = set()
        self.random_kills(d, f, url, workers, killed, 0.15)
        # no heartbeats in a journal (nor in Optuna's): a dead worker's trial stays RUNNING
        self.finish(name, d, url, workers, killed, 0, running_ok=True)

    def sigstop(self):
        """A worker paused (SIGSTOP) past the grace period, then resumed: it must carry on."""
        name = "sigstop"
        url = self.pg_url("heartbeat_interval=1&grace_period=3")
        d, f = self.study_file(name, 0.3)
        # the other worker keeps running (and sweeping) through the whole pause
        workers = [self.start_worker(d, f, url, n, 0.3, i) for i, n in enumerate((20, 40))]
        self.wait_side(d, 3, workers)
        end = time.monotonic() + 60
        while sum(1 for pid, _, _ in self.side(d) if pid == workers[0].pid) < 2 and time.monotonic() < end:
            time.sleep(0.1)  # the worker to pause is in the middle of its trials
        os.kill(workers[0].pid, signal.SIGSTOP)
        time.sleep(8)
        os.kill(workers[0].pid, signal.SIGCONT)
        self.finish(name, d, url, workers, {workers[0].pid}, 3)
        if "finished elsewhere" not in workers[0].log_path.read_text():
            self.fail("sigstop: the paused worker's trial was not failed behind its back "
                                 "(pause too short for the sweep?)")

    def pg_crash(self):
        """PostgreSQL killed (stop -m immediate) mid-study, back 4 s later."""
        name = "pg-crash"
        url = self.pg_url("heartbeat_interval=2&grace_period=60")
        d, f = self.study_file(name, 0.3)
        workers = [self.start_worker(d, f, url, 14, 0.3, i) for i in range(4)]
        self.wait_side(d, 6, workers)
        self.pg("stop")
        time.sleep(4)
        self.pg("start")
        self.finish(name, d, url, workers, set(), 0)

    def pg_outage(self):
        """PostgreSQL away for OUTAGE seconds (45 in the issue), longer than the grace period (20 s):
        finished results wait for it, and no sweep fails the trials of live workers when it is back."""
        name = f"pg-outage-{self.args.outage}s"
        url = self.pg_url("heartbeat_interval=2&grace_period=20")
        d, f = self.study_file(name, 0.3)
        workers = [self.start_worker(d, f, url, 10, 0.3, i) for i in range(4)]
        self.wait_side(d, 6, workers)
        self.pg("stop")
        time.sleep(self.args.outage)
        self.pg("start")
        self.finish(name, d, url, workers, set(), 0)

    def disk_full(self):
        """The SQLite file's disk fills up (a small tmpfs), then space comes back."""
        name = "sqlite-disk-full"
        d, f = self.study_file(name, 0.2)
        mnt = d / "mnt"
        mnt.mkdir(exist_ok=True)
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mnt)], check=True)
        try:
            url = f"sqlite:{mnt}/hpo.db?heartbeat_interval=1&grace_period=60"
            workers = [self.start_worker(d, f, url, 12, 0.2, i) for i in range(3)]
            self.wait_side(d, 5, workers)
            subprocess.run(["dd", "if=/dev/zero", f"of={mnt}/fill", "bs=16k"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            time.sleep(4)
            (mnt / "fill").unlink()
            self.finish(name, d, url, workers, set(), 0)
        finally:
            subprocess.run(["umount", "-l", str(mnt)])

    def soak(self):
        """SOAK_WORKERS workers for SOAK_SECONDS on PostgreSQL, one killed (-9) every few seconds and replaced;
        a worker that finishes its trials is replaced too, until the time is up."""
        a = self.args
        name = f"soak-{a.soak_workers}w-{a.soak_seconds}s"
        url = self.pg_url("heartbeat_interval=2&grace_period=10")
        d, f = self.study_file(name, 0.2)
        workers = [self.start_worker(d, f, url, 25, 0.2, i) for i in range(a.soak_workers)]
        killed = set()
        end = time.monotonic() + a.soak_seconds
        next_kill = time.monotonic() + self.rng.uniform(1, 2 * a.kill_every)
        while time.monotonic() < end:
            time.sleep(0.2)
            live = [p for p in workers if p.poll() is None]
            if time.monotonic() >= next_kill and live:
                victim = self.rng.choice(live)
                os.kill(victim.pid, signal.SIGKILL)
                killed.add(victim.pid)
                next_kill = time.monotonic() + self.rng.uniform(0.5, 1.5) * a.kill_every
            for _ in range(a.soak_workers - len([p for p in workers if p.poll() is None])):
                workers.append(self.start_worker(d, f, url, 25, 0.2, len(workers)))
        self.finish(name, d, url, workers, killed, 10)

    def redaction(self):
        """Repro 6 end to end: the password of the storage URL in no output, log, export, stored file or page."""
        a = self.args
        name = "redaction"
        d, f = self.study_file(name, 0.01)
        secret = a.pg_password
        urls = [self.pg_url("max_retries=1"),
                f"postgresql://{a.pg_user}@127.0.0.1:{a.pg_port}/{a.pg_db}?password={secret}",
                f"jdbc:postgresql://127.0.0.1:{a.pg_port}/{a.pg_db}?user={a.pg_user}&password={secret}"]
        texts = []
        text = f.read_text() + f"storage: {urls[0]}\n"
        f.write_text(text)
        env = dict(os.environ, FAULT_SIDE=str(d / "side.log"), FAULT_NAP="0.01")
        for i, u in enumerate(urls):
            every = (["run", str(f), "--storage", u, "--trials", "2"],
                     ["worker", "--storage", u, "--study", name, "--trials", "1"],
                     ["studies", "list", "--storage", u], ["studies", "show", name, "--storage", u],
                     ["studies", "export", name, "--format", "json", "--storage", u],
                     ["studies", "export", name, "--storage", u],
                     ["report", "--study", name, "--storage", u, "-o", str(d / "report.html")])
            # every command with the first form; the two that print the URL with the other forms
            for args in (every if i == 0 else every[1:2] + every[3:4]):
                r = subprocess.run(JAVA + args, capture_output=True, text=True, timeout=120, env=env)
                texts.append((" ".join(args[:2]), r.stdout + r.stderr))
                if r.returncode != 0:
                    self.fail(f"redaction: hpo {' '.join(args[:2])} exited {r.returncode}: {r.stderr[-300:]}")
        texts.append(("report.html", (d / "report.html").read_text()))
        # a wrong password and an unreachable server: the errors
        for u in (urls[1].replace("127.0.0.1", "127.0.0.1").replace(str(a.pg_port), "1"),
                  urls[0].replace(f":{a.pg_port}/", ":1/"), urls[0] + "&bogus_option=1"):
            r = subprocess.run(JAVA + ["studies", "list", "--storage", u], capture_output=True, text=True, timeout=60)
            texts.append(("error", r.stdout + r.stderr))
        # the study file stored with the study, read back through psql
        q = subprocess.run(["psql", "-At", f"postgresql://{a.pg_user}:{secret}@127.0.0.1:{a.pg_port}/{a.pg_db}", "-c",
                            "SELECT * FROM study_system_attrs"], capture_output=True, text=True)
        texts.append(("stored study attributes", q.stdout + q.stderr))
        texts.append(("dashboard", self.dashboard_pages(urls[0], name)))
        # hpo serve holding the URL with the password, requiring a token: its log, and its clients' outputs and
        # errors (with the token in a file, in the environment, and a wrong one) show neither
        token, wrong = "Tq7vLx2Wm9", "Wr0ngTk5Zp"
        (d / "token").write_text(token + "\n")
        (d / "wrong").write_text(wrong + "\n")
        port = free_port()
        server = self.start_server(d, urls[0], port, 0, extra=("--token-file", str(d / "token")))
        try:
            g = f"grpc://127.0.0.1:{port}"
            for u, extra_env in ((f"{g}?token_file={d / 'token'}", {}), (g, {"HPO4J_GRPC_TOKEN": token}),
                                 (f"{g}?token_file={d / 'wrong'}", {})):
                for args in (["worker", "--storage", u, "--study", name, "--trials", "1"],
                             ["studies", "show", name, "--storage", u]):
                    r = subprocess.run(JAVA + args, capture_output=True, text=True, timeout=120, env=dict(env, **extra_env))
                    texts.append(("grpc " + " ".join(args[:2]), r.stdout + r.stderr))
                    if (r.returncode != 0) != (u.endswith("wrong")):
                        self.fail(f"redaction: hpo {' '.join(args[:2])} on {u} exited {r.returncode}: {r.stderr[-300:]}")
        finally:
            self.stop(server)
        texts.append(("hpo serve log", server.log_path.read_text()))
        if not any(f"{a.pg_user}:***@" in t for _, t in texts) or not any("password=***" in t for _, t in texts):
            self.fail("redaction: no masked URL was printed, so the check proved nothing")
        forms = {secret, secret.replace("%", "%25"), a.pg_raw_password, token, wrong}
        leaks = [where for where, t in texts if any(x in t for x in forms)]
        status = "no leak" if not leaks else "LEAKED in " + ", ".join(sorted(set(leaks)))
        if leaks:
            self.fail("redaction: password " + status)
        print(f"redaction: {len(texts)} outputs, logs, files and pages checked for the password: {status}")

    def dashboard_pages(self, url, study):
        import socket
        import urllib.request
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()
        p = subprocess.Popen(JAVA + ["dashboard", "--storage", url, "--port", str(port), "--host", "127.0.0.1"],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        pages = []
        try:
            end = time.monotonic() + 60
            while time.monotonic() < end:
                try:
                    for path in ("/", "/api/studies", f"/api/study?name={study}", "/assets/page.js"):
                        try:
                            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as r:
                                pages.append(r.read().decode("utf-8", "replace"))
                        except urllib.error.HTTPError as e:
                            pages.append(e.read().decode("utf-8", "replace"))
                    break
                except OSError:
                    time.sleep(0.3)
        finally:
            p.terminate()
            try:
                out, _ = p.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
                out, _ = p.communicate()
            pages.append(out)
        if len(pages) < 2:
            self.fail("redaction: the dashboard served no page")
        return "\n".join(pages)

    # --- report ---------------------------------------------------------------------------------
    def table(self):
        head = ("scenario", "runs", "objectives returned", "values stored", "lost", "duplicated", "workers exited",
                "in flight at kill/pause", "killed/paused", "states after sweep")
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for r in self.rows:
            lines.append("| " + " | ".join(str(x) for x in r) + " |")
        return "\n".join(lines)


# Scenarios of one lane run one after the other; the two lanes at once (the PostgreSQL cluster's own
# faults stay in the first lane, away from the second's SQLite, journal and `hpo serve` storages).
LANES = [["kill9", "sigstop", "pg_crash", "pg_outage", "redaction"],
         ["disk_full", "journal_kill9", "serve_kill9", "serve_restart"]]


def run_lane(suite, lane):
    for scenario in lane:
        s0 = time.monotonic()
        try:
            getattr(suite, scenario)()
        except Exception as e:  # a scenario that cannot run is a failure, not a skip
            suite.fail(f"{scenario}: {type(e).__name__}: {e}")
        print(f"faults: {scenario} took {time.monotonic() - s0:.0f} s", flush=True)


def tail(path, n=5):
    try:
        return " / ".join(Path(path).read_text().strip().splitlines()[-n:])
    except OSError:
        return "(no log)"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--pg-version", required=True)
    ap.add_argument("--pg-cluster", required=True)
    ap.add_argument("--pg-port", required=True)
    ap.add_argument("--pg-user", default="faults")
    ap.add_argument("--pg-password", required=True, help="as written in a URL (percent-encoded)")
    ap.add_argument("--pg-raw-password", required=True, help="decoded")
    ap.add_argument("--pg-db", default="faults")
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--kills", type=int, default=4)
    ap.add_argument("--outage", type=int, default=45)
    ap.add_argument("--soak-workers", type=int, default=16)
    ap.add_argument("--soak-seconds", type=int, default=600)
    ap.add_argument("--kill-every", type=float, default=4.0, help="mean seconds between two kills of the soak")
    ap.add_argument("--only", default=",".join(LANES[0] + LANES[1]))
    args = ap.parse_args()
    if not JAR.exists():
        sys.exit(f"{JAR} is missing: build it first (mvn -B -DskipTests package -pl hpo4j-cli -am)")
    suite = Suite(args)
    t0 = time.monotonic()
    only = args.only.split(",")
    unknown = [o for o in only if not hasattr(Suite, o)]
    if unknown:
        sys.exit(f"--only: unknown scenario(s) {unknown}; known: {', '.join(LANES[0] + LANES[1] + ['soak'])}")
    lanes = [[o for o in lane if o in only] for lane in LANES]
    lanes.append([o for o in only if not any(o in lane for lane in LANES)])
    threads = [threading.Thread(target=run_lane, args=(suite, lane)) for lane in lanes if lane]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(suite.table())
    print(f"faults: {len(suite.rows)} scenarios in {time.monotonic() - t0:.0f} s")
    for f in suite.failures:
        print("FAIL:", f)
    sys.exit(1 if suite.failures else 0)


if __name__ == "__main__":
    main()
