"""Before you sign: the cover sheet of the caregiver papers, for the family and their attorney.

It says when each child's paper is signed (now, or when the child moves in), who signs before
whom, the period and the day to sign a new one, what to do afterwards, and what the paper lets the
caregiver do. Our own remarks live here and only here: "Confirm with an attorney" beside every
fact our sources could not confirm in the law, where the rules come from, and when they were last
checked. Nobody signs or swears to this sheet.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether

from forms.context import RenderContext
from forms.kit import build_pdf, grid, heading, in_language, notice, safe, styles, title_block
from forms.paragraph import Paragraph
from planner.jurisdictions import Jurisdiction, label, load_jurisdiction
from planner.model import PaperStart, Plan
from planner.paper_parties import parties
from planner.paper_period import end_day, start_day
from planner.people import address_text, date_text, home_address

DOMAIN = "doc_signing"


class SigningSheet:
    """The sheet, section by section; each sentence in the family's language (and English)."""

    def __init__(self, context: RenderContext) -> None:
        self.context = context
        self.plan: Plan = context.plan
        self.language = context.language
        self.rules: Jurisdiction = load_jurisdiction(self.plan.household.state)
        self.words = context.words(DOMAIN)
        self.state = self.rules.display_name(self.language)

    # --- sentences that may need "Confirm with an attorney" ---------------------------------------

    @property
    def _languages(self) -> tuple[str, ...]:
        bilingual = self.context.options.bilingual and self.language != "en"
        return (self.language, "en") if bilingual else (self.language,)

    def _both(self, make: Callable[[str], str]) -> list[Flowable]:
        first, *rest = self._languages
        story: list[Flowable] = [Paragraph(make(first), styles().body)]
        return story + [Paragraph(make(lang), styles().english) for lang in rest]

    def _unsure(self, *facts: str) -> bool:
        return any(not self.rules.is_confirmed(fact) for fact in facts)

    def _confirmed(self, text: str, language: str, unsure: bool) -> str:
        if not unsure:
            return text
        return f"{text} <b>{safe(label('common', 'confirm', language))}</b>"

    def _state(self, part: str, *facts: str) -> list[Flowable]:
        """The state's sentence `part`, marked when one of `facts` is unconfirmed."""
        if self.rules.text(part) is None:
            return []
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
        unsure = self._unsure(*facts)

        def make(lang: str) -> str:
            values = in_language(params, translated, lang)
            return self._confirmed(safe(label("common", key, lang, **values)), lang, unsure)

        return self._both(make)

    def _heading(self, key: str) -> list[Flowable]:
        return heading(self.words.both(key))

    # --- sections ---------------------------------------------------------------------------------

    def title(self) -> list[Flowable]:
        w, instrument = self.words, self.rules.instrument
        if instrument is None:
            return title_block(w.both("title_generic"), safe(self.state))
        subtitle = safe(f"{instrument.title} · {self.state}: {instrument.citation}")
        story = title_block(w.both("title"), subtitle)
        story += notice(w, "not_signed")
        if instrument.official_form:
            unsure = self._unsure("instrument.official_form")
            form = instrument.official_form
            story += self._both(
                lambda lang: self._confirmed(
                    w.in_language(lang, "official_form", form=form), lang, unsure
                )
            )
        return story

    def when_to_sign(self) -> list[Flowable]:
        w = self.words
        story = self._heading("when_heading")
        key = f"when_{self.rules.signing.when}"
        story += w.paragraphs(
            key, translated=lambda lang: {"title": self.rules.instrument_name(lang)}
        )
        return [*story, *self._papers_table()]

    def _papers_table(self) -> list[Flowable]:
        """One row a child: the caregiver, when the paper starts, and its last day (by which a new
        one must be signed, so one column says both)."""
        w, language, today = self.words, self.language, self.context.options.today
        rows = []
        for child in self.plan.children:
            who = parties(self.plan, child.id)
            period = child.care.paper_period
            starts = {
                PaperStart.ON_EVENT: w("starts_on_event"),
                PaperStart.WHEN_SIGNED: w("starts_when_signed"),
            }.get(period.starts) or date_text(start_day(period, today), language)
            end = end_day(self.rules, period, today)
            rows.append(
                [
                    child.full_name,
                    who.caregiver.full_name if who.caregiver else w("no_caregiver"),
                    starts,
                    date_text(end, language) or w("no_end"),
                ]
            )
        columns = ("col_child", "col_caregiver", "col_starts", "col_ends")
        header = [w.both(c) for c in columns]
        widths = [w * inch for w in (1.7, 1.8, 1.6, 1.9)]
        dates = w.paragraphs("dates_if_signed", styles().small, date=date_text(today, language))
        return [grid(rows, header, widths), *dates]

    def how_to_sign(self) -> list[Flowable]:
        rules, w = self.rules, self.words
        story = self._heading("how_heading")
        story += self._state("signing", "signing")
        signing = rules.signing
        if rules.notary_or_witnesses:
            story += w.paragraphs("notary_or_witnesses", count=rules.witness_count)
        elif rules.witness_count:
            key = "witness_one" if rules.witness_count == 1 else "witnesses"
            story += w.paragraphs(key, count=rules.witness_count)
        if rules.witness_count:
            if signing.witness_min_age:
                story += w.paragraphs("witness_min_age", age=signing.witness_min_age)
            for key in signing.witness_exclusions:
                story += self._labelled("witness_exclusion", key)
        if signing.notary == "optional":
            story += w.paragraphs("notary_optional")
        elif rules.needs_notary or rules.notary_or_witnesses:
            story += w.paragraphs("notary_jurat" if rules.sworn_before_notary else "notary_ack")
        if signing.notary != "none":
            story += self._common("notary_warning")
        if rules.instrument and rules.instrument.wording != "none":
            story += self._labelled("wording", rules.instrument.wording)
        return story

    def _labelled(self, table: str, key: str) -> list[Flowable]:
        """A vocabulary label (a witness rule, the kind of wording) as a sentence."""

        def make(language: str) -> str:
            return safe(label(table, key, language))

        return self._both(make)

    def after_signing(self) -> list[Flowable]:
        rules, w = self.rules, self.words
        story = self._heading("after_heading")
        story += w.paragraphs("give_copies")
        story += self._state("other_parent", "other_parent")
        if rules.other_parent.notice_days:
            story += self._mail_copies()
        story += self._state("filing", "filing")
        story += self._alternates()
        return story

    def _mail_copies(self) -> list[Flowable]:
        """Whom to mail a copy to; a parent the family says is under the law's family-violence
        exception is named too, with the exception to check, never silently left out."""
        w, story = self.words, []
        exception = self.rules.other_parent.exception
        for parent in (a for a in self.plan.adults if not a.lives_in_household):
            if parent.family_violence_order and exception == "family_violence_no_court_access":
                story += self._common("no_mail_family_violence", name=parent.full_name)
                continue
            address = address_text(home_address(self.plan, parent), self.language)
            story += w.paragraphs("mail_to", name=parent.full_name, address=address)
        return story

    def _alternates(self) -> list[Flowable]:
        """An alternate caregiver the paper cannot name needs a paper of their own."""
        instrument = self.rules.instrument
        if instrument is None or instrument.names_alternate:
            return []
        names = {
            who.alternate.full_name
            for who in (parties(self.plan, c.id) for c in self.plan.children)
            if who.alternate is not None
        }
        story: list[Flowable] = []
        for name in sorted(names):
            story += self.words.paragraphs("alternate_note", name=name)
        return story

    def powers(self) -> list[Flowable]:
        instrument = self.rules.instrument
        if instrument is None:
            return []
        story = self._heading("powers_heading")
        story += self._state("summary", "instrument.powers")
        if instrument.relative_powers:
            story += self._state("relative", "instrument.relative_max_degree")
        story += self._state("limits", "instrument.excluded_powers")
        if not instrument.general_care:
            story += self.words.paragraphs("health_only", state=self.state)
        who = instrument.who_may_be_named
        story += self._common(
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

    def term_and_cancel(self) -> list[Flowable]:
        story = self._heading("term_heading")
        story += self._state("term", "term")
        story += self._heading("cancel_heading")
        if self.rules.text("revoke") is None:
            story += self._common("revoke_unknown")
        else:
            story += self._state("revoke", "revocation")
        if self.rules.standby:
            kind = label("standby_kind", self.rules.standby.kind, self.language)
            story += heading(self.words.both("standby_heading", kind=kind))
            story += self._state("standby", "standby")
        return story

    def generic(self) -> list[Flowable]:
        """For a state without rules: what the letter can and cannot do, and what to do next."""
        story = self._state("summary") + self._state("limits")
        story += self._heading("steps_heading")
        for language in self._languages[:1]:
            for text in self.rules.texts("steps", language):
                story.append(Paragraph("• " + safe(text), styles().body))
        return story

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
            story.append(Paragraph(self.words.both("sources_heading"), styles().label))
        for source in rules.sources:
            mark = label("mark", source.mark, self.language)
            line = f"{safe(source.title)} ({safe(mark)}): {safe(source.url)}"
            story.append(Paragraph(line, styles().small))
        return [KeepTogether(story)]

    def story(self) -> list[Flowable]:
        if self.rules.instrument is None:
            return [*self.title(), *self.generic(), *self.about()]
        return [
            *self.title(),
            *self.when_to_sign(),
            *self.how_to_sign(),
            *self.after_signing(),
            *self.powers(),
            *self.term_and_cancel(),
            *self.about(),
        ]


def render(context: RenderContext, subject_id: str | None = None) -> bytes:
    sheet = SigningSheet(context)
    meta = context.meta("signing_sheet", sheet.words.english("title"))
    footer = context.footer(rules_checked=sheet.rules.rules_last_checked)
    return build_pdf(sheet.story(), meta, footer)
