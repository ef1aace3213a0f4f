"""`planner vault` as a person or a script runs it: one line per error, exit codes, no traceback;
passphrases from standard input (or the terminal), never from the command line.

The commands run in this process (`vault_cli`, through `planner.cli.main`). Two tests start
processes instead, for what only a whole one has: `..._without_a_terminal_or_stdin_...` runs in
a new session, with no controlling terminal at all; `..._recovery_code_that_cannot_be_shown_...`
has a full disk (/dev/full) as its standard output, which the command then swaps for the null
device."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from planner import keyring_store
from planner.model import Plan
from planner.plan_file import load_plan
from tests.conftest import EXAMPLES, Ran
from tests.planner.conftest import NO_KEYRING

REPOSITORY = Path(__file__).resolve().parents[2]
HANGING_KEYRING = "tests.planner.hanging_keyring.HangingKeyring"
PASSPHRASE = "invented cli passphrase"  # noqa: S105
CODE = re.compile(r"\b[A-Z2-7]{4}(?:-[A-Z2-7]{4}){7}\b")
VaultCommand = Callable[..., Ran]


def vault_process(home: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """`planner vault ARGS…` in a process of its own, in a new session: no controlling terminal."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home.parent),
        "FAMILY_PLANNER_HOME": str(home),
        "PYTHON_KEYRING_BACKEND": NO_KEYRING,
    }
    return subprocess.run(
        [sys.executable, "-m", "planner.cli", "vault", *args],
        capture_output=True, text=True, input=stdin, env=env, cwd=REPOSITORY, timeout=60,
        check=False, start_new_session=True,
    )  # fmt: skip


def assert_one_line_error(result: Ran | subprocess.CompletedProcess[str], code: int) -> str:
    assert result.returncode == code, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_a_vault_life_from_the_command_line_with_no_keyring(
    vault_cli: VaultCommand, tmp_path: Path
) -> None:
    """Every action once, on a vault made where no keyring exists (so: passphrase mode)."""
    home, example = tmp_path / "vault", EXAMPLES[0]

    def run(*args: str, stdin: str = PASSPHRASE) -> Ran:
        result = vault_cli(home, *args, "--passphrase-stdin", stdin=stdin)
        assert result.returncode == 0, result.stderr
        return result

    made = run("init")
    assert "no system keyring" in made.stderr
    assert "protected by your passphrase" in made.stdout
    old_code = CODE.findall(made.stdout)[0]
    before = (home / "vault.sqlite3").read_bytes()
    again = vault_cli(home, "init", "--passphrase-stdin", stdin="another passphrase\n")
    assert "already exists" in assert_one_line_error(again, 3)
    assert (home / "vault.sqlite3").read_bytes() == before

    household = run("save", str(example)).stdout.split()[2].rstrip(",")
    wrong = vault_cli(home, "list", "--lang", "es", "--passphrase-stdin", stdin="no es esa")
    assert "no abre esta bóveda" in assert_one_line_error(wrong, 3)
    shown = run("show", household, stdin=old_code)  # the recovery code opens it too
    assert load_plan(example) == Plan.model_validate_json(shown.stdout)

    exported = tmp_path / "household.json"
    run("export", household, str(exported), stdin=f"{PASSPHRASE}\nhandover passphrase\n")
    imported = run("import", str(exported), stdin=f"{PASSPHRASE}\nhandover passphrase\n")
    assert f"Saved household {household}, revision 2." in imported.stdout
    assert run("history", household).stdout.splitlines()[0].startswith("2  ")

    run("passwd", stdin=f"{PASSPHRASE}\nthe new passphrase\n")
    renewed = run("recovery", stdin="the new passphrase\n")
    new_code = CODE.findall(renewed.stdout)[0]
    stale = vault_cli(home, "list", "--passphrase-stdin", stdin=old_code)
    assert assert_one_line_error(stale, 3).startswith(
        "That passphrase or recovery code does not open this vault."
    )
    listed = json.loads(run("list", "--json", stdin=new_code).stdout)
    assert [h["id"] for h in listed] == [household]

    purged = run("purge", "--not-updated-since", "2000-01-01", stdin="the new passphrase")
    assert "0 household(s) deleted" in purged.stdout
    deleted = run("delete", household, stdin="the new passphrase")
    assert f"Household {household} was deleted: it can no longer be read." in deleted.stdout
    assert "knows the passphrase" in deleted.stdout, "passphrase mode says what it cannot promise"
    assert "overwritten" not in deleted.stdout


def test_without_a_terminal_or_stdin_it_says_how_to_give_the_passphrase(tmp_path: Path) -> None:
    line = assert_one_line_error(vault_process(tmp_path / "v", "init", "--passphrase"), 2)
    assert "--passphrase-stdin" in line
    assert not (tmp_path / "v").exists()


def test_the_passphrase_is_never_an_argument(vault_cli: VaultCommand, tmp_path: Path) -> None:
    result = vault_cli(tmp_path, "list", "--passphrase", "secret")
    assert result.returncode == 2
    assert "unrecognized arguments" in result.stderr


def test_a_folder_without_a_vault_says_how_to_make_one(
    vault_cli: VaultCommand, tmp_path: Path
) -> None:
    line = assert_one_line_error(vault_cli(tmp_path / "empty", "list"), 3)
    assert "planner vault init" in line
    assert not (tmp_path / "empty").exists()


def test_an_unreadable_plan_file_is_one_line_and_exit_code_2(
    vault_cli: VaultCommand, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    result = vault_cli(tmp_path / "v", "save", str(broken))
    assert "not valid JSON" in assert_one_line_error(result, 2)


def test_a_hanging_keyring_falls_back_to_a_passphrase_within_the_timeout(
    vault_cli: VaultCommand, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert keyring_store.DEFAULT_TIMEOUT == 5.0, "the production timeout DESIGN.md states"
    monkeypatch.setattr(keyring_store, "DEFAULT_TIMEOUT", 1.0)  # waits 1 s, not 5
    started = time.monotonic()
    made = vault_cli(
        tmp_path / "vault", "init", "--passphrase-stdin", stdin=PASSPHRASE, backend=HANGING_KEYRING
    )
    assert made.returncode == 0, made.stderr
    assert "did not answer within 1 seconds" in made.stderr
    assert "protected by your passphrase" in made.stdout
    assert time.monotonic() - started < 6  # 1 s timeout + Argon2id, with room for a busy machine


def test_a_vault_folder_the_system_refuses_is_one_line_not_a_traceback(
    vault_cli: VaultCommand, tmp_path: Path
) -> None:
    """Before, an OSError the vault code had not foreseen (here: a name too long for the file
    system) ended in a traceback."""
    home = tmp_path / ("x" * 300)
    for action in ("list", "init"):
        result = vault_cli(home, action, "--passphrase-stdin", stdin=PASSPHRASE)
        assert "cannot be read or written" in assert_one_line_error(result, 3)


def run_to_full_disk(home: Path, *args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    """A `planner vault` command whose standard output is a full disk (/dev/full)."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home.parent), "FAMILY_PLANNER_HOME": str(home),
           "PYTHON_KEYRING_BACKEND": NO_KEYRING}  # fmt: skip
    with Path("/dev/full").open("w") as full:
        return subprocess.run(
            [sys.executable, "-m", "planner.cli", "vault", *args, "--passphrase-stdin"],
            stdout=full, stderr=subprocess.PIPE, text=True, input=stdin, env=env,
            cwd=REPOSITORY, timeout=60, check=False, start_new_session=True,
        )  # fmt: skip


def test_a_recovery_code_that_cannot_be_shown_is_never_put_in_place(
    vault_cli: VaultCommand, tmp_path: Path
) -> None:
    """Before, `recovery` committed the new code and then failed to print it: the old code no
    longer opened the vault and the new one was never seen. `init` left a vault nobody had the
    code of, and refused to run again."""
    home = tmp_path / "vault"
    failed = run_to_full_disk(home, "init", stdin=PASSPHRASE)
    assert failed.returncode == 3 and "Traceback" not in failed.stderr
    assert (
        failed.stderr.strip()
        .splitlines()[-1]
        .endswith("so no vault was created. Try again where the output can be written.")
    )
    assert not (home / "vault.sqlite3").exists(), "no vault whose code nobody saw"

    made = vault_cli(home, "init", "--passphrase-stdin", stdin=PASSPHRASE)
    assert made.returncode == 0, made.stderr
    old_code = CODE.findall(made.stdout)[0]
    before = (home / "vault.sqlite3").read_bytes()
    failed = run_to_full_disk(home, "recovery", stdin=PASSPHRASE)
    assert failed.returncode == 3 and "Traceback" not in failed.stderr
    assert "could not be shown" in failed.stderr
    assert (home / "vault.sqlite3").read_bytes() == before
    still = vault_cli(home, "list", "--passphrase-stdin", stdin=old_code)
    assert still.returncode == 0, "the old code still opens the vault"


def test_a_household_name_cannot_write_a_fake_line_or_drive_the_terminal(
    vault_cli: VaultCommand, tmp_path: Path
) -> None:
    """Before, a name with a newline or an escape sequence printed raw: `vault list` showed a
    household that does not exist, or coloured and cleared the terminal."""
    from planner.keys import INSECURE_TEST_COST
    from planner.vault import Vault
    from tests.planner.conftest import plan_named

    home = tmp_path / "vault"
    vault = Vault(home, kdf_cost=INSECURE_TEST_COST)
    vault.create(PASSPHRASE)
    hostile = "Familia Real\n000000000000  Familia Falsa  ()\x1b[2J\x1b]0;x\x07\x9b31m\r\u202eabc"
    vault.save(plan_named(hostile))
    vault.lock()
    listed = vault_cli(home, "list", "--passphrase-stdin", stdin=PASSPHRASE)
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.splitlines()) == 1
    assert not any(ch in listed.stdout for ch in "\x1b\x07\x9b\r\u202e")
    assert "Familia Real\\x0a000000000000  Familia Falsa  ()\\x1b[2J" in listed.stdout
    as_json = vault_cli(home, "list", "--json", "--passphrase-stdin", stdin=PASSPHRASE)
    shown = vault_cli(home, "show", listed.stdout.split()[0], "--passphrase-stdin",
                          stdin=PASSPHRASE)  # fmt: skip
    for output in (as_json.stdout, shown.stdout):
        assert not any(ch in output for ch in "\x1b\x07\x9b\r\u202e")
    assert json.loads(as_json.stdout)[0]["display_name"] == hostile  # the same JSON to a program
    assert json.loads(shown.stdout)["household"]["display_name"] == hostile
