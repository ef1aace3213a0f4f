"""The caregiver authorization: the state's no-court paper, with the signers, witnesses and notary
its law asks for, its citation, its term and a "renew by" date.

What the paper may claim comes from `planner.jurisdictions`; every fact our sources could not
confirm in the law carries "Confirm with an attorney". States with no general instrument get what
exists (health care only) and a plain page saying what it does not cover; states without rules get
a letter that says, first, that it is not a legal instrument.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether

from forms.context import RenderContext
from forms.kit import (
    build_pdf,
    fields_table,
    heading,
    in_language,
    notary_block,
    notice,
    safe,
    signature_block,
    styles,
    title_block,
    witness_block,
)
from forms.paragraph import Paragraph
from forms.people import address_text, date_text, home_address, phones_text, relationship_text
from planner.jurisdictions import Jurisdiction, label, load_jurisdiction
from planner.model import Adult, Child, Contact, Plan, Relationship
from planner.places import language_name

DOMAIN = "jurisdictions"
RELATIVES = frozenset(
    {
        Relationship.GRANDPARENT,
        Relationship.AUNT_UNCLE,
        Relationship.SIBLING,
        Relationship.COUSIN,
        Relationship.OTHER_RELATIVE,
    }
)


@dataclass(frozen=True)
class Parties:
    """Who the paper is about and who signs it."""

    children: list[Child]
    parents: list[Adult]
    other_parents: list[Adult]
    caregiver: Adult | Contact | None
    alternate: Adult | Contact | None


def _parties(plan: Plan, rules: Jurisdiction, subject_id: str | None) -> Parties:
    children = [c for c in plan.children if subject_id is None or c.id == subject_id]
    first = children[0] if children else None
    primary = first.care.primary_caregiver_id if first else None
    alternate = first.care.alternate_caregiver_id if first else None
    elsewhere = [a for a in plan.adults if not a.lives_in_household]
    signers = rules.signers(other_parent_available=bool(elsewhere))
    return Parties(
        children=children,
        parents=[a for a in plan.adults if a.lives_in_household],
        other_parents=elsewhere if "other_parent" in signers else [],
        caregiver=plan.person(primary) if primary else None,
        alternate=plan.person(alternate) if alternate else None,
    )


class CaregiverPaper:
    """One authorization: built section by section so each reads like the paper it prints."""

    def __init__(self, context: RenderContext, subject_id: str | None) -> None:
        self.context = context
        self.plan = context.plan
        self.language = context.language
        self.rules = load_jurisdiction(self.plan.household.state)
        self.words = context.words("doc_caregiver")
        self.parties = _parties(self.plan, self.rules, subject_id)
        self.state = self.rules.display_name(self.language)

    # --- small helpers ----------------------------------------------------------------------------

    @property
    def _languages(self) -> tuple[str, ...]:
        """The family's language, and English under it in a bilingual paper (English controls)."""
        bilingual = self.context.options.bilingual and self.language != "en"
        return (self.language, "en") if bilingual else (self.language,)

    def _both(self, make: Callable[[str], str]) -> list[Flowable]:
        """A sentence made in each language of the paper: the family's first, English under it."""
        first, *rest = self._languages
        paragraphs: list[Flowable] = [Paragraph(make(first), styles().body)]
        return paragraphs + [Paragraph(make(language), styles().english) for language in rest]

    def _bullets(self, make: Callable[[str], str]) -> Flowable:
        return Paragraph("• " + " / ".join(make(lang) for lang in self._languages), styles().body)

    def _unsure(self, *facts: str) -> bool:
        return any(not self.rules.is_confirmed(fact) for fact in facts)

    def _confirmed(self, text: str, language: str, unsure: bool) -> str:
        """The sentence, followed by "Confirm with an attorney." when a fact behind it is unsure."""
        if not unsure:
            return text
        return f"{text} <b>{safe(label('common', 'confirm', language))}</b>"

    def _state(self, part: str, *facts: str) -> list[Flowable]:
        """The state's sentence `part`, marked when one of `facts` is unconfirmed."""
        unsure = self._unsure(*facts)
        return self._both(
            lambda lang: self._confirmed(safe(self.rules.text(part, lang) or ""), lang, unsure)
        )

    def _common(
        self,
        key: str,
        *facts: str,
        translated: Callable[[str], dict[str, object]] | None = None,
        **params: object,
    ) -> list[Flowable]:
        """A shared sentence; `translated(language)` gives parameters that differ by language."""
        unsure = self._unsure(*facts)

        def make(lang: str) -> str:
            values = in_language(params, translated, lang)
            return self._confirmed(safe(label("common", key, lang, **values)), lang, unsure)

        return self._both(make)

    def _para(self, text: str) -> Paragraph:
        return Paragraph(text, styles().body)

    # --- sections ---------------------------------------------------------------------------------

    def title(self) -> list[Flowable]:
        w, rules = self.words, self.rules
        if rules.instrument is None:
            return title_block(w.both("title_generic"), safe(self.state))
        official = safe(rules.instrument.title)
        title = official if self.language == "en" else f"{w('title')}<br/>{official}"
        subtitle = w("subtitle", state=self.state, citation=rules.instrument.citation)
        unsure_citation = self._unsure("instrument.citation")
        parts = title_block(title, self._confirmed(subtitle, self.language, unsure_citation))
        if rules.instrument.official_form:
            unsure = self._unsure("instrument.official_form")
            form = rules.instrument.official_form
            parts += self._both(
                lambda lang: self._confirmed(
                    w.in_language(lang, "official_form", form=form), lang, unsure
                )
            )
        return parts

    def _rule_sentence(self, part: str, language: str, *facts: str) -> str:
        """The state's sentence as plain text (it fills a catalogue sentence, which escapes it),
        with "Confirm with an attorney." when a fact behind it is unconfirmed."""
        text = self.rules.text(part, language) or ""
        if self._unsure(*facts):
            text += " " + label("common", "confirm", language)
        return text

    def how_to_sign(self) -> list[Flowable]:
        w, rules = self.words, self.rules
        if rules.instrument is None:
            return notice(
                w,
                "generic_what_to_do",
                lambda lang: {"limits": self._rule_sentence("limits", lang)},
            )
        story = notice(
            w,
            "what_to_do",
            lambda lang: {"signing": self._rule_sentence("signing", lang, "signing")},
        )
        wording = rules.instrument.wording
        if wording in ("statutory_form", "substantially_statutory_form", "required_contents"):
            citation = rules.instrument.wording_citation or rules.instrument.citation
            story += notice(w, "wording_notice", citation=citation)
        if len(self._languages) > 1:
            language = language_name(self.language, self.language)
            story += self.context.kit.paragraphs("kit.english_controls", language=language)
        return story

    def children(self) -> list[Flowable]:
        w = self.words
        key = "child_heading" if len(self.parties.children) == 1 else "children_heading"
        story = heading(w.both(key))
        for child in self.parties.children:
            story.append(
                fields_table(
                    [
                        (w.both("name"), child.full_name),
                        (w.both("date_of_birth"), date_text(child.date_of_birth, self.language)),
                    ]
                )
            )
        return story

    def _person_rows(self, person: Adult | Contact) -> list[tuple[str, str]]:
        w = self.words
        return [
            (w.both("name"), person.full_name),
            (w.both("date_of_birth"), date_text(person.date_of_birth, self.language)),
            (w.both("address"), address_text(home_address(self.plan, person), self.language)),
            (w.both("phone"), phones_text(person.phones, self.language)),
        ]

    def people(self) -> list[Flowable]:
        w = self.words
        story = heading(w.both("parents_heading"))
        for parent in [*self.parties.parents, *self.parties.other_parents]:
            story.append(fields_table(self._person_rows(parent)))
        story += heading(w.both("caregiver_heading"))
        caregiver = self.parties.caregiver
        if caregiver is None:
            story.append(self._para(w("no_caregiver")))
            return story
        rows = self._person_rows(caregiver)
        rows.insert(1, (w.both("relationship"), relationship_text(caregiver, self.language)))
        story.append(fields_table(rows))
        return story + self._who_may_be_named()

    def _who_may_be_named(self) -> list[Flowable]:
        """Who the law lets the family choose (GA: relatives, or someone an agency approves), so a
        family whose caregiver does not qualify finds out before the paper is needed."""
        instrument = self.rules.instrument
        if instrument is None:
            return []
        who = instrument.who_may_be_named
        story = self._common(
            "who_may_be_named",
            "instrument.who_may_be_named",
            translated=lambda lang: {"who": label("who", who, lang)},
        )
        if instrument.caregiver_min_age:
            age = instrument.caregiver_min_age
            story += self._common("caregiver_min_age", "instrument.caregiver_min_age", age=age)
        if instrument.caregiver_must_live_in_state:
            story += self._common(
                "must_live_in_state",
                "instrument.caregiver_must_live_in_state",
                translated=lambda lang: {"state": self.rules.display_name(lang)},
            )
        return story

    def powers(self) -> list[Flowable]:
        rules = self.rules
        instrument = rules.instrument
        if instrument is None:
            return []
        story = heading(self._heading("powers_heading"))
        story += self._state("summary", "instrument.powers")
        story += [self._power(key) for key in instrument.powers]
        if instrument.relative_powers and self._caregiver_is_relative():
            story += self.words.paragraphs("relative_note")
            story += [self._power(key) for key in instrument.relative_powers]
            story += self._state("relative", "instrument.relative_max_degree")
        if instrument.excluded_powers:
            story += heading(self._heading("excluded_heading"))
            story += [self._power(key) for key in instrument.excluded_powers]
        story += self._state("limits", "instrument.excluded_powers")
        if instrument.parent_decision_prevails:
            story += self.words.paragraphs("parent_prevails")
        if not instrument.general_care:
            story += heading(self.words.both("health_only_heading"))
            story += self.words.paragraphs("health_only", state=self.state)
        return story

    def _power(self, key: str) -> Flowable:
        return self._bullets(lambda lang: safe(label("power", key, lang)))

    def _heading(self, key: str) -> str:
        return " / ".join(safe(label("common", key, lang)) for lang in self._languages)

    def _caregiver_is_relative(self) -> bool:
        caregiver = self.parties.caregiver
        return isinstance(caregiver, Contact) and caregiver.relationship in RELATIVES

    def statement(self) -> list[Flowable]:
        w, rules = self.words, self.rules
        story = heading(w.both("statement_heading"))
        if rules.instrument is None:
            key = "generic_statement"
        else:
            key = "statement_event" if rules.term.starts_on_event else "statement"
        story += w.paragraphs(key)
        if rules.signing.caregiver_signs:
            story += w.paragraphs("caregiver_statement")
        alternate = self.parties.alternate
        if alternate is not None and not (rules.instrument and rules.instrument.names_alternate):
            story += w.paragraphs("alternate_note", name=alternate.full_name)
        return story

    def term(self) -> list[Flowable]:
        rules, w = self.rules, self.words
        story = heading(w.both("term_heading"))
        story += self._state("term", "term")
        today = self.context.options.today
        renew = rules.renew_by(today)
        if renew is None:
            # The state's own sentence says what ends it (NC: an end date, age 18) or that the
            # law sets no limit (FL); a second "no time limit" would contradict the first.
            return story
        unsure = not rules.renew_by_confirmed

        def renew_text(lang: str) -> str:
            dates = {"today": date_text(today, lang), "date": date_text(renew, lang)}
            return self._confirmed(w.in_language(lang, "renew_if_signed", **dates), lang, unsure)

        return story + self._both(renew_text)

    def other_parent(self) -> list[Flowable]:
        rules, w = self.rules, self.words
        if rules.instrument is None:
            return []
        story = heading(w.both("other_parent_heading"))
        if rules.text("other_parent") is None:
            story += self._common("other_parent_unknown")
        else:
            story += self._state("other_parent", "other_parent")
        if rules.other_parent.notice_days:
            for parent in (a for a in self.plan.adults if not a.lives_in_household):
                address = address_text(home_address(self.plan, parent), self.language)
                story.append(self._para(w("mail_to", name=parent.full_name, address=address)))
        return story

    def revocation_and_filing(self) -> list[Flowable]:
        rules, w = self.rules, self.words
        if rules.instrument is None:
            return []
        story = heading(w.both("revoke_heading"))
        if rules.text("revoke") is None:
            story += self._common("revoke_unknown")
        else:
            story += self._state("revoke", "revocation")
        if rules.filing:
            story += heading(w.both("filing_heading"))
            story += self._state("filing", "filing")
        if rules.standby:
            kind = label("standby_kind", rules.standby.kind, self.language)
            story += heading(w.both("standby_heading", kind=kind))
            story += self._state("standby", "standby")
        return story

    def signatures(self) -> list[Flowable]:
        w, rules = self.words, self.rules
        # Signatures start a page of their own unless most of this one is still free.
        story: list[Flowable] = [CondPageBreak(6.5 * inch), *heading(w.both("signatures_heading"))]
        sworn = set(rules.signing.sworn_by)
        if rules.signing.parent_signs:
            for parent in self.parties.parents:
                story += self._signature("parent" in sworn, "role_parent", parent.full_name)
            for parent in self.parties.other_parents:
                story += self._signature("parent" in sworn, "role_other_parent", parent.full_name)
        if rules.signing.caregiver_signs:
            name = self.parties.caregiver.full_name if self.parties.caregiver else ""
            story += self._signature("caregiver" in sworn, "role_caregiver", name)
        return story + self._witnesses_and_notary()

    def _signature(self, sworn: bool, role_key: str, name: str) -> list[Flowable]:
        """One signer's lines; the role and the state are in English too in a bilingual paper."""
        w, rules = self.words, self.rules
        story: list[Flowable] = []
        if sworn:
            # Sworn to before the notary (a jurat), or declared under penalty of perjury.
            key = "sworn_jurat" if rules.sworn_before_notary else "sworn"
            story += w.paragraphs(
                key, styles().small, lambda lang: {"state": rules.display_name(lang)}
            )
        story.append(signature_block(w(role_key), name, self.context.kit, w.english(role_key)))
        return story

    def _witnesses_and_notary(self) -> list[Flowable]:
        rules, kit = self.rules, self.context.kit
        story: list[Flowable] = []
        if rules.notary_or_witnesses:
            story.append(self._para(self.words("either_witnesses_or_notary")))
        if rules.witness_count:
            rules_text = self._witness_rules()
            story.append(witness_block(rules.witness_count, rules_text, kit))
        if rules.needs_notary or rules.notary_or_witnesses:
            jurat = rules.sworn_before_notary
            signers = ", ".join(self._signer_names(sworn_only=jurat)) or "______________________"
            english = self.rules.display_name("en")
            story.append(notary_block(self.state, signers, kit, english, jurat=jurat))
            story += self._common("notary_warning")
        return story

    def _witness_rules(self) -> str:
        signing, lang = self.rules.signing, self.language
        lines = [safe(label("witness_exclusion", key, lang)) for key in signing.witness_exclusions]
        if signing.witness_min_age:
            lines.insert(0, self.words("witness_min_age", age=signing.witness_min_age))
        if self._unsure("signing.witnesses"):
            lines.append(f"<b>{safe(label('common', 'confirm', lang))}</b>")
        return " ".join(lines)

    def _signer_names(self, sworn_only: bool = False) -> list[str]:
        """Who the notary names: every signer, or in a jurat those who swear to the paper."""
        signing = self.rules.signing
        parents = signing.parent_signs and (not sworn_only or "parent" in signing.sworn_by)
        caregiver = signing.caregiver_signs and (not sworn_only or "caregiver" in signing.sworn_by)
        names = [p.full_name for p in [*self.parties.parents, *self.parties.other_parents]]
        names = names if parents else []
        if caregiver and self.parties.caregiver:
            names.append(self.parties.caregiver.full_name)
        return names

    def about(self) -> list[Flowable]:
        rules = self.rules
        story: list[Flowable] = [Paragraph(self.words.both("legal_heading"), styles().heading)]
        story += self._common("not_legal_advice")
        story += self._common(
            "checked",
            translated=lambda lang: {
                "state": rules.display_name(lang),
                "date": date_text(rules.rules_last_checked, lang),
            },
        )
        if rules.unconfirmed:
            story += self._common("unconfirmed_note")
        if rules.sources:
            story.append(Paragraph(self._heading("sources_heading"), styles().label))
        for source in rules.sources:
            mark = label("mark", source.mark, self.language)
            line = f"{safe(source.title)} ({safe(mark)}): {safe(source.url)}"
            story.append(Paragraph(line, styles().small))
        return [KeepTogether(story)]  # a source line alone on a last page reads as a stray

    def story(self) -> list[Flowable]:
        if self.rules.instrument is None:
            steps = [
                self._para("• " + safe(text)) for text in self.rules.texts("steps", self.language)
            ]
        else:
            steps = []
        return [
            *self.title(),
            *self.how_to_sign(),
            *self.children(),
            *self.people(),
            *self.powers(),
            *steps,
            *self.statement(),
            *self.term(),
            *self.other_parent(),
            *self.revocation_and_filing(),
            *self.signatures(),
            *self.about(),
        ]


def render(context: RenderContext, subject_id: str | None = None) -> bytes:
    paper = CaregiverPaper(context, subject_id)
    words = paper.words
    signing = paper.rules.signing
    initials = tuple(
        words.both(key)  # "Padre o madre / Parent" in a bilingual paper
        for key, signs in (
            ("initials_parent", signing.parent_signs),
            ("initials_caregiver", signing.caregiver_signs),
        )
        if signs
    )
    footer = context.footer(initials_for=initials)
    return build_pdf(
        paper.story(), context.meta("caregiver_authorization", words.english("title")), footer
    )
