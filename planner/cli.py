"""The `planner` command: check plans, print the format, render the packet, without a screen.

Exit codes: 0 all good (warnings allowed), 1 a plan has errors, 2 a file could not be read as a plan
or the command was used wrongly. Nothing a user can cause ends in a traceback.

Like the wizard, this is a front end: it is the one module of `planner/` that reaches `forms/`, and
only inside the render command, so the domain stays importable without reportlab.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner import __version__
from planner.i18n import SUPPORTED_LANGUAGES, translate
from planner.packet import PacketDocumentKind
from planner.vault_cli import register as register_vault

if TYPE_CHECKING:  # each command imports what it uses when it runs (see `_imports`)
    from planner.model import Plan
    from planner.output_files import FileWriter
    from planner.validation import Problem

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2


@contextmanager
def _imports() -> Iterator[None]:
    """Around a command's imports (and the plan it reads): no garbage collection meanwhile.

    They make tens of thousands of objects that live until the program ends, and the collector
    would walk them over and over for nothing (about 30 ms of a render). Afterwards they are
    frozen out of later collections, which also keeps a collection in the workers `render`
    forks from copying the pages they share with this process. `main` unfreezes them at the
    end, so a caller that runs commands in its own process collects as before.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


def _problem_line(problem: Problem, language: str) -> str:
    from planner.validation import Severity

    if problem.severity is Severity.WARNING:
        label = translate("cli.warning", language)
        return f"{problem.path}: {label}: {problem.message(language)}"
    return f"{problem.path}: {problem.message(language)}"


def _problem_json(problem: Problem, language: str) -> dict[str, Any]:
    return {
        "path": problem.path,
        "severity": problem.severity.value,
        "key": problem.key,
        "message": problem.message(language),
    }


@dataclass
class Examined:
    """One plan file read and checked: its exit code, its problems, and the plan if it loaded."""

    code: int
    problems: list[Problem]
    plan: Plan | None


def _examine(path: Path, today: date, with_warnings: bool) -> Examined:
    """Read and check one file; PlanFileError propagates to the caller."""
    from planner.plan_file import read_plan
    from planner.validation import check, completeness, has_errors

    reading = read_plan(path)
    problems = list(reading.problems)
    if reading.plan is None:
        return Examined(EXIT_UNREADABLE, problems, None)
    problems += check(reading.plan, today)
    if with_warnings:
        problems += completeness(reading.plan)
    return Examined(EXIT_PROBLEMS if has_errors(problems) else EXIT_OK, problems, reading.plan)


def _validate(args: argparse.Namespace) -> int:
    from planner.plan_file import PlanFileError

    language: str = args.lang
    today = date.today()
    worst = EXIT_OK
    report: list[dict[str, Any]] = []
    for path in args.files:
        prefix = f"{path}: " if len(args.files) > 1 else ""
        try:
            with _imports():
                examined = _examine(path, today, not args.errors_only)
        except PlanFileError as unreadable:
            worst = max(worst, EXIT_UNREADABLE)
            report.append({"file": str(path), "error": unreadable.message(language)})
            if not args.json:
                print(f"{path}: {unreadable.message(language)}", file=sys.stderr)
            continue
        worst = max(worst, examined.code)
        report.append(
            {"file": str(path), "ok": examined.code == EXIT_OK,
             "problems": [_problem_json(p, language) for p in examined.problems]}
        )  # fmt: skip
        if not args.json:
            for problem in examined.problems:
                print(prefix + _problem_line(problem, language))
    if args.json:
        print(json.dumps({"files": report}, ensure_ascii=False, indent=2))
    return worst


def _document_kinds(text: str) -> frozenset[str]:
    kinds = frozenset(part.strip() for part in text.split(",") if part.strip())
    choices = {kind.value for kind in PacketDocumentKind}
    for kind in sorted(kinds - choices):
        params = {"kind": kind, "choices": ", ".join(sorted(choices))}
        raise argparse.ArgumentTypeError(translate("render.unknown_kind", "en", params))
    return kinds


def _document_language(plan: Plan) -> str:
    """The plan's chosen document language when we have its catalogue; English otherwise."""
    wanted = plan.household.document_language.split("-")[0]
    return wanted if wanted in SUPPORTED_LANGUAGES else "en"


def _render(args: argparse.Namespace) -> int:
    from planner.output_files import OutputError, write_files, write_synced
    from planner.plan_file import PlanFileError

    # The person running the command reads its --lang (English by default, as every command),
    # whatever language the plan's documents print in.
    speaking: str = args.lang or "en"
    try:
        with _imports():
            from forms.context import RenderOptions
            from forms.packet import render_each
            from forms.parallel import usable_cores

            examined = _examine(args.plan, date.today(), with_warnings=False)
    except PlanFileError as unreadable:
        print(f"{args.plan}: {unreadable.message(speaking)}", file=sys.stderr)
        return EXIT_UNREADABLE
    if examined.code != EXIT_OK or examined.plan is None:
        for problem in examined.problems:
            print(_problem_line(problem, speaking), file=sys.stderr)
        print(translate("render.plan_has_errors", speaking), file=sys.stderr)
        return examined.code
    language = args.lang or _document_language(examined.plan)
    options = RenderOptions(language=language, bilingual=args.bilingual, only=args.only)
    # Each document written as it is made: the packet is never all in memory. This process
    # owns itself and runs no threads, so documents are made in as many forked processes as
    # there are processors to run them (forms.parallel), with the same bytes.
    made = render_each(examined.plan, options, workers=args.workers or usable_cores())
    files = ((d.filename, d.content) for d in made)
    # The kinds asked for, even those with no document now (a plan without schools): their
    # files from an earlier render are stale. Kinds not asked for are left as they are.
    kinds = frozenset(PacketDocumentKind(kind) for kind in args.only or PacketDocumentKind)
    try:
        written = write_files(args.out, files, kinds, args.write_file or write_synced)
    except OutputError as failed:
        print(translate(failed.key, speaking), file=sys.stderr)
        return EXIT_UNREADABLE
    print(translate("render.wrote", speaking, {"count": len(written), "folder": args.out}))
    for path in written:
        print(f"  {path.name}")
    return EXIT_OK


def _review_sheet(args: argparse.Namespace) -> int:
    from planner.jurisdictions import available_states, load_jurisdiction
    from planner.review_sheet import review_sheet, review_text

    code = args.state.strip().upper()
    if code not in available_states():
        params = {"state": args.state, "choices": ", ".join(available_states())}
        print(translate("cli.unknown_state", args.lang, params), file=sys.stderr)
        return EXIT_UNREADABLE
    print(review_text(review_sheet(load_jurisdiction(code)), args.lang))
    return EXIT_OK


def _schema(_: argparse.Namespace) -> int:
    from planner.model import Plan

    schema = Plan.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Family preparedness plan"
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="planner", description="Family Preparedness Planner: plans, checks and documents."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = commands.add_parser("validate", help="check plan files and list their problems")
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE")
    validate.add_argument("--lang", choices=SUPPORTED_LANGUAGES, default="en")
    validate.add_argument("--json", action="store_true", help="machine-readable output")
    validate.add_argument(
        "--errors-only", action="store_true", help="leave out completeness warnings"
    )
    validate.set_defaults(run=_validate)
    render = commands.add_parser("render", help="write the plan's packet of documents")
    render.add_argument("plan", type=Path, metavar="PLAN")
    render.add_argument("--out", type=Path, required=True, metavar="DIR")
    render.add_argument(
        "--lang", choices=SUPPORTED_LANGUAGES, default=None,
        help="language of the documents and of what the command says (default: documents in "
        "the plan's document language, the command in English)",
    )  # fmt: skip
    render.add_argument(
        "--bilingual", action="store_true", help="print English beside the family's language"
    )
    render.add_argument(
        "--only", type=_document_kinds, default=None, metavar="KIND,…",
        help="only these kinds of document",
    )  # fmt: skip
    render.set_defaults(run=_render)
    review = commands.add_parser(
        "review-sheet", help="list what a state's caregiver paper carries, for an attorney"
    )
    review.add_argument("state", metavar="STATE", help="a two-letter state code, such as TX")
    review.add_argument("--lang", choices=SUPPORTED_LANGUAGES, default="en")
    review.set_defaults(run=_review_sheet)
    schema = commands.add_parser("schema", help="print the plan file's JSON Schema")
    schema.set_defaults(run=_schema)
    register_vault(commands)
    return parser


def _print_anything() -> None:
    """Text that cannot be encoded is printed escaped (`\\udcff`), not a traceback: a file
    name that is not UTF-8 reaches Python holding a lone surrogate, and a strict UTF-8 output
    (PYTHONIOENCODING, many terminals) refuses to print it."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def main(
    argv: Sequence[str] | None = None,
    write_file: FileWriter | None = None,
    workers: int | None = None,
) -> int:
    """Run one command. `write_file` writes each output file (tests pass one that fails).

    `render` makes its documents in `workers` processes forked from this one. By default that
    is one a processor when the command comes from the command line (the `planner` program,
    which owns its process), and none when a caller passes `argv`: a test or a tool running a
    command inside its own process is never forked."""
    _print_anything()
    args = build_parser().parse_args(argv)
    args.write_file = write_file
    args.workers = workers if workers is not None else (None if argv is None else 1)
    try:
        code: int = args.run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    finally:
        gc.unfreeze()  # what `_imports` froze is collected again, as in any caller
    return code


if __name__ == "__main__":
    sys.exit(main())
