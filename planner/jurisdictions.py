"""Which caregiver instrument each state offers, read from `resources/jurisdictions/*.toml`.

The TOML files hold facts only (who signs, witnesses, notary, term, powers, notice); the sentences a
family reads about a state live in the `jurisdictions` translation catalogues. A fact our sources
could not confirm in the law itself is named in `unconfirmed`, so a document can print "confirm with
an attorney" beside it. A state without a file falls back to `generic.toml`: no legal instrument,
only a letter and the advice to see an attorney.
"""

from __future__ import annotations

import calendar
import re
import string
import tomllib
from collections.abc import Mapping
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Annotated, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    ValidationError,
    model_validator,
)
from pydantic_core import ErrorDetails, PydanticCustomError

from planner.i18n import SUPPORTED_LANGUAGES, catalogue, translate
from planner.resources import resource

DOMAIN = "jurisdictions"
"""The translation catalogues (`resources/translations/jurisdictions.<lang>.toml`)."""
JURISDICTIONS = resource("jurisdictions")
GENERIC = "generic"
STATE_FILE = re.compile(r"^[A-Z]{2}$")

STATE_TEXTS = ("summary", "limits", "signing", "term")
"""Sentences every state (and the generic fallback) must have in both catalogues. A `name` is
there only where the reader's language spells it differently (Nueva York); else the file's."""

Notary = Literal["required", "if_term_over", "or_witnesses", "optional", "none", "unknown"]
"""`if_term_over`: only past `notary_if_term_over_days` (NY); `or_witnesses`: either suffices (WA);
`unknown`: our sources do not say, so the fact must be listed as unconfirmed."""
NotaryForm = Literal["acknowledgment", "jurat"]
"""What the notary certifies: `acknowledgment`, that the signers said they signed; `jurat`, that
the signers swore (or affirmed) to the paper and signed it in front of the notary (TX §34.004)."""
Scope = Literal["per_child", "per_household"]
Wording = Literal[
    "statutory_form",
    "substantially_statutory_form",
    "required_contents",
    "optional_statutory_form",
    "agency_form",
    "sample_form",
    "none",
]
Signer = Literal["parent", "other_parent", "caregiver"]
OtherParentRule = Literal[
    "when_available", "only_if_court_order", "one_with_notice", "custodial_parent", "not_stated"
]
PendingCase = Literal["court_order_needed", "void_unless_both_agree"]
RevocationHow = Literal[
    "written_notice_all_parties",
    "written_certified_mail",
    "written_notice_caregiver_and_copy_holders",
    "tell_caregiver",
    "not_stated",
]
Mark = Literal["statute", "secondary"]
SignWhen = Literal["now", "when_child_moves_in"]
"""When the paper is signed: `now`, ahead of any emergency (agreements, designations, powers of
attorney, which may start on an event); or `when_child_moves_in`, for an affidavit in which the
caregiver swears the child lives with them (CA, MA): signing it earlier would be a false oath."""
Place = Literal[
    "statement", "field", "checkbox", "warning", "notice", "signature", "witness", "notary"
]
"""Where an element goes on the paper. `statement`: a sentence the signer states; `field`: a label
with the plan's value (or a line to write on); `checkbox`: a statement with a box the signer ticks
by hand; `warning`: a boxed, bold warning; `notice`: information printed for the reader (a school,
a doctor); `signature`, `witness`, `notary`: the lines and certificate for each."""
Fill = Literal[
    "child_name",
    "child_birth_date",
    "child_address",
    "caregiver_name",
    "caregiver_address",
    "caregiver_phone",
    "caregiver_birth_date",
    "caregiver_relationship",
    "alternate_name",
    "alternate_address",
    "alternate_phone",
    "parent_name",
    "parent_address",
    "parent_phone",
    "other_parent_name",
    "other_parent_address",
    "other_parent_phone",
    "period_start",
    "period_end",
    "blank",
]
"""A value from the plan a `field` element prints; `blank` is a line written by hand (a licence
number, a court's cause number: what the plan does not keep)."""
Applies = Literal["always", "over_notary_threshold"]
"""`over_notary_threshold`: only when the chosen period is longer than the days past which the
state asks for more (NY §5-1552: a designation over 30 days)."""


def _translated(table: str) -> AfterValidator:
    """A vocabulary key that must have a label in every catalogue, so no document prints a key."""

    def check(key: str) -> str:
        name = f"{table}.{key}"
        for language in SUPPORTED_LANGUAGES:
            if name not in catalogue(DOMAIN, language):
                raise PydanticCustomError(
                    "untranslated",
                    "{name} has no {language} text",
                    {"name": name, "language": language},
                )
        return key

    return AfterValidator(check)


def _https(url: str) -> str:
    if not url.startswith("https://"):
        raise PydanticCustomError("https", "a source link must start with https://")
    return url


PowerKey = Annotated[str, _translated("power")]
WhoKey = Annotated[str, _translated("who")]
WitnessExclusionKey = Annotated[str, _translated("witness_exclusion")]
EndEventKey = Annotated[str, _translated("end_event")]
NoticeMethodKey = Annotated[str, _translated("notice_method")]
OfficeKey = Annotated[str, _translated("office")]
ExceptionKey = Annotated[str, _translated("exception")]
StandbyKindKey = Annotated[str, _translated("standby_kind")]
HttpsUrl = Annotated[str, AfterValidator(_https)]
Text = Annotated[str, Field(min_length=1)]
Days = Annotated[int, Field(ge=1, le=3650)]
Months = Annotated[int, Field(ge=1, le=120)]
Age = Annotated[int, Field(ge=14, le=21)]
Witnesses = Annotated[int, Field(ge=0, le=2)]
PAPER_VALUES = frozenset(get_args(Fill)) - {"blank"} | {"state"}
"""What an element's sentence may fill in: the plan's values, and the state's name."""


def placeholders(text: str) -> set[str]:
    """The `{names}` a catalogue sentence fills in."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


# Lists in TOML are kept as tuples, so a cached jurisdiction cannot be changed by a caller.
Powers = Annotated[tuple[PowerKey, ...], Strict(False)]
WitnessExclusions = Annotated[tuple[WitnessExclusionKey, ...], Strict(False)]
EndEvents = Annotated[tuple[EndEventKey, ...], Strict(False)]
SwornBy = Annotated[tuple[Literal["parent", "caregiver"], ...], Strict(False)]
Facts = Annotated[tuple[str, ...], Strict(False)]


class RulesPart(BaseModel):
    """Data files are typed exactly: `"2"` is not 2, and an unknown key is a typo, not a comment."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Instrument(RulesPart):
    """The paper a parent signs without a court, and what it lets the caregiver do."""

    title: Text
    """The instrument's official (English) name; printed as the document's title."""
    citation: Text
    official_form: str | None = None
    """A state form number, where one exists (e.g. "DFPS Form 2638")."""
    scope: Scope = "per_child"
    """Whom one signed copy covers: one child, or every child of the household."""
    general_care: bool
    """False where the instrument covers health care only (FL, NC)."""
    who_may_be_named: WhoKey
    caregiver_min_age: Age | None = None
    caregiver_must_live_in_state: bool = False
    names_alternate: bool = False
    """The instrument itself has a place for an alternate (FL's surrogate and alternate)."""
    powers: Powers = Field(min_length=1)
    relative_powers: Powers = ()
    """Extra powers only when the caregiver is a relative of the child (CA)."""
    relative_max_degree: int | None = Field(default=None, ge=1, le=10)
    excluded_powers: Powers = ()
    parent_decision_prevails: bool = False
    """A parent's contrary decision overrides the caregiver's (CA)."""
    wording: Wording
    wording_citation: str | None = None


class Signing(RulesPart):
    """Who signs, and before whom."""

    parent_signs: bool
    caregiver_signs: bool
    caregiver_may_sign_later: bool = False
    sworn_by: SwornBy = ()
    """Who signs under oath or penalty of perjury."""
    notary: Notary
    notary_form: NotaryForm = "acknowledgment"
    """`jurat` only where the law has the `sworn_by` signers swear before the notary; a paper
    signed "under penalty of perjury" before a notary (MA) is still acknowledged, not sworn to."""
    notary_if_term_over_days: Days | None = None
    witnesses: Witnesses | None = None
    """None: our sources do not say (must then be listed as unconfirmed)."""
    witness_min_age: Age | None = None
    witness_exclusions: WitnessExclusions = ()
    citation: str | None = None
    """Where the signing rules are, when not in the instrument's own sections."""
    when: SignWhen = "now"

    @model_validator(mode="after")
    def _consistent(self) -> Signing:
        if (self.notary == "if_term_over") != (self.notary_if_term_over_days is not None):
            _inconsistent("signing", "notary_if_term_over_days")
        if self.notary == "or_witnesses" and not self.witnesses:
            _inconsistent("signing", "witnesses")
        if (self.witness_min_age or self.witness_exclusions) and self.witnesses == 0:
            _inconsistent("signing", "witnesses")
        roles = {"parent": self.parent_signs, "caregiver": self.caregiver_signs}
        if not all(roles[who] for who in self.sworn_by):
            _inconsistent("signing", "sworn_by")
        if self.notary_form == "jurat" and (
            not self.sworn_by or self.notary not in ("required", "if_term_over")
        ):
            # A jurat needs someone who swears, and a notary the law asks for to swear before.
            _inconsistent("signing", "notary_form")
        if self.caregiver_may_sign_later and not self.caregiver_signs:
            _inconsistent("signing", "caregiver_may_sign_later")
        return self


class Term(RulesPart):
    """How long a signed instrument lasts, so a document can print when to sign a new one."""

    max_months: Months | None = None
    max_days: Days | None = None
    """For a source that counts in days (IL: 365): 12 months and 365 days differ in leap years."""
    min_days: Days | None = None
    default_days_if_unstated: Days | None = None
    renewable: bool | None = None
    """None: our sources do not say."""
    starts_on_event: bool = False
    """It may take effect on a named event (such as an arrest) rather than a date."""
    ends_on: EndEvents = ()
    period_under_max: bool = False
    """A period the paper states must be shorter than the longest (NY §5-1552(1): "less than
    twelve months"), so its last day is at least one day before the longest term's."""

    @model_validator(mode="after")
    def _one_limit(self) -> Term:
        if self.max_months is not None and self.max_days is not None:
            _inconsistent("term", "max_days")
        return self


class OtherParent(RulesPart):
    """What the law asks about the parent who does not sign."""

    rule: OtherParentRule = "not_stated"
    notice_days: Days | None = None
    notice_method: NoticeMethodKey | None = None
    void_without_notice: bool = False
    objection_days: Days | None = None
    """An objection within this many days defeats the instrument (GA)."""
    pending_case: PendingCase | None = None
    """What happens when a custody order or case exists (TX, GA)."""
    exception: ExceptionKey | None = None

    @model_validator(mode="after")
    def _notice_needs_rule(self) -> OtherParent:
        notice = (self.notice_days, self.notice_method, self.objection_days)
        if any(value is not None for value in notice) and self.rule != "one_with_notice":
            _inconsistent("other_parent", "rule")
        return self


class Revocation(RulesPart):
    how: RevocationHow = "not_stated"
    anytime: bool = False
    file_with: OfficeKey | None = None
    return_child_within_hours: int | None = Field(default=None, ge=1, le=720)


class Filing(RulesPart):
    """Where the signed instrument is filed, if the state asks for it (GA)."""

    office: OfficeKey
    within_days: Days | None = None


class Standby(RulesPart):
    """A standby-guardian or court route the state offers beside (or instead of) the instrument."""

    kind: StandbyKindKey
    citation: Text
    witnesses: Witnesses | None = None
    immigration_trigger: bool = False
    court: OfficeKey | None = None
    court_petition: bool = False
    """A court must act (appoint, confirm) after the designation."""
    petition_within_days: Days | None = None
    confirm_within_days: Days | None = None
    lapses_without_petition_months: Months | None = None
    form_citation: str | None = None
    max_days: Days | None = None
    agent_accepts_in_writing: bool = False
    other_parent_consents_if_available: bool = False
    covers_unavailable_parent: bool = False


class Element(RulesPart):
    """One thing the state's law requires the paper to carry, in the law's order.

    Its sentence (or a field's label) is `<id>` in the state's paper catalogue
    (`resources/translations/paper_<state>.<lang>.toml`), in every language; loading checks it.
    """

    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    citation: Text
    """The section that requires it, e.g. "Tex. Fam. Code §34.003(a)(5)"."""
    requires: Text
    """What the law requires, in substance (English): the review sheet prints it for an attorney."""
    place: Place
    fills: Annotated[tuple[Fill, ...], Strict(False)] = ()
    """For a `field`: the plan's values it prints, in order."""
    signer: Signer | None = None
    """For a `signature`: whose lines these are."""
    applies: Applies = "always"
    source: Mark = "statute"
    """Where we read it: the statute's own text, or only a secondary copy of it."""

    @model_validator(mode="after")
    def _placed(self) -> Element:
        if (self.place == "field") != bool(self.fills):
            _inconsistent(f"elements.{self.id}", "fills")
        if (self.place == "signature") != (self.signer is not None):
            _inconsistent(f"elements.{self.id}", "signer")
        return self


Elements = Annotated[tuple[Element, ...], Strict(False)]


class Source(RulesPart):
    title: Text
    url: HttpsUrl
    mark: Mark
    """`statute`: the law's text or an official page; `secondary`: legal aid, court self-help."""


Sources = Annotated[tuple[Source, ...], Strict(False)]


def _fact(section: str, field: str = "") -> str:
    """A fact's name as `unconfirmed` lists it: `section.field`, or a whole `section`."""
    return f"{section}.{field}" if field else section


def _inconsistent(section: str, field: str) -> None:
    raise PydanticCustomError(
        "inconsistent", "{field} contradicts another field", {"field": _fact(section, field)}
    )


def add_months(day: date, months: int) -> date:
    """`day` plus whole months; a day the target month lacks becomes its last (Feb 29 → Feb 28)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


class Jurisdiction(RulesPart):
    """One state's rules (or the generic fallback), as the documents and the wizard use them."""

    code: Annotated[str, Field(pattern=r"^([A-Z]{2}|generic)$")]
    name: Text
    """The English name; `display_name(language)` gives the reader's."""
    rules_last_checked: date
    immigration_trigger: bool = False
    """The state's law names immigration arrest or detention as a trigger (NY, IL, NJ)."""
    commonwealth: bool = False
    """The state calls itself a Commonwealth (MA): a notary's venue says so."""
    instrument: Instrument | None = None
    """None only for the generic fallback, which has no legal instrument."""
    signing: Signing
    term: Term = Term()
    other_parent: OtherParent = OtherParent()
    revocation: Revocation = Revocation()
    filing: Filing | None = None
    standby: Standby | None = None
    sources: Sources = ()
    unconfirmed: Facts = ()
    """Facts (`section.field`, or a whole `section`) only secondary sources gave, or none."""
    elements: Elements = ()
    """What the state's law requires the paper to carry, in the law's order (none: generic)."""

    @model_validator(mode="after")
    def _consistent(self) -> Jurisdiction:
        if (self.instrument is None) != (self.code == GENERIC):
            _inconsistent("instrument", "")
        if self.code != GENERIC and not self.sources:
            raise PydanticCustomError("missing", "a state needs its sources", {"field": "sources"})
        for fact in self.unconfirmed:
            if not self._has_fact(fact):
                raise PydanticCustomError("unknown_fact", "no such fact", {"field": "unconfirmed"})
        for fact in self._unknown_facts():
            if self.is_confirmed(fact):
                raise PydanticCustomError(
                    "must_be_unconfirmed", "not known: list it in unconfirmed", {"field": fact}
                )
        for part in self._text_parts():
            for language in SUPPORTED_LANGUAGES:
                if f"{self.code}.{part}" not in catalogue(DOMAIN, language):
                    context = {"field": f"{self.code}.{part}", "language": language}
                    raise PydanticCustomError("no_text", "no {language} text", context)
        self._check_elements()
        if self.instrument is not None and self.text("title") != self.instrument.title:
            # The catalogue's English title is the rules file's, so the two cannot drift apart.
            raise PydanticCustomError(
                "no_text", "no {language} text", {"field": f"{self.code}.title", "language": "en"}
            )
        return self

    def _check_elements(self) -> None:
        """Every element has its sentence in every language, using only values the paper has."""
        if self.instrument is not None and not self.elements:
            raise PydanticCustomError("missing", "no elements", {"field": "elements"})
        ids = [element.id for element in self.elements]
        if len(set(ids)) != len(ids):
            _inconsistent("elements", "id")
        drawn = {element.signer for element in self.elements if element.place == "signature"}
        signs = {"parent": self.signing.parent_signs, "caregiver": self.signing.caregiver_signs}
        for who, does in signs.items():
            if self.instrument is not None and (who in drawn) != does:
                _inconsistent("signing", f"{who}_signs")  # the paper has their lines, or not
        for element in self.elements:
            for language in SUPPORTED_LANGUAGES:
                text = catalogue(self.paper_domain, language).get(element.id)
                field = f"{self.paper_domain}.{element.id}"
                if not text:
                    context = {"field": field, "language": language}
                    raise PydanticCustomError("no_text", "no {language} text", context)
                if not placeholders(text) <= PAPER_VALUES:
                    raise PydanticCustomError("unknown_value", "unknown value", {"field": field})

    def _has_fact(self, fact: str) -> bool:
        *sections, last = fact.split(".")
        part: object = self
        for section in sections:
            part = getattr(part, section, None) if isinstance(part, BaseModel) else None
        return isinstance(part, BaseModel) and last in type(part).model_fields

    def _unknown_facts(self) -> list[str]:
        """Facts whose value says "our sources do not say": each must be shown as unconfirmed."""
        term = self.term
        unknown = {
            ("signing", "notary"): self.signing.notary == "unknown",
            ("signing", "witnesses"): self.signing.witnesses is None,
            ("other_parent", "rule"): self.other_parent.rule == "not_stated",
            ("revocation", "how"): self.revocation.how == "not_stated",
            ("term", "max_months"): self.instrument is not None
            and term.max_months is None
            and term.max_days is None
            and not term.ends_on,
        }
        return [_fact(*fact) for fact, is_unknown in unknown.items() if is_unknown]

    def _text_parts(self) -> list[str]:
        parts = list(STATE_TEXTS)
        if self.other_parent.rule != "not_stated":
            parts.append("other_parent")
        if self.revocation.how != "not_stated":
            parts.append("revoke")
        if self.standby:
            parts.append("standby")
        if self.filing:
            parts.append("filing")
        if self.instrument and self.instrument.relative_powers:
            parts.append("relative")
        return parts

    # --- what documents ask ---------------------------------------------------------------------

    @property
    def paper_domain(self) -> str:
        """The catalogue of the paper's own sentences: `paper_<state>.<lang>.toml`."""
        return f"paper_{self.code.lower()}"

    def element_text(
        self, element: Element, language: str, values: Mapping[str, object] | None = None
    ) -> str:
        """The element's sentence (or a field's label) in `language`, its values filled in."""
        return translate(element.id, language, values, domain=self.paper_domain)

    @property
    def has_period(self) -> bool:
        """The paper carries a period the parent chooses (a start and an end)."""
        return any({"period_start", "period_end"} & set(e.fills) for e in self.elements)

    @property
    def is_generic(self) -> bool:
        """No state-specific instrument: the packet offers a letter and says it is not one."""
        return self.instrument is None

    def is_confirmed(self, fact: str) -> bool:
        """False when the fact, its whole section, or (asked of a section) any fact inside it is
        listed as unconfirmed: print "confirm".

        A state's sentence speaks for a whole section (its standby route, its filing rule), so
        one unconfirmed number in it (NY's 60 days to petition) makes the sentence unconfirmed.
        """
        return not any(
            fact == item or fact.startswith(f"{item}.") or item.startswith(f"{fact}.")
            for item in self.unconfirmed
        )

    @property
    def needs_notary(self) -> bool:
        """A notary block is required for the longest term the document allows."""
        notary = self.signing.notary
        if notary == "if_term_over":
            longest = self._longest_term_days()
            threshold = self.signing.notary_if_term_over_days or 0
            return longest is None or longest > threshold
        return notary == "required"

    def needs_notary_for(self, days: int | None) -> bool:
        """Whether a paper lasting `days` (None: as long as the law allows) needs the notary and
        the other things the law asks of a longer paper (NY §5-1552(2): over 30 days)."""
        if self.signing.notary != "if_term_over":
            return self.needs_notary
        threshold = self.signing.notary_if_term_over_days or 0
        return days is None or days > threshold

    @property
    def sworn_before_notary(self) -> bool:
        """The notary block is a jurat: the `sworn_by` signers swear to the paper before the
        notary, rather than declaring under penalty of perjury and acknowledging their signature."""
        return self.needs_notary and self.signing.notary_form == "jurat"

    @property
    def notary_or_witnesses(self) -> bool:
        """A notary or the witnesses, either one (WA): print both blocks; the family chooses."""
        return self.signing.notary == "or_witnesses"

    @property
    def witness_count(self) -> int:
        """How many witness lines to print (0 when none are required or none are known)."""
        return self.signing.witnesses or 0

    def _longest_term_days(self) -> int | None:
        if self.term.max_days is not None:
            return self.term.max_days
        if self.term.max_months is not None:
            return self.term.max_months * 31
        return None

    def _term_end(self, start: date) -> date | None:
        """The day the longest term the law allows runs out, counted from `start`."""
        term = self.term
        if term.max_days is not None:
            return start + timedelta(days=term.max_days)
        return add_months(start, term.max_months) if term.max_months else None

    def longest_end(self, start: date) -> date | None:
        """The last day a paper starting on `start` may be in effect under the law; None when
        the law sets no limit."""
        end = self._term_end(start)
        if end is None:
            return None
        return end - timedelta(days=2 if self.term.period_under_max else 1)

    def renew_by(self, signed_on: date) -> date | None:
        """The last day before the longest term runs out: sign a new one by then. None when no
        limit is known at all."""
        end = self._term_end(signed_on)
        return end - timedelta(days=1) if end else None

    @property
    def renew_by_confirmed(self) -> bool:
        term = self.term
        if term.max_days is not None:
            return self.is_confirmed(_fact("term", "max_days"))
        if term.max_months is not None:
            return self.is_confirmed(_fact("term", "max_months"))
        return False

    # --- what a person reads ----------------------------------------------------------------------

    def facts(self) -> dict[str, object]:
        """Numbers the sentences may use, as `{section_field}`: `{other_parent_notice_days}`…"""
        values: dict[str, object] = {}
        for section, part in self:
            if isinstance(part, BaseModel):
                for field, value in part:
                    if isinstance(value, int) and not isinstance(value, bool):
                        values[f"{section}_{field}"] = value
        return values

    def text(self, part: str, language: str = "en") -> str | None:
        """The state's sentence `part` (such as limits or revoke) in `language`; None if none."""
        key = f"{self.code}.{part}"
        if key not in catalogue(DOMAIN, "en"):
            return None
        return translate(key, language, self.facts(), domain=DOMAIN)

    def texts(self, prefix: str, language: str = "en") -> list[str]:
        """A group of sentences in catalogue order (e.g. the generic fallback's "steps")."""
        start = f"{self.code}.{prefix}."
        keys = [key for key in catalogue(DOMAIN, "en") if key.startswith(start)]
        return [translate(key, language, self.facts(), domain=DOMAIN) for key in keys]

    def display_name(self, language: str = "en") -> str:
        return self.text("name", language) or self.name

    def instrument_name(self, language: str = "en") -> str:
        """The paper's name as a family reads it: the official English title, and in another
        language its translation with the official title beside it ("…" (Official Title))."""
        if self.instrument is None:
            return ""
        official = self.instrument.title
        translated = self.text("title", language) or official
        return official if translated == official else f"{translated} ({official})"

    def power_labels(self, language: str = "en") -> list[str]:
        """The instrument's powers, as a family reads them."""
        powers = self.instrument.powers if self.instrument else ()
        return [label("power", key, language) for key in powers]


def label(table: str, key: str, language: str = "en", **params: object) -> str:
    """The reader's words for a vocabulary key (a power, a witness exclusion, a notary rule…)."""
    return translate(f"{table}.{key}", language, params or None, domain=DOMAIN)


# --- loading ------------------------------------------------------------------------------------


class JurisdictionError(Exception):
    """A rules file that cannot be used. `str()` is English; `message(lang)` translates.

    The message names the file and the field, never a traceback: the program ships these files, so
    the remedy is to reinstall or tell the maintainers.
    """

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, language: str = "en") -> str:
        params = dict(self.params)
        reason = params.pop("reason", None)
        if isinstance(reason, str):
            params["reason"] = translate(
                f"reason.{reason}", language, {"field": params.get("field", "")}, domain=DOMAIN
            )
        return translate(f"error.{self.key}", language, params, domain=DOMAIN)


_REASONS: dict[str, str] = {
    "missing": "missing",
    "extra_forbidden": "unknown",
    "literal_error": "choice",
    "enum": "choice",
    "greater_than": "range",
    "greater_than_equal": "range",
    "less_than": "range",
    "less_than_equal": "range",
    "too_short": "empty",
    "string_too_short": "empty",
    "string_pattern_mismatch": "pattern",
    "date_type": "date",
    "untranslated": "untranslated",
    "https": "https",
    "unknown_fact": "unknown_fact",
    "must_be_unconfirmed": "must_be_unconfirmed",
    "inconsistent": "inconsistent",
    "no_text": "no_text",
    "unknown_value": "unknown_value",
}


def _location(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _field_error(file: str, error: ErrorDetails) -> JurisdictionError:
    context = error.get("ctx") or {}
    field = str(context.get("field") or _location(error["loc"]) or "code")
    kind = error["type"]
    reason = _REASONS.get(kind) or ("type" if kind.endswith(("_type", "_parsing")) else "invalid")
    return JurisdictionError("invalid_field", file=file, field=field, reason=reason)


def parse_jurisdiction(path: Path) -> Jurisdiction:
    """Read and check one rules file; every problem becomes a `JurisdictionError`."""
    try:
        with path.open("rb") as file:
            data = tomllib.load(file)
    except OSError:
        raise JurisdictionError("unreadable", file=path.name) from None
    except tomllib.TOMLDecodeError as bad:
        line = re.search(r"line (\d+)", str(bad))
        raise JurisdictionError("not_toml", file=path.name, line=line[1] if line else "?") from None
    if data.get("code", path.stem) != path.stem:
        raise JurisdictionError("invalid_field", file=path.name, field="code", reason="wrong_code")
    try:
        return Jurisdiction.model_validate(data)
    except ValidationError as invalid:
        errors = invalid.errors()
        # A misspelt key is also a missing one: naming the misspelling points at the line to fix.
        first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
        raise _field_error(path.name, first) from None


@cache
def _cached(path: Path) -> Jurisdiction:
    return parse_jurisdiction(path)


def load_jurisdiction(code: str, folder: Path | None = None) -> Jurisdiction:
    """The rules for a US state code; the generic fallback for a state without a file.

    Args:
        code: a two-letter state code such as "TX" (case and spaces forgiven).
        folder: where the rules files are; the shipped ones unless a test gives its own.
    """
    folder = folder or JURISDICTIONS
    code = code.strip().upper()
    path = folder / f"{code}.toml"
    if not STATE_FILE.match(code) or not path.is_file():
        path = folder / f"{GENERIC}.toml"
    return _cached(path)


def available_states(folder: Path | None = None) -> tuple[str, ...]:
    """The state codes that have their own rules file, sorted."""
    folder = folder or JURISDICTIONS
    return tuple(sorted(p.stem for p in folder.glob("*.toml") if STATE_FILE.match(p.stem)))


CHOICES: dict[str, tuple[str, ...]] = {
    "notary": get_args(Notary),
    "wording": get_args(Wording),
    "signer": get_args(Signer),
    "scope": get_args(Scope),
    "mark": get_args(Mark),
    "place": get_args(Place),
}
"""Choice lists fixed in code; each value has a label in the catalogues (tests check)."""
