"""What the vault keeps in a household's summary for the caseload, and that listing reads only
summaries: the state, each child's paper, a missing alternate, the search text; summaries saved
by an earlier version still list; no plan is decrypted to list."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest

from planner import vault as vault_module
from planner import vault_records
from planner.caseload import PaperState, select
from planner.keys import INSECURE_TEST_COST
from planner.model import Plan
from planner.vault import Vault
from planner.vault_records import summary_from
from tests.conftest import example_plan
from tests.planner.conftest import MemoryKeyStore


def with_papers_signed(name: str, signed: date | None, alternate: bool = True) -> Plan:
    """An invented example household whose children's caregiver papers were signed that day."""
    data: dict[str, Any] = example_plan(name).model_dump(mode="json")
    for child in data["children"]:
        child["care"]["paper_signed_on"] = signed.isoformat() if signed else None
    if not alternate:
        data["children"][-1]["care"]["alternate_caregiver_id"] = None
    return Plan.model_validate(data)


def listed(vault: Vault, household_id: str) -> vault_records.HouseholdSummary:
    (summary,) = [s for s in vault.list_households() if s.household_id == household_id]
    return summary


def test_a_saved_plan_lists_its_state_papers_and_alternates(vault: Vault) -> None:
    """CA's affidavit holds a year from signing; NY's designation its longest period."""
    ca = vault.save(with_papers_signed("small-ca.json", date(2026, 3, 1))).household_id
    ny = vault.save(with_papers_signed("mixed-names-ny.json", None, alternate=False))
    summary = listed(vault, ca)
    assert summary.state == "CA"
    assert summary.papers == (PaperState(date(2026, 3, 1), date(2027, 2, 28)),)
    assert not summary.no_alternate
    other = listed(vault, ny.household_id)
    assert other.state == "NY"
    assert other.papers == (PaperState(None, None),) * 3
    assert other.no_alternate


def test_a_saved_plan_lists_its_childrens_ids_beside_their_names(vault: Vault) -> None:
    """The ids keep a reminder on its child when another child is removed."""
    plan = example_plan("mixed-names-ny.json")
    household_id = vault.save(plan).household_id
    summary = listed(vault, household_id)
    assert summary.child_ids == tuple(child.id for child in plan.children)
    assert len(summary.child_ids) == len(summary.children) == len(summary.papers)
    vault.save(plan.model_copy(update={"children": plan.children[1:]}), household_id)
    assert listed(vault, household_id).child_ids == summary.child_ids[1:]


def test_a_saved_plan_is_found_by_its_names_phones_and_a_number(vault: Vault) -> None:
    tx = vault.save(example_plan("large-tx.json")).household_id
    vault.save(example_plan("small-ca.json"))
    for typed in ("xicara", "Ana Lucía", "(713) 555-0126", "A-208-456-317", "A87654321"):
        assert [s.household_id for s in select(vault.list_households(), typed)] == [tx], typed


def test_the_summary_keeps_no_more_than_the_list_needs() -> None:
    """No address, notes, contacts, attorney or case notes ride along with every unlock."""
    plan = example_plan("large-tx.json")
    raw = vault_records.summary_bytes(plan, datetime(2026, 12, 6, tzinfo=UTC)).decode()
    assert plan.household.address.street not in raw
    assert plan.emergency_contacts[0].given_names not in raw
    assert plan.notes and plan.notes[:20] not in raw


OLD_SUMMARY = {  # as saved before the caseload's keys were kept
    "display_name": "Familia Ramírez Ortega",
    "children": ["Sofía Valentina", "Mateo"],
    "missing_items": 2,
    "next_review": "2027-04-04",
    "updated_at": "2026-10-04T15:02:00+00:00",
}


def test_a_summary_saved_by_an_earlier_version_reads_with_defaults() -> None:
    summary = summary_from("3c4d5e6f7a8b", 4, json.dumps(OLD_SUMMARY).encode())
    assert summary.display_name == "Familia Ramírez Ortega"
    assert summary.state == ""
    assert not summary.no_alternate
    assert summary.papers == (PaperState(), PaperState())  # no plan could record a signing then
    assert not summary.damaged
    assert summary.child_ids == ()  # reminders tell its children apart by position
    assert select([summary], "ramirez mateo") == [summary]  # its names are still searchable


def test_an_earlier_summary_in_the_vault_lists_until_saved_again(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sealed by the vault itself, as the earlier version did, then saved by this one."""
    with monkeypatch.context() as patch:
        old_shape = json.dumps(OLD_SUMMARY).encode()
        patch.setattr(vault_module, "summary_bytes", lambda plan, saved_at: old_shape)
        household_id = vault.save(example_plan("small-ca.json")).household_id
    old = listed(vault, household_id)
    assert (old.state, old.search.startswith("familia ramirez ortega")) == ("", True)
    vault.save(example_plan("small-ca.json"), household_id)
    assert listed(vault, household_id).state == "CA"


def test_listing_decrypts_no_plan(
    vault: Vault, keystore: MemoryKeyStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("small-ca.json", "mixed-names-ny.json", "large-tx.json"):
        vault.save(example_plan(name))
    opened: list[object] = []
    monkeypatch.setattr(vault_module, "plan_from", lambda raw: opened.append(raw))
    monkeypatch.setattr(Vault, "_payload", lambda *args: opened.append(args))
    again = Vault(vault.folder, keystore, kdf_cost=INSECURE_TEST_COST)
    again.unlock()
    assert len(again.list_households()) == 3
    assert opened == []
    again.lock()


def test_a_summary_moved_to_another_household_is_damaged_not_read(vault: Vault) -> None:
    """Listing still authenticates every summary under its own household and revision."""
    first = vault.save(example_plan("small-ca.json")).household_id
    second = vault.save(example_plan("large-tx.json")).household_id
    db = vault._db
    assert db is not None
    (sealed,) = db.execute("SELECT summary FROM households WHERE id = ?", (first,)).fetchone()
    with db:
        db.execute("UPDATE households SET summary = ? WHERE id = ?", (sealed, second))
    summaries = {s.household_id: s for s in vault.list_households()}
    assert summaries[second].damaged and not summaries[first].damaged


def test_childrens_ids_that_do_not_match_the_children_are_not_trusted() -> None:
    """Only damage could make them disagree; the summary then reads as if it had none."""
    lopsided = {**OLD_SUMMARY, "child_ids": ["child-sofia"]}
    assert summary_from("3c4d5e6f7a8b", 4, json.dumps(lopsided).encode()).child_ids == ()
