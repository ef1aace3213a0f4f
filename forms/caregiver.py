"""The caregiver authorization: the state's no-court paper, carrying every element its law
requires, in the law's order, and nothing else.

The elements come from the state's rules file (`planner.jurisdictions`), each with its sentence in
the state's paper catalogue. Our own remarks (how to sign, what we could not confirm, where a fact
came from) are on the signing sheet (`forms.signing`), never on what a person signs or swears.
A paper for a family whose language is not English is bilingual: each English paragraph, which
controls, with its translation under it; the notary's certificate is in English only.

States without rules get a letter that says, first, that it is not a legal instrument.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from forms.context import RenderContext
from forms.kit import (
    Words,
    build_pdf,
    form_fields,
    heading,
    kit_words,
    notary_block,
    safe,
    signature_block,
    styles,
    title_block,
    warning_box,
    witness_block,
)
from forms.paragraph import Paragraph
from planner.jurisdictions import Element, Jurisdiction, Place, load_jurisdiction
from planner.model import PaperEnd, PaperPeriod, PaperStart, Plan
from planner.paper_parties import Parties, Person, paper_signers, parties
from planner.paper_period import days_in_effect, end_day
from planner.people import address_text, date_text, home_address, phones_text, relationship_text
from planner.places import US_STATES, language_name


def _in_sentence(name: str, language: str) -> str:
    """A language's name inside a sentence: Spanish writes it in lower case ("en español")."""
    return name[:1].lower() + name[1:] if language == "es" else name


def paper_languages(language: str) -> tuple[str, ...]:
    """English, which controls, and the family's language under it when that is not English."""
    return ("en",) if language == "en" else ("en", language)


class PaperValues:
    """The plan's values an element prints, in one language (dates and choices in words)."""

    def __init__(self, plan: Plan, rules: Jurisdiction, who: Parties, signed_on: date) -> None:
        self.plan, self.rules, self.who, self.signed_on = plan, rules, who, signed_on

    def _person(self, prefix: str, person: Person | None, language: str) -> dict[str, str]:
        if person is None:
            return {f"{prefix}_{part}": "" for part in ("name", "address", "phone")}
        address = address_text(home_address(self.plan, person), language).replace("\n", ", ")
        return {
            f"{prefix}_name": person.full_name,
            f"{prefix}_address": address,
            f"{prefix}_phone": phones_text(person.phones[:1], language),
        }

    def __call__(self, language: str) -> dict[str, str]:
        who, child = self.who, self.who.child
        caregiver = who.caregiver
        other = who.other_parent
        values = {
            "child_name": child.full_name if child else "",
            "child_birth_date": date_text(child.date_of_birth if child else None, language),
            "child_address": address_text(self.plan.household.address, language).replace(
                "\n", ", "
            ),
            **self._person("caregiver", caregiver, language),
            "caregiver_birth_date": date_text(
                caregiver.date_of_birth if caregiver else None, language
            ),
            "caregiver_relationship": relationship_text(caregiver, language) if caregiver else "",
            **self._person("alternate", who.alternate, language),
            **self._person("parent", who.parent, language),
            **self._person("other_parent", other, language),
            "state": self.rules.display_name(language),
        }
        values.update(self.period(language))
        return values

    def period(self, language: str) -> dict[str, str]:
        """The start and end as the paper prints them: a date where one is known; else the
        event, or the longest term the law allows in words ("12 months after …")."""
        period = self.who.child.care.paper_period if self.who.child else PaperPeriod()
        words = Words("doc_caregiver", language)
        starts = {
            PaperStart.ON_EVENT: words("period_event"),
            PaperStart.WHEN_SIGNED: words("period_when_signed"),
        }.get(period.starts) or date_text(period.start_date, language)
        if period.ends is PaperEnd.ON_DATE:
            ends = date_text(period.end_date, language)
        elif period.starts is PaperStart.ON_DATE:
            ends = date_text(end_day(self.rules, period, self.signed_on), language)
        else:
            after = "after_start" if period.starts is PaperStart.ON_EVENT else "after_signing"
            ends = self._longest(words, after)
        return {"period_start": starts, "period_end": ends}

    def _longest(self, words: Words, after: str) -> str:
        """ "12 months after …": the longest term the law allows, in words."""
        term = self.rules.term
        under = "_under" if term.period_under_max else ""
        if term.max_days is not None:
            return words(f"days_{after}{under}", count=term.max_days)
        if term.max_months is not None:
            return words(f"months_{after}{under}", count=term.max_months)
        return ""


class CaregiverPaper:
    """One child's instrument, element by element."""

    def __init__(self, context: RenderContext, subject_id: str | None) -> None:
        self.context = context
        self.plan = context.plan
        self.rules = load_jurisdiction(self.plan.household.state)
        self.languages = paper_languages(context.language)
        self.words = Words("doc_caregiver", context.language, bilingual=True)
        self.kit = kit_words(context.language, bilingual=True)
        self.who = parties(self.plan, subject_id)
        self.values = PaperValues(self.plan, self.rules, self.who, context.options.today)
        self._values = {language: self.values(language) for language in self.languages}

    # --- text in every language of the paper ------------------------------------------------------

    def _texts(self, element: Element) -> list[str]:
        """The element's sentence in English, then in the family's language."""
        return [
            self.rules.element_text(element, language, self._safe_values(language))
            for language in self.languages
        ]

    def _safe_values(self, language: str) -> dict[str, object]:
        return {
            key: safe(value) or "______________" for key, value in self._values[language].items()
        }

    def _stacked(self, texts: list[str], prefix: str = "") -> list[Flowable]:
        first, *rest = texts
        story: list[Flowable] = [Paragraph(prefix + first, styles().body)]
        return story + [Paragraph(prefix + text, styles().english) for text in rest]

    def _label(self, element: Element) -> str:
        """A field's label: "Name of minor / Nombre del menor"."""
        texts = [self.rules.element_text(element, lang) for lang in self.languages]
        return " / ".join(dict.fromkeys(texts))

    # --- one element ------------------------------------------------------------------------------

    def element(self, element: Element) -> list[Flowable]:
        place: Place = element.place
        if place == "field":
            return [self._field(element)]
        if place == "checkbox":
            return self._stacked(self._texts(element), "☐ ")
        if place == "warning":
            return [warning_box(self._texts(element))]
        if place == "notice":
            return self._stacked(self._texts(element))
        if place == "signature":
            return self._signature(element)
        if place == "witness":
            return self._witnesses(element)
        if place == "notary":
            return self._notary(element)
        return self._stacked(self._texts(element))

    def _field(self, element: Element) -> Flowable:
        """A value once, in English (it controls); a period, which is words as much as a date,
        in each language of the paper."""
        shown = [self._value(fill) for fill in element.fills]
        return form_fields([(self._label(element), ", ".join(v for v in shown if v))])

    def _value(self, fill: str) -> str:
        if fill not in ("period_start", "period_end"):
            return self._values["en"].get(fill, "")
        texts = [self._values[lang].get(fill, "") for lang in self.languages]
        return " / ".join(dict.fromkeys(t for t in texts if t))

    def _signature(self, element: Element) -> list[Flowable]:
        signer = element.signer or "parent"
        role, name = f"role_{signer}", self.who.name_of(signer)
        block = signature_block(self.words(role), name, self.kit, self.words.english(role))
        # The declaration and the lines it stands over stay together; the lines keep themselves
        # whole, so only a little room is asked for ahead of them.
        return [CondPageBreak(2.2 * inch), *self._stacked(self._texts(element)), block]

    def _witnesses(self, element: Element) -> list[Flowable]:
        """The witnesses' statement and their lines (the lines keep themselves together)."""
        count = self.rules.witness_count or 1
        lines = witness_block(count, "", self.kit)
        return [CondPageBreak(2.5 * inch), *self._stacked(self._texts(element)), lines]

    def _notary(self, element: Element) -> list[Flowable]:
        """The certificate in English (the notary's language), naming everyone who signs before
        the notary; a jurat where the state's signers swear to the paper before the notary."""
        signers = ", ".join(self._notarised_names())
        english = kit_words("en")
        state = self.rules.display_name("en")
        certificate = notary_block(
            state,
            signers,
            english,
            state,
            jurat=self.rules.sworn_before_notary,
            commonwealth=self.rules.commonwealth,
        )
        return [CondPageBreak(3.5 * inch), *self._stacked(self._texts(element)), certificate]

    def _notarised_names(self) -> list[str]:
        """Who the certificate names: the parent and the caregiver when they sign; an other
        parent signs only in some cases (a joint order, being a party), so a line is left."""
        names = []
        for signer in paper_signers(self.rules, self.applies):
            name = self.who.name_of(signer)
            names.append(name if name and signer != "other_parent" else "______________________")
        return list(dict.fromkeys(names))

    # --- the paper --------------------------------------------------------------------------------

    def title(self) -> list[Flowable]:
        instrument = self.rules.instrument
        assert instrument is not None
        official = safe(instrument.title)
        story = title_block(
            official, safe(f"{self.rules.display_name('en')}: {instrument.citation}")
        )
        if len(self.languages) > 1:
            family = self.context.language
            story += self.kit.paragraphs(
                "kit.english_controls",
                styles().small,
                lambda lang: {"language": _in_sentence(language_name(family, lang), lang)},
            )
        return story

    def applies(self, element: Element) -> bool:
        if element.applies == "over_notary_threshold":
            child = self.who.child
            period = child.care.paper_period if child else PaperPeriod()
            days = days_in_effect(self.rules, period, self.context.options.today)
            return self.rules.needs_notary_for(days)
        return True

    def story(self) -> list[Flowable]:
        story = self.title()
        for element in self.rules.elements:
            if self.applies(element):
                story += self.element(element)
        return story


# --- the generic letter ---------------------------------------------------------------------------


class Letter:
    """For a state without rules: a letter naming a caregiver that says it is not an instrument."""

    def __init__(self, context: RenderContext, subject_id: str | None) -> None:
        self.context = context
        self.plan = context.plan
        self.rules = load_jurisdiction(self.plan.household.state)
        self.words = context.words("doc_caregiver")
        self.who = parties(self.plan, subject_id)
        self.state = self.plan.household.state

    def _person_rows(self, person: Person) -> list[tuple[str, str]]:
        w, language = self.words, self.context.language
        return [
            (w.both("name"), person.full_name),
            (w.both("relationship"), relationship_text(person, language)),
            (w.both("address"), address_text(home_address(self.plan, person), language)),
            (w.both("phone"), phones_text(person.phones, language)),
        ]

    def story(self) -> list[Flowable]:
        w, language = self.words, self.context.language
        state = US_STATES.get(self.state, self.state)
        story = title_block(w.both("title_generic"), safe(state))
        story += w.paragraphs("generic_not_instrument", state=state)
        child = self.who.child
        story += heading(w.both("child_heading"))
        if child is not None:
            story.append(
                form_fields(
                    [
                        (w.both("name"), child.full_name),
                        (w.both("date_of_birth"), date_text(child.date_of_birth, language)),
                    ]
                )
            )
        story += heading(w.both("parents_heading"))
        if self.who.parent is not None:
            story.append(form_fields(self._person_rows(self.who.parent)))
        story += heading(w.both("caregiver_heading"))
        if self.who.caregiver is not None:
            story.append(form_fields(self._person_rows(self.who.caregiver)))
        else:
            story += w.paragraphs("no_caregiver")
        story += heading(w.both("statement_heading"))
        story += w.paragraphs("generic_statement")
        story += w.paragraphs("caregiver_statement")
        story += [Spacer(0, 6), CondPageBreak(2.5 * inch)]
        story += heading(w.both("signatures_heading"))
        kit = self.context.kit
        if self.who.parent is not None:
            story.append(
                signature_block(
                    w("role_parent"), self.who.parent.full_name, kit, w.english("role_parent")
                )
            )
        name = self.who.caregiver.full_name if self.who.caregiver else ""
        story.append(signature_block(w("role_caregiver"), name, kit, w.english("role_caregiver")))
        return story


def render(context: RenderContext, subject_id: str | None = None) -> bytes:
    rules = load_jurisdiction(context.plan.household.state)
    words = Words("doc_caregiver", context.language, bilingual=True)
    if rules.instrument is None:
        letter = Letter(context, subject_id)
        footer = context.footer(initials_for=(words.both("initials_parent"),))
        return build_pdf(
            letter.story(),
            context.meta("caregiver_authorization", words.english("title_generic")),
            footer,
        )
    paper = CaregiverPaper(context, subject_id)
    signers = paper_signers(rules, paper.applies)
    initials = tuple(
        words.both(key)
        for key, signer in (("initials_parent", "parent"), ("initials_caregiver", "caregiver"))
        if signer in signers
    )
    footer = context.footer(initials_for=initials, rules_checked=rules.rules_last_checked)
    meta = context.meta("caregiver_authorization", rules.instrument.title)
    return build_pdf(paper.story(), meta, footer)
