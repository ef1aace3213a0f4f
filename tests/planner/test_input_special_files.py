"""Paths that are no saved file (a pipe, a device) are refused at once by every command that
reads a plan: a FIFO must not block the command forever, /dev/zero must not fill the memory.

The commands run in a process of their own, not in this one: a command that blocks on the pipe
or reads /dev/zero without end must be killed after `SECONDS`, and only a process can be."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from planner.plan_file import PlanFileError, read_plan

NOT_REGULAR = "This is not a plan file: it is a pipe or a device, not a file saved on a disk."
SECONDS = 10
"""Far more than refusing takes; a command that blocks on the pipe fails here, never hangs."""

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def planner(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """`planner …` (planner.cli's main) in a child process that is killed if it blocks."""
    return subprocess.run(
        [sys.executable, "-m", "planner.cli", *map(str, args)],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=SECONDS, check=False,
    )  # fmt: skip


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "plan.json"
    os.mkfifo(path)
    return path


def special_paths(tmp_path: Path) -> list[Path]:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    return [fifo, Path("/dev/zero")]


@pytest.mark.parametrize("command", [["validate"], ["validate", "--json"], ["render"]])
def test_a_pipe_or_a_device_is_refused_at_once_in_one_line(
    tmp_path: Path, command: list[str]
) -> None:
    for path in special_paths(tmp_path):
        args = [*command, path] + (["--out", tmp_path / "out"] if command == ["render"] else [])
        result = planner(*args)
        output = result.stdout + result.stderr
        assert result.returncode == 2, output
        assert NOT_REGULAR in output
        assert "Traceback" not in output
        if "--json" not in command:
            assert output.strip().splitlines() == [f"{path}: {NOT_REGULAR}"]
        assert not (tmp_path / "out").exists()


def test_the_refusal_is_in_spanish_too(fifo: Path) -> None:
    result = planner("validate", "--lang", "es", fifo)
    assert result.returncode == 2
    assert "no es un archivo de plan" in result.stderr


def test_reading_a_pipe_directly_raises_the_plain_error(fifo: Path) -> None:
    outcome: list[BaseException | None] = []

    def read() -> None:
        try:
            read_plan(fifo)
        except BaseException as raised:
            outcome.append(raised)
        else:
            outcome.append(None)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(SECONDS)
    if reader.is_alive():
        os.close(os.open(fifo, os.O_WRONLY))  # a writer comes and goes: the reader sees the end
        reader.join(SECONDS)
        pytest.fail("reading a named pipe blocked")
    (raised,) = outcome
    assert isinstance(raised, PlanFileError)
    assert raised.key == "file.not_regular"


def test_a_regular_file_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text('{"schema_version": 1, "household": {"display_name": "X", "state": "CA"}}')
    assert read_plan(path).plan is not None


def test_a_device_read_directly_is_refused_and_a_folder_is_still_called_a_folder(
    tmp_path: Path,
) -> None:
    with pytest.raises(PlanFileError) as raised:
        read_plan(Path("/dev/zero"))
    assert raised.value.key == "file.not_regular"
    with pytest.raises(PlanFileError) as raised:
        read_plan(tmp_path)
    assert raised.value.key == "file.is_folder"
