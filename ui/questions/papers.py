"""What the Papers section asks: each of the family's papers (a birth certificate, a passport) —
its kind, a detail that tells it apart, whose it is, where it is kept, whether the family has it."""

from __future__ import annotations

from collections.abc import Sequence

from planner.model import Adult, Child, DocumentLocation, DocumentStatus, PaperKind, Plan
from planner.people import isolate
from ui.answers import Answer, Choices, Editor, Items, Labels, Reading, Row

KINDS = Labels("document_kind", tuple(kind.value for kind in PaperKind))
STATUSES = Labels("document_status", tuple(status.value for status in DocumentStatus))


def owners(plan: Plan) -> list[Adult | Child]:
    """Whose a paper may be: the plan's parents, then its children."""
    return [*plan.adults, *plan.children]


class Owners(Choices):
    """Whose paper it is: the whole household (`belongs_to` None, shown as ""), or one of the
    plan's parents and children by name. Someone a paper still names but the plan no longer has
    stays, named so, until the family chooses another."""

    def options(self, reading: Reading, current: Sequence[str]) -> list[tuple[str, str]]:
        say, people = reading.say, owners(reading.plan)
        found = [("", say("papers.household"))]
        found += [(p.id, p.full_name or say("papers.no_name")) for p in people]
        known = {p.id for p in people}
        found += [(v, say("papers.unknown_person")) for v in current if v and v not in known]
        return found

    def read(self, reading: Reading, value: str) -> str:
        say = reading.say
        if not value:
            return say("papers.household")
        person = next((p for p in owners(reading.plan) if p.id == value), None)
        if person is None:
            return say("papers.unknown_person")
        return isolate(person.full_name) if person.full_name else say("papers.no_name")


OWNERS = Owners()


def paper_name(paper: DocumentLocation, kind: str) -> str:
    """A paper as the family names it: its kind (`kind`, in the reader's words) and the detail
    that tells it apart ("Passport: Guatemalan passport")."""
    return f"{kind}: {isolate(paper.description)}" if paper.description else kind


def paper_line(paper: DocumentLocation, reading: Reading) -> str:
    """A paper in the page's list: its name, whose it is and whether the family has it. The usual
    papers add a passport for each person, which only the owner tells apart."""
    name = paper_name(paper, KINDS.read(reading, paper.kind.value))
    whose = OWNERS.read(reading, paper.belongs_to or "")
    return f"{name} — {whose} — {STATUSES.read(reading, paper.status.value)}"


PAPERS = Items(
    "documents",
    "papers.list",
    (
        Row(Answer("kind", "papers.kind", Editor.CHOICE, choices=KINDS)),
        Answer("description", "papers.description", why="papers.description_why"),
        Row(Answer("belongs_to", "papers.belongs_to", Editor.CHOICE, choices=OWNERS)),
        Answer("location", "papers.location", why="papers.location_why"),
        Row(Answer("status", "papers.status", Editor.CHOICE, choices=STATUSES)),
    ),
    heading=lambda paper, reading: paper_name(paper, KINDS.read(reading, paper.kind.value)),
    new=lambda: DocumentLocation(kind=PaperKind.OTHER),
    empty="papers.empty",
)
