"""Who signs each document of the packet, and in front of whom, as the documents page says it.

The caregiver authorization follows the state's rules (`planner.jurisdictions`): its signers, its
witnesses, its notary. The school letters are signed by the parents. The rest need no signature.
"""

from __future__ import annotations

from collections.abc import Callable

from planner.jurisdictions import label, load_jurisdiction
from planner.model import Plan
from planner.packet import PacketDocumentKind
from planner.paper_parties import paper_signers, parties

Say = Callable[..., str]
"""The interface's words (`ui.i18n.Words`)."""


def _names(names: list[str], fallback: str) -> str:
    shown = [name for name in names if name]
    return ", ".join(shown) if shown else fallback


def caregiver_signers(
    plan: Plan, subject_id: str | None, say: Say, own: Callable[[str], str], language: str
) -> list[str]:
    """One line per signer of the state's caregiver paper: role and name, as the paper has them."""
    rules = load_jurisdiction(plan.household.state)
    who = parties(plan, subject_id)
    fallback = {
        "parent": say("documents.sign.a_parent"),
        "other_parent": say("documents.sign.a_parent"),
        "caregiver": say("documents.sign.the_caregiver"),
    }
    lines = []
    for signer in paper_signers(rules):
        role = own(label("signer", signer, language))
        name = who.name_of(signer) or fallback[signer]
        lines.append(say("documents.sign.signer", role=role, names=name))
    return lines


def signing_lines(
    plan: Plan,
    kind: PacketDocumentKind,
    subject_id: str | None,
    say: Say,
    language: str,
    own: Callable[[str], str] = str,
) -> list[str]:
    """What to tell the family about signing one document, in the interface's language.

    `language` is the catalogue language for the planner's own sentences; `own` marks them (the
    pseudo locale stretches them too)."""
    if kind is PacketDocumentKind.CAREGIVER_AUTHORIZATION:
        rules = load_jurisdiction(plan.household.state)
        lines = [
            say(f"documents.sign.{rules.signing.when}"),
            say("documents.sign.who"),
            *caregiver_signers(plan, subject_id, say, own, language),
        ]
        if rules.witness_count:
            lines.append(say("documents.sign.witnesses", count=rules.witness_count))
        days = rules.signing.notary_if_term_over_days or 0
        lines.append(own(label("notary", rules.signing.notary, language, days=days)))
        state_text = rules.text("signing", language)
        if state_text:
            lines.append(own(state_text))
        return lines
    if kind is PacketDocumentKind.REVIEW_SHEET:
        return [say("documents.sign.attorney")]
    if kind is PacketDocumentKind.SCHOOL_RELEASE:
        parents = _names([a.full_name for a in plan.adults], say("documents.sign.a_parent"))
        return [say("documents.sign.school", names=parents)]
    return [say("documents.sign.none")]
