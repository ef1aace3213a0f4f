"""The review sheet for an attorney: each element a state's caregiver paper carries, the section
that requires it, where it is on the paper, and what our sources are, and then every rule the
program applies for the state (who signs, the notary, the term, the other parent, cancelling,
filing, a standby route), each with its section and source, so that a state can be checked
against its statute in minutes. A fact the rules file holds but no reader sees is a fact nobody
can check: every fact of the rules models is shown here (`FACTS`), cites others (`CITES`), is
shown in the sheet's other parts (`ELSEWHERE`), or is named by the test that keeps this true.

It is built from the rules file alone (no plan): `planner review-sheet TX` prints it, and the
packet may include it as a page (`forms.review`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel

from planner.i18n import translate
from planner.jurisdictions import Jurisdiction, Mark, Source, label

DOMAIN = "review_sheet"
"""The rules' labels, in every language (`resources/translations/review_sheet.<lang>.toml`)."""

FactValue = bool | int | str | tuple[str, ...]

FACTS: dict[str, str] = {
    "immigration_trigger": "yes_no",
    "commonwealth": "yes_no",
    "instrument.official_form": "text",
    "instrument.scope": "scope",
    "instrument.general_care": "yes_no",
    "instrument.who_may_be_named": "who",
    "instrument.caregiver_min_age": "years",
    "instrument.caregiver_must_live_in_state": "yes_no",
    "instrument.names_alternate": "yes_no",
    "instrument.powers": "power",
    "instrument.relative_powers": "power",
    "instrument.relative_max_degree": "number",
    "instrument.excluded_powers": "power",
    "instrument.parent_decision_prevails": "yes_no",
    "instrument.wording": "wording",
    "signing.parent_signs": "yes_no",
    "signing.caregiver_signs": "yes_no",
    "signing.caregiver_may_sign_later": "yes_no",
    "signing.sworn_by": "signer",
    "signing.notary": "notary",
    "signing.notary_form": "choice",
    "signing.notary_if_term_over_days": "days",
    "signing.witnesses": "number",
    "signing.witness_min_age": "years",
    "signing.witness_exclusions": "witness_exclusion",
    "signing.when": "choice",
    "term.max_months": "months",
    "term.max_days": "days",
    "term.min_days": "days",
    "term.default_days_if_unstated": "days",
    "term.renewable": "yes_no",
    "term.starts_on_event": "yes_no",
    "term.ends_on": "end_event",
    "term.period_under_max": "yes_no",
    "other_parent.rule": "choice",
    "other_parent.notice_days": "days",
    "other_parent.notice_method": "notice_method",
    "other_parent.void_without_notice": "yes_no",
    "other_parent.objection_days": "days",
    "other_parent.pending_case": "choice",
    "other_parent.exception": "exception",
    "revocation.how": "choice",
    "revocation.anytime": "yes_no",
    "revocation.file_with": "office",
    "revocation.return_child_within_hours": "hours",
    "filing.office": "office",
    "filing.within_days": "days",
    "standby.witnesses": "number",
    "standby.immigration_trigger": "yes_no",
    "standby.court": "office",
    "standby.court_petition": "yes_no",
    "standby.petition_within_days": "days",
    "standby.confirm_within_days": "days",
    "standby.lapses_without_petition_months": "months",
    "standby.form_citation": "text",
    "standby.max_days": "days",
    "standby.agent_accepts_in_writing": "yes_no",
    "standby.other_parent_consents_if_available": "yes_no",
    "standby.covers_unavailable_parent": "yes_no",
}
"""Each fact the sheet lists under "rules the program applies", by its name in the rules file
(as `unconfirmed` names it), and how its value reads: `yes_no`; a number of `days`, `months`,
`hours` or `years` (of age); a plain `number`; the file's own `text`; a `choice` worded in this
sheet's catalogue (`choice.<fact>.<value>`); or else the `jurisdictions` vocabulary table whose
label a key (or each key of a list) prints. A fact is listed when the state's file sets it."""

CITES: dict[tuple[str, str], str] = {
    ("instrument", "citation"): "instrument",
    ("signing", "citation"): "signing",
    ("standby", "citation"): "standby",
    ("instrument", "wording_citation"): "instrument.wording",
}
"""Citations (section, field), and the section (or the one fact) each is printed beside. Term,
other parent, revocation and filing rules are in the instrument's own sections: they carry its
citation."""

ELSEWHERE: dict[str, tuple[str, ...]] = {
    "": ("name", "rules_last_checked", "unconfirmed"),
    "instrument": ("title",),
    "standby": ("kind",),
    "elements": ("id", "citation", "requires", "place", "source"),
    "sources": ("title", "url", "mark"),
}
"""Facts (by section; "" the file's top level) the sheet shows in its other parts: its title
line, a standby route's section title, the element rows, the facts only secondary sources give,
and the sources read."""

SECTIONS = (
    "state",
    "instrument",
    "signing",
    "term",
    "other_parent",
    "revocation",
    "filing",
    "standby",
)
"""The rules' sections in the order the sheet lists them; `state` is the file's top level."""


@dataclass(frozen=True)
class ReviewRow:
    """One element: its number on the paper, what it is, and why it is there."""

    number: int
    element: str
    citation: str
    place: str
    requires: str
    source: str
    """"statute" (read in the law's text) or "secondary" (only a form or a legal-aid copy)."""
    printed: str
    """The English sentence (or field label) as the paper prints it, values left as {names}."""


@dataclass(frozen=True)
class ReviewFact:
    """One rule the program applies, as the state's rules file sets it."""

    fact: str
    """Its name in the rules file, as `unconfirmed` lists it: `signing.notary`, `commonwealth`."""
    value: FactValue
    citation: str
    """Its own citation where the file has one (the wording's), else "": its section's applies."""
    source: Mark
    """`secondary` when the fact (or its section) is listed as unconfirmed, else `statute`."""
    days: int | None = None
    """For a notary needed only past some days (NY), those days: its label names them."""

    def label(self, language: str = "en") -> str:
        key = self.fact if "." in self.fact else f"state.{self.fact}"
        return translate(key, language, domain=DOMAIN)

    def text(self, language: str = "en") -> str:
        """The value in words on one line: "Yes", "10 days", a list's labels one after another."""
        items = self.items(language)
        sentences = all(item.endswith(".") for item in items)
        return (" " if sentences else "; ").join(items)

    def items(self, language: str = "en") -> list[str]:
        """The value in words, one item a key of a list (a power, a witness rule, an event)."""
        shown, value = FACTS[self.fact], self.value
        if isinstance(value, bool):
            return [translate(f"answer.{'yes' if value else 'no'}", language, domain=DOMAIN)]
        if isinstance(value, int):
            if shown in ("days", "months", "hours"):
                unit = f"unit.{shown}_one" if value == 1 else f"unit.{shown}"
                return [translate(unit, language, {"n": value}, domain=DOMAIN)]
            if shown == "years":
                return [translate("unit.years", language, {"n": value}, domain=DOMAIN)]
            return [str(value)]
        keys = (value,) if isinstance(value, str) else value
        if shown == "text":
            return list(keys)
        if shown == "choice":
            return [translate(f"choice.{self.fact}.{key}", language, domain=DOMAIN) for key in keys]
        return [label(shown, key, language, days=self.days) for key in keys]


@dataclass(frozen=True)
class ReviewSection:
    """The facts of one section of the rules file, and where the law states them."""

    name: str
    citation: str
    """The sections of the law these rules are in; "" where the rules file names none."""
    facts: tuple[ReviewFact, ...]
    kind: str = ""
    """For a standby route, its kind (a `standby_kind` key), named in the section's title."""

    def title(self, language: str = "en") -> str:
        kind = label("standby_kind", self.kind, language) if self.kind else ""
        return translate(f"section.{self.name}", language, {"kind": kind}, domain=DOMAIN)


@dataclass(frozen=True)
class ReviewSheet:
    state: str
    instrument: str
    citation: str
    checked: date
    rows: tuple[ReviewRow, ...]
    sources: tuple[Source, ...]
    unconfirmed: tuple[str, ...]
    """Facts (`section.field`) only secondary sources gave, or none: the paper's signing sheet
    marks them "Confirm with an attorney"."""
    sections: tuple[ReviewSection, ...] = ()
    """The rules the program applies, section by section; none for the generic letter, whose
    signing choices are the program's suggestion, not a state's law."""


_BOLD = re.compile(r"</?b>")
"""The papers' catalogues set a heading in bold ("<b>Warnings and disclosures:</b>"); the sheet
quotes the words the paper prints, not the markup that makes them bold."""


def review_sheet(rules: Jurisdiction) -> ReviewSheet:
    """The review sheet of one state's rules (no rows and no rules for the generic letter)."""
    rows = tuple(
        ReviewRow(
            number=number,
            element=element.id,
            citation=element.citation,
            place=element.place,
            requires=element.requires,
            source=element.source,
            printed=_BOLD.sub("", rules.element_text(element, "en")),
        )
        for number, element in enumerate(rules.elements, start=1)
    )
    instrument = rules.instrument
    return ReviewSheet(
        state=rules.name,
        instrument=instrument.title if instrument else "",
        citation=instrument.citation if instrument else "",
        checked=rules.rules_last_checked,
        rows=rows,
        sources=rules.sources,
        unconfirmed=rules.unconfirmed,
        sections=_sections(rules) if instrument else (),
    )


def _sections(rules: Jurisdiction) -> tuple[ReviewSection, ...]:
    law = rules.instrument.citation if rules.instrument else ""
    standby = rules.standby
    cited = {
        "state": "",
        "signing": rules.signing.citation or law,
        "standby": standby.citation if standby else "",
    }
    sections = []
    for name in SECTIONS:
        part = rules if name == "state" else getattr(rules, name)
        if not isinstance(part, BaseModel):
            continue  # no filing rule, no standby route
        prefix = "" if name == "state" else f"{name}."
        facts = tuple(
            _fact(rules, f"{prefix}{field}", value)
            for field, value in part
            if field in part.model_fields_set and f"{prefix}{field}" in FACTS
        )
        if facts:
            kind = standby.kind if name == "standby" and standby else ""
            sections.append(ReviewSection(name, cited.get(name, law), facts, kind))
    return tuple(sections)


def _fact(rules: Jurisdiction, fact: str, value: FactValue) -> ReviewFact:
    own = ""
    for (holder, name), cited in CITES.items():
        if cited == fact:
            own = getattr(getattr(rules, holder), name, None) or ""
    days = rules.signing.notary_if_term_over_days if fact == "signing.notary" else None
    source: Mark = "statute" if rules.is_confirmed(fact) else "secondary"
    return ReviewFact(fact=fact, value=value, citation=own, source=source, days=days)


def review_text(sheet: ReviewSheet, language: str = "en") -> str:
    """The sheet as plain text for a terminal or a file: one block an element, one line a rule."""
    lines = [
        f"{sheet.state}: {sheet.instrument} ({sheet.citation})",
        label("review", "checked", language, date=sheet.checked.isoformat()),
        "",
    ]
    for row in sheet.rows:
        mark = label("mark", row.source, language)
        place = label("place", row.place, language)
        lines += [
            f"{row.number}. {row.element} — {row.citation} — {place} — {mark}",
            f"   {label('review', 'requires', language)}: {row.requires}",
            f"   {label('review', 'printed', language)}: {row.printed}",
        ]
    if sheet.sections:
        lines += ["", translate("sheet.facts", language, domain=DOMAIN)]
    for section in sheet.sections:
        title = section.title(language)
        lines.append(f"{title} — {section.citation}" if section.citation else title)
        for fact in section.facts:
            where = [fact.citation] if fact.citation else []
            where.append(label("mark", fact.source, language))
            line = f"  - {fact.label(language)}: {fact.text(language)}"
            lines.append(" — ".join([line, *where]))
    if sheet.unconfirmed:
        lines += ["", label("review", "unconfirmed", language)]
        lines += [f"  - {fact}" for fact in sheet.unconfirmed]
    if sheet.sources:
        lines += ["", label("review", "sources", language)]
        for source in sheet.sources:
            mark = label("mark", source.mark, language)
            lines.append(f"  - {source.title} ({mark}): {source.url}")
    return "\n".join(lines)
