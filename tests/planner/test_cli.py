"""The `planner` command as a person or a script runs it: exit codes, one line per problem.

The commands run in this process (`cli`, through `planner.cli.main`). Two tests start processes
instead, for what only a whole one has: `..._the_process_exits_with_the_commands_code_...`, the
status `python -m planner.cli` hands the shell; `..._not_utf8_is_printed_...`, a standard output
whose strict encoding PYTHONIOENCODING sets as Python starts."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from planner.cli import main
from tests.conftest import EXAMPLES, RunCommand


def planner(*args: str | Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """`planner ARGS…` in a process of its own, started as `python -m planner.cli`."""
    return subprocess.run(
        [sys.executable, "-m", "planner.cli", *map(str, args)],
        capture_output=True, text=True, input=stdin, timeout=60, check=False,
    )  # fmt: skip


def write(tmp_path: Path, data: object, name: str = "plan.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_every_example_validates(cli: RunCommand) -> None:
    result = cli("validate", *EXAMPLES)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""


def test_a_plan_with_five_mistakes_gets_one_line_for_each(cli: RunCommand, tmp_path: Path) -> None:
    next_year = date.today().year + 1
    plan = {
        "schema_version": 1,
        "household": {"display_name": "Familia Errores", "state": "TX", "pets": 2},
        "adults": [{"id": "a", "given_names": "Eva", "phones": [{"number": "555-12"}],
                    "case": {"a_number": "A1234567"}}],
        "children": [{"id": "c", "given_names": "Iker", "date_of_birth": f"{next_year}-02-01",
                      "care": {"primary_caregiver_id": "nobody"}}],
    }  # fmt: skip
    result = cli("validate", "--errors-only", write(tmp_path, plan))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        'household.pets: Unknown field "pets". Check the spelling; it was not read.',
        "adults[0].phones[0].number: This is not a phone number that can be dialled. Check the "
        "digits; a number outside the US needs its country code, such as +502.",
        "adults[0].case.a_number: An A-number is the letter A followed by 8 or 9 digits, such as "
        "A-123-456-789.",
        "children[0].date_of_birth: A date of birth cannot be in the future.",
        "children[0].care.primary_caregiver_id: This person is not in the plan. Choose someone "
        "from the parents or emergency contacts.",
    ]


def test_warnings_are_shown_but_do_not_fail(cli: RunCommand, tmp_path: Path) -> None:
    plan = {"schema_version": 1, "household": {"display_name": "Solo", "state": "CA"}}
    result = cli("validate", write(tmp_path, plan))
    assert result.returncode == 0
    assert "emergency_contacts: warning: Fewer than 2 emergency contacts" in result.stdout


def test_messages_in_spanish(cli: RunCommand, tmp_path: Path) -> None:
    plan = {"schema_version": 1, "household": {"display_name": "X", "state": "CA"},
            "adults": [{"id": "a", "given_names": "Eva", "email": "eva@"}]}  # fmt: skip
    result = cli("validate", "--lang", "es", write(tmp_path, plan))
    assert result.returncode == 1
    assert "adults[0].email: Esto no parece un correo electrónico" in result.stdout
    assert "aviso: No se ha ingresado ningún abogado" in result.stdout


def test_json_output_for_machines(cli: RunCommand, tmp_path: Path) -> None:
    plan = {"schema_version": 1, "household": {"display_name": "X", "state": "XX"}}
    bad = write(tmp_path, plan)
    result = cli("validate", "--json", "--errors-only", bad, tmp_path / "gone.json")
    assert result.returncode == 2
    report = json.loads(result.stdout)["files"]
    assert report[0]["ok"] is False
    assert report[0]["problems"] == [
        {"path": "household.state", "severity": "error", "key": "state.invalid",
         "message": "Choose a US state (a two-letter code such as CA or TX)."}
    ]  # fmt: skip
    gone = "The file does not exist. Check the name and folder."
    assert report[1] == {"file": str(tmp_path / "gone.json"), "error": gone}


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (None, "does not exist"),
        ("{ not json", "not valid JSON"),
        ('{"schema_version": 2}', "newer version of Family Planner"),
        ('{"schema_version": 1, "household": {"display_name": "X", "state": "CA"},'
         ' "children": {"id": 1}}', "children: This should be a list."),
    ],
)  # fmt: skip
def test_bad_input_gets_one_line_and_exit_2_never_a_traceback(
    cli: RunCommand, tmp_path: Path, content: str | None, needle: str
) -> None:
    path = tmp_path / "plan.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = cli("validate", path)
    assert result.returncode == 2
    output = result.stdout + result.stderr
    assert needle in output
    assert "Traceback" not in output
    assert len(output.strip().splitlines()) == 1


PLAN_TEXT = '{"schema_version": 1, "household": {"display_name": "X", "state": "CA"}}'

UNREADABLE: list[tuple[str, bytes | None, str]] = [
    ("folder", None, "This is a folder"),
    ("a list", b"[1, 2]", "it does not contain a plan"),
    ("a string", b'"plan"', "it does not contain a plan"),
    ("wrong types", b'{"schema_version": 1, "household": {"display_name": 5, "state": "CA"}}',
     "household.display_name: This should be text."),
    ("binary garbage", bytes(range(256)) * 4, "it is not text"),
    ("UTF-16 without a mark", PLAN_TEXT.encode("utf-16-le"), "it is not text"),
    ("nested too deep for the parser", b"[" * 100_000 + b"]" * 100_000,
     "it does not contain a plan"),
    ("nested too deep to copy",
     b'{"schema_version": 1, "notes": ' + b"[" * 400 + b"]" * 400 + b"}",
     "it does not contain a plan"),
    ("an integer of 5000 digits", b'{"schema_version": ' + b"9" * 5000 + b"}",
     "it does not contain a plan"),
    ("huge", b'{"schema_version": 1, "notes": "' + b"x" * 6_000_000 + b'"}', "too large"),
    ("future version", b'{"schema_version": 7}', "newer version"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("content", "needle"), [row[1:] for row in UNREADABLE], ids=[row[0] for row in UNREADABLE]
)
def test_a_file_that_is_no_plan_gets_one_line_and_exit_2_in_text_and_json(
    cli: RunCommand, tmp_path: Path, content: bytes | None, needle: str
) -> None:
    path = tmp_path / "plan.json"
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    result = cli("validate", path)
    output = result.stdout + result.stderr
    assert (result.returncode, "Traceback" in output) == (2, False), output[-500:]
    assert needle in output
    assert len(output.strip().splitlines()) == 1
    as_json = cli("validate", "--json", path)
    assert as_json.returncode == 2
    assert as_json.stderr == ""
    (report,) = json.loads(as_json.stdout)["files"]
    assert needle.rpartition(": ")[2] in json.dumps(report, ensure_ascii=False)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_a_plan_saved_by_a_windows_editor_is_read(
    cli: RunCommand, tmp_path: Path, encoding: str
) -> None:
    # Notepad writes UTF-8 with a byte-order mark, or "Unicode" (UTF-16 with a mark).
    path = tmp_path / "plan.json"
    path.write_bytes(PLAN_TEXT.encode(encoding))
    result = cli("validate", "--errors-only", path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_several_files_prefix_each_line_with_its_file(cli: RunCommand, tmp_path: Path) -> None:
    plan = {"schema_version": 1, "household": {"display_name": "X", "state": "XX"}}
    one, two = write(tmp_path, plan, "one.json"), write(tmp_path, plan, "two.json")
    result = cli("validate", "--errors-only", one, two)
    assert result.stdout.splitlines() == [
        f"{one}: household.state: Choose a US state (a two-letter code such as CA or TX).",
        f"{two}: household.state: Choose a US state (a two-letter code such as CA or TX).",
    ]


def test_the_printed_schema_accepts_every_example_and_rejects_unknown_keys(cli: RunCommand) -> None:
    result = cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in EXAMPLES:
        plan = json.loads(path.read_text(encoding="utf-8"))
        assert list(validator.iter_errors(plan)) == [], path.name
        plan["household"]["colour"] = "blue"
        assert not validator.is_valid(plan)


def test_the_process_exits_with_the_commands_code_and_2_when_misused(tmp_path: Path) -> None:
    """Through the real entry point, `sys.exit(main())`: 0, 1, and argparse's own exit 2."""
    assert planner("validate", EXAMPLES[0]).returncode == 0
    plan = {"schema_version": 1, "household": {"display_name": "X", "state": "XX"}}
    assert planner("validate", "--errors-only", write(tmp_path, plan)).returncode == 1
    assert planner().returncode == 2
    assert planner("validate").returncode == 2


# --- render: the command's language -------------------------------------------------------------

SPANISH_PLAN = next(p for p in EXAMPLES if p.name == "small-ca.json")
"""Its documents print in Spanish: what `render` says must still follow the command's --lang."""


def full_disk(path: Path, content: bytes) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [([], "The disk is full."), (["--lang", "es"], "El disco está lleno.")],
)
def test_render_speaks_the_commands_language_not_the_plans(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: list[str], sentence: str
) -> None:
    argv = ["render", str(SPANISH_PLAN), "--out", str(tmp_path / "out"), "--only", "contacts"]
    assert main([*argv, *lang], write_file=full_disk) == 2
    printed = capsys.readouterr()
    assert printed.err.startswith(sentence) and len(printed.err.splitlines()) == 1
    assert main([*argv, *lang]) == 0
    said = capsys.readouterr().out.splitlines()[0]
    assert said.startswith("Files written to" if not lang else "Archivos escritos en")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["02-contactos-1.pdf"]  # in Spanish


def test_render_names_a_plans_problems_in_the_commands_language(
    cli: RunCommand, tmp_path: Path
) -> None:
    plan = json.loads(SPANISH_PLAN.read_text(encoding="utf-8"))
    plan["adults"][0]["email"] = "eva@"
    bad = write(tmp_path, plan)
    english = cli("render", bad, "--out", tmp_path / "out")
    assert english.returncode == 1
    assert "adults[0].email: This does not look like an email address" in english.stderr
    spanish = cli("render", bad, "--out", tmp_path / "out", "--lang", "es")
    assert "adults[0].email: Esto no parece un correo electrónico" in spanish.stderr


def test_a_file_name_that_is_not_utf8_is_printed_not_a_traceback(tmp_path: Path) -> None:
    """Linux file names are bytes: one from an old USB stick reaches Python as a lone surrogate,
    which a strict UTF-8 output (PYTHONIOENCODING, many terminals) cannot print."""
    plan = {"schema_version": 1, "household": {"display_name": "X", "state": "XX"}}
    good = write(tmp_path, plan)
    odd = os.fsencode(tmp_path) + b"/plan\xff.json"
    try:
        Path(os.fsdecode(odd)).write_bytes(good.read_bytes())
    except OSError:
        pytest.skip("this file system takes only UTF-8 names")
    for args in (["validate", "--errors-only"], ["validate", "--json"]):
        result = subprocess.run(
            [sys.executable, "-m", "planner.cli", *args, os.fsdecode(odd), str(good)],
            capture_output=True, timeout=60, check=False,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )  # fmt: skip
        assert result.returncode == 1, result.stderr.decode(errors="replace")
        assert b"Traceback" not in result.stderr
        assert b"plan\\udcff.json" in result.stdout


def test_render_writes_each_document_before_making_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, `planner render` made the whole packet in memory, then wrote it: a plan at every
    limit held a dozen megabytes, and 10,000 children held a gigabyte."""
    import forms.packet
    import planner.output_files

    made: list[str] = []
    written_after: list[int] = []
    real_render, real_write = forms.packet.render_document, planner.output_files.write_synced

    def render(context: object, planned: object) -> object:
        document = real_render(context, planned)  # type: ignore[arg-type]
        made.append(document.filename)
        return document

    def write(path: Path, content: bytes) -> None:
        written_after.append(len(made))
        real_write(path, content)

    monkeypatch.setattr(forms.packet, "render_document", render)
    monkeypatch.setattr(planner.output_files, "write_synced", write)
    monkeypatch.setattr("planner.cli.write_synced", write, raising=False)
    assert main(["render", str(EXAMPLES[0]), "--out", str(tmp_path / "out")]) == 0
    assert len(made) > 3
    assert written_after == list(range(1, len(made) + 1)), "each written as soon as it is made"


def test_the_version_is_the_one_in_planner(capsys: pytest.CaptureFixture[str]) -> None:
    from planner import __version__

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"planner {__version__}"
