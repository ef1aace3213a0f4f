"""Who a child's caregiver paper is about and who signs it, decided once for the paper, its
signing sheet and the wizard.

The parent who signs is the first parent living with the child (or the first in the plan); every
other parent or guardian is an "other parent" for the statute's purposes (notice, consent).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from planner.jurisdictions import Element, Jurisdiction, Signer
from planner.model import Adult, Child, Contact, Plan

Person = Adult | Contact
SIGNING_ORDER: tuple[Signer, ...] = ("parent", "other_parent", "caregiver")


@dataclass(frozen=True)
class Parties:
    child: Child | None
    parent: Adult | None
    other_parents: list[Adult]
    caregiver: Person | None
    alternate: Person | None

    @property
    def other_parent(self) -> Adult | None:
        return self.other_parents[0] if self.other_parents else None

    def name_of(self, signer: Signer) -> str:
        """The printed name on a signer's lines ("" when nobody is chosen yet)."""
        person: Person | None = {
            "parent": self.parent,
            "other_parent": self.other_parent,
            "caregiver": self.caregiver,
        }[signer]
        return person.full_name if person else ""


def parties(plan: Plan, child_id: str | None) -> Parties:
    """The parties to the paper of the child with `child_id` (the first child when None)."""
    child = next((c for c in plan.children if child_id in (None, c.id)), None)
    at_home = [a for a in plan.adults if a.lives_in_household]
    parent = at_home[0] if at_home else (plan.adults[0] if plan.adults else None)
    care = child.care if child else None
    primary = care.primary_caregiver_id if care else None
    alternate = care.alternate_caregiver_id if care else None
    return Parties(
        child=child,
        parent=parent,
        other_parents=[a for a in plan.adults if a is not parent],
        caregiver=plan.person(primary) if primary else None,
        alternate=plan.person(alternate) if alternate else None,
    )


def paper_signers(
    rules: Jurisdiction, applies: Callable[[Element], bool] = lambda _: True
) -> tuple[Signer, ...]:
    """Who signs the state's paper (of the elements that `applies` keeps), each once: the parent,
    an other parent, then the caregiver, the order a notary names them in."""
    signers = {
        e.signer for e in rules.elements if e.place == "signature" and e.signer and applies(e)
    }
    return tuple(signer for signer in SIGNING_ORDER if signer in signers)
