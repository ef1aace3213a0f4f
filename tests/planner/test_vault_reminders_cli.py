"""`planner vault reminders`: what is due this week, by short code unless names are asked for;
`--ics` writes the calendar file, private and whole, and says so; mistakes are one line."""

from __future__ import annotations

import stat
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest

from planner.caseload import short_code
from planner.model import Plan
from planner.plan_file import plan_to_json
from tests.conftest import Ran
from tests.planner.conftest import sentinel_plan
from tests.planner.test_reminders import signed
from tests.planner.test_vault_cli import PASSPHRASE, assert_one_line_error

VaultCommand = Callable[..., Ran]
TODAY = date.today()


def reviewed_on(plan: Plan, day: date) -> Plan:
    return plan.model_copy(update={"review": plan.review.model_copy(update={"next_review": day})})


class Caseload:
    """A passphrase vault (no keyring here) holding two invented households: one whose review
    is two days late and whose papers were signed today (renewed months from now), one whose
    review is a month away."""

    def __init__(self, vault_cli: VaultCommand, tmp_path: Path) -> None:
        self.vault_cli, self.home = vault_cli, tmp_path / "vault"
        self.late, self.secrets = sentinel_plan()
        self.late = reviewed_on(signed(self.late, TODAY), TODAY - timedelta(days=2))
        later = reviewed_on(sentinel_plan()[0], TODAY + timedelta(days=30))
        self.run("init")
        self.late_id, self.later_id = (self.save(plan, tmp_path) for plan in (self.late, later))

    def save(self, plan: Plan, folder: Path) -> str:
        path = folder / "plan.json"
        path.write_text(plan_to_json(plan), encoding="utf-8")
        return self.run("save", str(path)).stdout.split()[2].rstrip(",")

    def command(self, *args: str) -> Ran:
        return self.vault_cli(self.home, *args, "--passphrase-stdin", stdin=PASSPHRASE)

    def run(self, *args: str) -> Ran:
        result = self.command(*args)
        assert result.returncode == 0, result.stderr
        return result


@pytest.fixture
def caseload(vault_cli: VaultCommand, tmp_path: Path) -> Caseload:
    return Caseload(vault_cli, tmp_path)


def test_this_weeks_list_names_households_by_code_unless_asked(caseload: Caseload) -> None:
    week = caseload.run("reminders").stdout
    late_day = (TODAY - timedelta(days=2)).isoformat()
    assert week.splitlines() == [
        f"{late_day}  {short_code(caseload.late_id)}: plan review due  (late)"
    ]
    assert all(secret not in week for secret in caseload.secrets)

    month = caseload.run("reminders", "--days", "30").stdout.splitlines()
    assert len(month) == 2
    assert month[1].endswith(f"{short_code(caseload.later_id)}: plan review due")

    named = caseload.run("reminders", "--names").stdout
    assert named.startswith(f"{late_day}  {caseload.late.household.display_name}: ")
    assert all(secret not in named for secret in caseload.secrets[1:])

    spanish = caseload.run("reminders", "--lang", "es").stdout
    assert spanish.strip().endswith(": toca revisar el plan  (atrasado)")


def test_the_calendar_file_is_private_whole_and_names_nobody(
    caseload: Caseload, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "caseload.ics"
    target.parent.mkdir()
    said = caseload.run("reminders", "--ics", str(target)).stdout
    papers = len(caseload.late.children)
    assert f"{2 + papers} reminder(s) were written to {target}" in said
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["caseload.ics"], "no draft left beside it"

    text = target.read_text(encoding="utf-8")
    events = list(icalendar.Calendar.from_ical(text).walk("VEVENT"))
    assert len(events) == 2 + papers
    assert all(secret not in text for secret in caseload.secrets)
    assert all(child.id not in text for child in caseload.late.children), "only a digest"
    assert {str(e["SUMMARY"]).split(":")[0] for e in events} == {
        short_code(caseload.late_id),
        short_code(caseload.later_id),
    }

    caseload.run("reminders", "--ics", str(target), "--names")
    again = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert sorted(str(e["UID"]) for e in again) == sorted(str(e["UID"]) for e in events)
    assert caseload.late.household.display_name in target.read_text(encoding="utf-8")
    assert [p.name for p in target.parent.iterdir()] == ["caseload.ics"]


def test_names_in_a_calendar_come_with_a_warning(caseload: Caseload, tmp_path: Path) -> None:
    said = caseload.run("reminders", "--ics", str(tmp_path / "named.ics"), "--names").stdout
    assert "This calendar names the households" in said


def test_a_calendar_that_cannot_be_written_is_one_line(caseload: Caseload, tmp_path: Path) -> None:
    missing = tmp_path / "no such folder" / "caseload.ics"
    line = assert_one_line_error(caseload.command("reminders", "--ics", str(missing)), 2)
    assert line.startswith(f"The calendar could not be written to {missing}")
    assert not missing.parent.exists()

    spanish = caseload.command("reminders", "--days", "-1", "--lang", "es")
    assert assert_one_line_error(spanish, 2) == "--days debe ser 0 o más."


def test_an_empty_vault_has_nothing_due(vault_cli: VaultCommand, tmp_path: Path) -> None:
    home = tmp_path / "vault"
    assert vault_cli(home, "init", "--passphrase-stdin", stdin=PASSPHRASE).returncode == 0
    said = vault_cli(home, "reminders", "--passphrase-stdin", stdin=PASSPHRASE)
    assert said.returncode == 0, said.stderr
    assert said.stdout.strip() == "Nothing is due in the next 7 days."
