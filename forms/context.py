"""What a document renderer is given: the plan, the language, the date, and shared wording."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from forms.kit import Footer, PdfMeta, Words, kit_words
from forms.paragraph import Parsed
from planner.model import Plan
from planner.revision import plan_revision


@dataclass(frozen=True)
class RenderOptions:
    """How the family wants the packet: language, English beside it, which documents."""

    language: str = "en"
    bilingual: bool = False
    only: frozenset[str] | None = None
    today: date = field(default_factory=date.today)


@dataclass(frozen=True)
class RenderContext:
    plan: Plan
    options: RenderOptions
    revision: str
    parsed: Parsed = field(default_factory=dict, compare=False, repr=False)
    """This packet's parsed paragraphs (forms.paragraph): shared by its documents, gone with it."""

    @classmethod
    def for_plan(cls, plan: Plan, options: RenderOptions) -> RenderContext:
        return cls(plan, options, plan_revision(plan))

    @property
    def language(self) -> str:
        return self.options.language

    def words(self, domain: str) -> Words:
        return Words(domain, self.options.language, self.options.bilingual)

    @property
    def kit(self) -> Words:
        return kit_words(self.options.language, self.options.bilingual)

    def footer(
        self,
        legal_notice: bool = True,
        initials_for: tuple[str, ...] = (),
        rules_checked: date | None = None,
    ) -> Footer:
        return Footer(
            revision=self.revision,
            generated_on=self.options.today,
            language=self.options.language,
            bilingual=self.options.bilingual,
            legal_notice=legal_notice,
            initials_for=initials_for,
            rules_checked=rules_checked,
        )

    def meta(self, kind: str, title: str) -> PdfMeta:
        """PDF metadata naming the document's kind and language; never a person."""
        return PdfMeta(kind=kind, title=title, language=self.options.language)
