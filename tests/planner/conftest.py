"""Planner test set-up: key stores to inject, a private Secret Service, invented plans, and
`planner vault` run in the test's own process."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from planner.keys import INSECURE_TEST_COST
from planner.model import Plan
from planner.vault import Vault
from planner.vault_errors import KeyringUnavailable
from tests.conftest import Ran, RunCommand, example_plan

TEST_PASSPHRASE = "invented passphrase for tests"  # noqa: S105


class MemoryKeyStore:
    """A keyring in a dict, for tests that are about the vault rather than the OS keyring.

    `failing` names the methods that answer like a locked keyring (`KeyringUnavailable`)."""

    def __init__(self) -> None:
        self.entries: dict[str, bytes] = {}
        self.failing: set[str] = set()

    def _maybe_fail(self, method: str) -> None:
        if method in self.failing:
            raise KeyringUnavailable("keyring_timeout", seconds=5)

    def get(self, name: str) -> bytes | None:
        self._maybe_fail("get")
        return self.entries.get(name)

    def set(self, name: str, secret: bytes) -> None:
        self._maybe_fail("set")
        self.entries[name] = secret

    def delete(self, name: str) -> None:
        self._maybe_fail("delete")
        self.entries.pop(name, None)


@pytest.fixture
def keystore() -> MemoryKeyStore:
    return MemoryKeyStore()


@pytest.fixture
def vault(tmp_path: Path, keystore: MemoryKeyStore) -> Iterator[Vault]:
    """A new, unlocked vault in keyring mode (on the in-memory keyring)."""
    made = Vault(tmp_path / "vault", keystore, kdf_cost=INSECURE_TEST_COST)
    made.create()
    yield made
    made.lock()


def plan_named(display_name: str, *, example: str = "small-ca.json", notes: str = "") -> Plan:
    """An invented example household under another name."""
    plan = example_plan(example)
    household = plan.household.model_copy(update={"display_name": display_name})
    return plan.model_copy(update={"household": household, "notes": notes})


def sentinel_plan() -> tuple[Plan, list[str]]:
    """An invented plan whose names, case number and notes are unique random markers, so that
    a byte scan can tell whether any of it reached the disk in the clear."""
    tag = secrets.token_hex(6)
    names = {k: f"Sentinel{k}{tag}" for k in ("Household", "Child", "Parent", "Notes", "Case")}
    a_number = str(int(tag, 16) % 10**9).zfill(9)
    plan = example_plan("small-ca.json")
    data = plan.model_dump(mode="json")
    data["household"]["display_name"] = names["Household"]
    data["children"][0]["given_names"] = names["Child"]
    data["adults"][0]["family_names"] = names["Parent"]
    data["adults"][0]["case"] = {"a_number": a_number, "notes": names["Case"]}
    data["notes"] = names["Notes"]
    return Plan.model_validate(data), [*names.values(), a_number]


# --- a private Secret Service (gnome-keyring on its own D-Bus session) -------------------------

_TOOLS = ("dbus-daemon", "gnome-keyring-daemon")


def in_ci() -> bool:
    """CI=true (GitHub, GitLab …): there a missing Secret Service is a failure, never a skip —
    a skipped test proves nothing."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def skip_or_fail(reason: str) -> None:
    if in_ci():
        pytest.fail(f"CI must run the real-keyring tests, but {reason}")
    pytest.skip(reason, allow_module_level=True)


def _wait_for_secret_service(
    address: str, daemon: subprocess.Popen[bytes], log: Path, timeout: float = 10.0
) -> None:
    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection

    bus = DBusAddress("/org/freedesktop/DBus", "org.freedesktop.DBus", "org.freedesktop.DBus")
    deadline = time.monotonic() + timeout
    with open_dbus_connection(bus=address) as connection:
        while time.monotonic() < deadline:
            if daemon.poll() is not None:
                break  # it gave up (e.g. no D-Bus, or another instance): say why, don't wait
            question = new_method_call(bus, "NameHasOwner", "s", ("org.freedesktop.secrets",))
            if connection.send_and_get_reply(question, timeout=2).body[0]:
                return
            time.sleep(0.05)
    raise RuntimeError(
        f"gnome-keyring-daemon did not appear on the test bus (exit code {daemon.poll()}): "
        + log.read_text(errors="replace")[-2000:]
    )


@pytest.fixture(scope="session")
def secret_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A real Secret Service (gnome-keyring) on a private D-Bus session, with its own HOME, so
    no real user's keyring is ever touched. Yields the environment a process needs to use it."""
    missing = [tool for tool in _TOOLS if shutil.which(tool) is None]
    if missing:
        skip_or_fail(
            f"needs {' and '.join(missing)} (Debian: dbus gnome-keyring; make system-packages)"
        )
    home = tmp_path_factory.mktemp("secret-service-home")
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_RUNTIME_DIR": str(home / "run"),
    }
    for folder in ("data", "config", "cache", "run"):
        (home / folder).mkdir(mode=0o700)
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True,
    )  # fmt: skip
    daemon: subprocess.Popen[bytes] | None = None
    log = home / "gnome-keyring.log"
    try:
        assert bus.stdout is not None
        env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
        if not env["DBUS_SESSION_BUS_ADDRESS"]:
            raise RuntimeError(f"dbus-daemon --session did not start (exit code {bus.poll()})")
        with log.open("wb") as errors:
            daemon = subprocess.Popen(
                ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
                stdin=subprocess.PIPE, stdout=errors, stderr=errors, env=env,
            )  # fmt: skip
        assert daemon.stdin is not None
        daemon.stdin.write(b"invented keyring password")
        daemon.stdin.close()
        _wait_for_secret_service(env["DBUS_SESSION_BUS_ADDRESS"], daemon, log)
        yield env
    finally:
        for process in (daemon, bus):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


@pytest.fixture
def secret_service_bus(
    secret_service: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> dict[str, str]:
    """Point this test process (for this test only) at the private Secret Service's bus."""
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", secret_service["DBUS_SESSION_BUS_ADDRESS"])
    return secret_service


# --- `planner vault …` in this process ----------------------------------------------------------

NO_KEYRING = "keyring.backends.fail.Keyring"


@pytest.fixture
def vault_cli(
    cli: RunCommand, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Callable[..., Ran]:
    """`vault_cli(home, *args, stdin="", backend=NO_KEYRING)` runs `planner vault ARGS…` in
    this process as a script runs it: the vault in `home` (FAMILY_PLANNER_HOME), the keyring
    backend `backend` names (PYTHON_KEYRING_BACKEND; None: the one keyring chooses), chosen
    afresh for each command as a new process would, and no terminal to ask on, as in CI."""
    import keyring.core

    import planner.vault_actions

    # A terminal that cannot be opened: the command never prompts, as in a new session.
    monkeypatch.setattr(planner.vault_actions, "_TERMINAL", str(tmp_path / "no-terminal"))

    def run(home: Path, *args: str, stdin: str = "", backend: str | None = NO_KEYRING) -> Ran:
        monkeypatch.setenv("HOME", str(home.parent))
        monkeypatch.setenv("FAMILY_PLANNER_HOME", str(home))
        if backend is None:
            monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
        else:
            monkeypatch.setenv("PYTHON_KEYRING_BACKEND", backend)
        monkeypatch.setattr(keyring.core, "_keyring_backend", None)  # chosen again, from the env
        return cli("vault", *args, stdin=stdin)

    return run
