"""What the Money section asks: each account, benefit, vehicle or lease — described in words, never
with a full account number —, who can reach it and where its papers are; then any other note."""

from __future__ import annotations

from planner.model import MoneyItem, MoneyKind
from planner.people import isolate
from ui.answers import Answer, Editor, Items, Labels, Reading, Row

KINDS = Labels("money_kind", tuple(kind.value for kind in MoneyKind))


def money_name(item: MoneyItem, reading: Reading) -> str:
    """An account or thing as the family names it: its kind and their description ("Bank
    account: Checking at River Bank, ends 0042"), in the list and on Review."""
    kind = KINDS.read(reading, item.kind.value)
    return f"{kind}: {isolate(item.description)}" if item.description else kind


MONEY = Items(
    "money_and_property",
    "money.list",
    (
        Row(Answer("kind", "money.kind", Editor.CHOICE, choices=KINDS)),
        Answer("description", "money.description", why="money.description_why"),
        Answer("who_can_access", "money.who_can_access", why="money.access_why"),
        Answer("where_papers_are", "money.where_papers_are"),
    ),
    heading=money_name,
    new=lambda: MoneyItem(kind=MoneyKind.OTHER, description=""),
    empty="money.empty",
)

MONEY_NOTES = Answer("money_notes", "money.notes", Editor.NOTES, why="money.notes_why")
