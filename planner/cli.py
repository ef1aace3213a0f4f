"""The `planner` command: check plan files and print the plan format, without a screen.

Exit codes: 0 all good (warnings allowed), 1 a plan has errors, 2 a file could not be read as a plan
or the command was used wrongly. Nothing a user can cause ends in a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from planner.i18n import SUPPORTED_LANGUAGES, translate
from planner.model import Plan
from planner.plan_file import PlanFileError, read_plan
from planner.validation import Problem, Severity, check, completeness, has_errors

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2


def _problem_line(problem: Problem, language: str) -> str:
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


def _examine(path: Path, today: date, with_warnings: bool) -> tuple[int, list[Problem]]:
    """Exit code and problems for one file; PlanFileError propagates to the caller."""
    reading = read_plan(path)
    problems = list(reading.problems)
    if reading.plan is None:
        return EXIT_UNREADABLE, problems
    problems += check(reading.plan, today)
    if with_warnings:
        problems += completeness(reading.plan)
    return (EXIT_PROBLEMS if has_errors(problems) else EXIT_OK), problems


def _validate(args: argparse.Namespace) -> int:
    language: str = args.lang
    today = date.today()
    worst = EXIT_OK
    report: list[dict[str, Any]] = []
    for path in args.files:
        prefix = f"{path}: " if len(args.files) > 1 else ""
        try:
            code, problems = _examine(path, today, not args.errors_only)
        except PlanFileError as unreadable:
            worst = max(worst, EXIT_UNREADABLE)
            report.append({"file": str(path), "error": unreadable.message(language)})
            if not args.json:
                print(f"{path}: {unreadable.message(language)}", file=sys.stderr)
            continue
        worst = max(worst, code)
        report.append(
            {"file": str(path), "ok": code == EXIT_OK,
             "problems": [_problem_json(p, language) for p in problems]}
        )  # fmt: skip
        if not args.json:
            for problem in problems:
                print(prefix + _problem_line(problem, language))
    if args.json:
        print(json.dumps({"files": report}, ensure_ascii=False, indent=2))
    return worst


def _schema(_: argparse.Namespace) -> int:
    schema = Plan.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Family preparedness plan"
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="planner", description="Family Preparedness Planner: plans, checks and documents."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = commands.add_parser("validate", help="check plan files and list their problems")
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE")
    validate.add_argument("--lang", choices=SUPPORTED_LANGUAGES, default="en")
    validate.add_argument("--json", action="store_true", help="machine-readable output")
    validate.add_argument(
        "--errors-only", action="store_true", help="leave out completeness warnings"
    )
    validate.set_defaults(run=_validate)
    schema = commands.add_parser("schema", help="print the plan file's JSON Schema")
    schema.set_defaults(run=_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    return code


if __name__ == "__main__":
    sys.exit(main())
