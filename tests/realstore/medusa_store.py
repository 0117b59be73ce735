"""Install, start and stop the real Medusa v2 store in `scripts/medusa-store/`.

The store runs on 127.0.0.1 (a free port) against the local PostgreSQL in a database of its own,
created here and dropped by `RunningStore.stop()`. Node packages come from the committed
`package-lock.json` via `npm ci --prefer-offline`, so a warm ~/.npm cache makes it quick.
Migrated empty databases are kept as templates (one per lockfile), so later runs copy one
instead of running Medusa's migrations again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import requests

STORE_DIR = Path(__file__).resolve().parents[2] / "scripts" / "medusa-store"
PG_ADMIN_URL = os.environ.get("ORDERMGR_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
MIN_NODE = 20
ADMIN_EMAIL = "admin@medusa.test"
ADMIN_PASSWORD = "ordermgr-test-admin"


class StoreStartError(RuntimeError):
    """The store could not be installed, migrated or started; the message says which step."""


def missing_tools() -> str | None:
    """Why this machine cannot run the store (no Node 20+ or npm), or None if it can."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        return "Node.js and npm are not installed"
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    try:
        major = int(version.lstrip("v").split(".")[0])
    except ValueError:
        return f"cannot read the Node.js version ({version!r})"
    if major < MIN_NODE:
        return f"Node.js {version} is too old for Medusa v2 (needs {MIN_NODE}+)"
    return None


def _run(cmd: list[str], what: str, *, env=None, timeout: float = 900) -> str:
    try:
        done = subprocess.run(cmd, cwd=STORE_DIR, env=env, capture_output=True, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        raise StoreStartError(f"{what} took longer than {timeout:.0f} s") from None
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-25:])
        raise StoreStartError(f"{what} failed (exit {done.returncode}):\n{tail}")
    return done.stdout


def lock_digest() -> str:
    return hashlib.sha256((STORE_DIR / "package-lock.json").read_bytes()
                          + (STORE_DIR / "medusa-config.js").read_bytes()).hexdigest()[:12]


def install() -> None:
    """`npm ci` unless node_modules already matches the committed lockfile."""
    stamp = STORE_DIR / "node_modules" / ".ordermgr-installed"
    digest = lock_digest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    _run(["npm", "ci", "--prefer-offline", "--no-audit", "--no-fund"], "npm ci (installing Medusa)",
         timeout=1800)
    stamp.write_text(digest)


def _pg(autocommit_sql: list[str]) -> None:
    import psycopg
    conninfo = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo, autocommit=True, connect_timeout=5) as conn:
        for sql in autocommit_sql:
            conn.execute(sql)


def _pg_exists(name: str) -> bool:
    import psycopg
    conninfo = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo, autocommit=True, connect_timeout=5) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is not None


def _database_url(name: str) -> str:
    base = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://").rsplit("/", 1)[0]
    return f"{base}/{name}"


def _env(database: str, port: int | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("npm_", "NODE_OPTIONS"))}
    env.update(DATABASE_URL=_database_url(database), NODE_ENV="development",
               MEDUSA_DISABLE_TELEMETRY="true", DO_NOT_TRACK="1", LOG_LEVEL="error",
               MEDUSA_FF_ANALYTICS="false")
    if port:
        env["PORT"] = str(port)
    return env


def _medusa(*args: str) -> list[str]:
    return [str(STORE_DIR / "node_modules" / ".bin" / "medusa"), *args]


def prepare_database(name: str) -> None:
    """A migrated database `name` with an admin user: copied from the template for this
    lockfile, which is made (migrations + user) on first use."""
    template = f"ordermgr_medusa_tpl_{lock_digest()}"
    if not _pg_exists(template):
        _drop_stale_templates(keep=template)
        building = f"{template}_build_{uuid.uuid4().hex[:6]}"
        _pg([f'CREATE DATABASE "{building}"'])
        try:
            _run(_medusa("db:migrate"), "medusa db:migrate", env=_env(building))
            _run(_medusa("user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD),
                 "medusa user (creating the admin user)", env=_env(building))
            _pg([f'ALTER DATABASE "{building}" RENAME TO "{template}"'])
        except BaseException:
            _pg([f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)'])
            raise
    _pg([f'CREATE DATABASE "{name}" TEMPLATE "{template}"'])


def _drop_stale_templates(keep: str) -> None:
    """Templates made for an earlier lockfile or config are of no more use."""
    import psycopg
    conninfo = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo, autocommit=True, connect_timeout=5) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE 'ordermgr\\_medusa\\_tpl\\_%'")]
        for name in names:
            if name != keep and "_build_" not in name:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def _setup_lock():
    try:
        import fcntl
    except ImportError:  # Windows: no second session to guard against in practice
        yield
        return
    with open(STORE_DIR / ".setup.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class RunningStore:
    url: str
    database: str
    process: subprocess.Popen
    log_path: Path
    secret_key: str = ""
    publishable_key: str = ""
    facts: dict = field(default_factory=dict)  # what the seed made (region ids, SKUs, orders)

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self, drop_database: bool = True) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        if drop_database:
            _pg([f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)'])


def start(log_dir: Path, *, database: str | None = None, startup_timeout: float = 240) -> RunningStore:
    """Install (if needed), prepare a database, start `medusa start` on a free port, wait for
    /health."""
    why = missing_tools()
    if why:
        raise StoreStartError(why)
    database = database or f"ordermgr_medusa_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    with _setup_lock():  # another test session on this machine may be installing right now
        install()
        prepare_database(database)
    port = free_port()
    log_path = log_dir / "medusa.log"
    log = open(log_path, "w")  # noqa: SIM115 - the child writes to it until stop()
    process = subprocess.Popen(_medusa("start", "--host", "127.0.0.1", "--port", str(port)),
                               cwd=STORE_DIR, env=_env(database, port), stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)
    log.close()
    store = RunningStore(url=f"http://127.0.0.1:{port}", database=database, process=process,
                         log_path=log_path)
    deadline = time.monotonic() + startup_timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            store.stop()
            raise StoreStartError(f"medusa start exited with {process.returncode}:\n{store.log_tail()}")
        try:
            if requests.get(f"{store.url}/health", timeout=2).status_code == 200:
                return store
        except requests.RequestException:
            pass
        time.sleep(0.5)
    store.stop()
    raise StoreStartError(f"Medusa did not answer /health within {startup_timeout:.0f} s:\n"
                          f"{store.log_tail()}")
