"""Who signs each document of the packet, and in front of whom, as the documents page says it.

The caregiver authorization follows the state's rules (`planner.jurisdictions`): its signers, its
witnesses, its notary. The school letters are signed by the parents. The rest need no signature.
"""

from __future__ import annotations

from planner.jurisdictions import label, load_jurisdiction
from planner.model import Plan
from planner.packet import PacketDocumentKind
from planner.paper_parties import paper_signers, parties
from ui.i18n import PSEUDO, Words, pseudo


def signing_lines(
    plan: Plan, kind: PacketDocumentKind, subject_id: str | None, words: Words
) -> list[str]:
    """What to tell the family about signing one document, in the interface's language. The
    state's sentences come from the planner in the catalogue language, stretched as the pseudo
    locale stretches the interface's."""
    a_parent = words("documents.sign.a_parent")
    if kind is PacketDocumentKind.REVIEW_SHEET:
        return [words("documents.sign.attorney")]
    if kind is PacketDocumentKind.SCHOOL_RELEASE:
        parents = ", ".join(a.full_name for a in plan.adults if a.full_name)
        return [words("documents.sign.school", names=parents or a_parent)]
    if kind is not PacketDocumentKind.CAREGIVER_AUTHORIZATION:
        return [words("documents.sign.none")]
    language = words.catalogue_language
    own = pseudo if words.language == PSEUDO else str
    rules = load_jurisdiction(plan.household.state)
    who = parties(plan, subject_id)
    lines = [words(f"documents.sign.{rules.signing.when}"), words("documents.sign.who")]
    for signer in paper_signers(rules):  # role and name, as the paper has them
        role = own(label("signer", signer, language))
        unnamed = words("documents.sign.the_caregiver") if signer == "caregiver" else a_parent
        lines.append(
            words("documents.sign.signer", role=role, names=who.name_of(signer) or unnamed)
        )
    if rules.witness_count:
        lines.append(words("documents.sign.witnesses", count=rules.witness_count))
    days = rules.signing.notary_if_term_over_days or 0
    lines.append(own(label("notary", rules.signing.notary, language, days=days)))
    if state_text := rules.text("signing", language):
        lines.append(own(state_text))
    return lines
