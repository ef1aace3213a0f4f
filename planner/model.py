"""The family's preparedness plan: one pydantic model, saved as versioned JSON.

The model describes *structure*: which fields exist, their types, which person an id points at. It
is lenient about *formats* (a phone number typed badly still loads) so that `planner.validation` can
report every problem with its path in one pass instead of refusing the file. A valid value is stored
in one canonical form (phones in E.164, A-numbers as 9 digits): the same plan, the same bytes.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Final, Literal, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    StringConstraints,
    ValidationError,
    field_validator,
)
from pydantic.fields import FieldInfo
from pydantic_core import InitErrorDetails, PydanticCustomError

from planner.formats import canonical_a_number, canonical_phone

SCHEMA_VERSION: Final = 1
"""The version this program writes. Older files are migrated on load (see `planner.migrations`)."""

PersonId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
"""A stable id, so that "Rosa is Ana's caregiver" survives edits to Rosa's name or phone."""


@dataclass(frozen=True)
class MaxChars:
    """The most characters a typed answer may have: the window stops typing there, and a plan
    file with more gets a problem beside the field (a file is never refused for it)."""

    limit: int


@dataclass(frozen=True)
class MaxItems:
    """The most entries a list of the plan may hold: far beyond any real family, low enough that
    every document stays quick to make and to read. A plan file with more gets a problem (the
    window offers no "Add" past it)."""

    limit: int


SHORT_TEXT_CHARS: Final = 300
"""The limit of a text answer that declares none (an address line, a doctor's name)."""
Name = Annotated[str, MaxChars(100)]
"""A person's or a household's name, in one of its two parts."""
LongText = Annotated[str, MaxChars(10_000)]
"""Notes a family writes at length: routines, health, what the caregiver should know."""

PhoneText = Annotated[str, AfterValidator(canonical_phone)]
ANumberText = Annotated[str, AfterValidator(canonical_a_number)]
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]


def new_id(prefix: str) -> str:
    """A short random id; readable enough for a navigator to spot in a JSON file."""
    return f"{prefix}-{secrets.token_hex(4)}"


_LONE_SURROGATE: Final = re.compile("[\ud800-\udfff]")
"""Half of a UTF-16 pair. A JSON escape ("\\ud800") or a broken copy and paste can leave one in
a string, where it is no character: it cannot be saved, printed or sent to a phone."""


def _unpaired_surrogate() -> PydanticCustomError:
    """The error `planner.plan_file` turns into the problem "text.unpaired_surrogate"."""
    return PydanticCustomError("text_unpaired_surrogate", "text holds a lone surrogate")


def _state_limits(schema: dict[str, JsonValue], part: type[Any]) -> None:
    """Write the limits validation applies into the JSON Schema (`planner schema`): maxLength
    for text and for each entry of a list of text, maxItems for lists. Only the schema states
    them: loading never refuses a long value, validation names it beside its field."""
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return
    for name, info in part.model_fields.items():
        field = properties.get(name)
        if not isinstance(field, dict):
            continue
        limits = {"maxLength": text_limit(info), "maxItems": list_limit(info)}
        field.update({key: limit for key, limit in limits.items() if limit is not None})
        entries, each = field.get("items"), entry_limit(info)
        if isinstance(entries, dict) and each is not None:
            entries["maxLength"] = each


class PlanPart(BaseModel):
    """Every part of the plan rejects keys it does not know: a typo must not silently drop data."""

    model_config = ConfigDict(
        extra="forbid", validate_assignment=True, json_schema_extra=_state_limits
    )

    @field_validator("*", mode="before")
    @classmethod
    def _only_characters(cls, value: object) -> object:
        """Refuse a lone surrogate in any text, before any other check could turn it into
        something else (a phone number's digits): whichever way a plan is made (a file, the
        vault, an import, the window), no plan can hold text that later fails to save or print."""
        if isinstance(value, str) and _LONE_SURROGATE.search(value):
            raise _unpaired_surrogate()
        if isinstance(value, list | tuple):
            broken = [
                InitErrorDetails(type=_unpaired_surrogate(), loc=(index,), input=item)
                for index, item in enumerate(value)
                if isinstance(item, str) and _LONE_SURROGATE.search(item)
            ]
            if broken:  # named entry by entry, as pydantic names the entries' other errors
                raise ValidationError.from_exception_data(cls.__name__, broken)
        return value


class PhoneKind(StrEnum):
    MOBILE = "mobile"
    HOME = "home"
    WORK = "work"
    OTHER = "other"


class Phone(PlanPart):
    number: PhoneText
    kind: PhoneKind = PhoneKind.MOBILE
    note: str = ""
    """e.g. "WhatsApp only", "after 6 pm"."""


class Address(PlanPart):
    street: str = ""
    unit: str = ""
    city: str = ""
    state: str = ""
    """Two-letter code in the US; a region or province abroad."""
    postal_code: str = ""
    country: str = "US"
    """ISO 3166 alpha-2 code: a grandmother in Guatemala is "GT"."""


class PersonName(PlanPart):
    """A name as the person writes it, in two parts so documents can sort and print it correctly."""

    given_names: Name
    family_names: Name = ""
    family_name_first: bool = False
    """True for names written family name first, as in Vietnamese ("Nguyễn Thị Hồng")."""

    @property
    def full_name(self) -> str:
        """The name in the order its owner writes it."""
        parts = (self.given_names, self.family_names)
        if self.family_name_first:
            parts = (self.family_names, self.given_names)
        return " ".join(part for part in parts if part)


class Person(PersonName):
    id: PersonId
    phones: Annotated[list[Phone], MaxItems(6)] = Field(default_factory=list)
    email: str = ""
    address: Address | None = None
    """None means "lives at the household's address"."""
    languages: Annotated[list[LanguageCode], MaxItems(10)] = Field(default_factory=list)


class Household(PlanPart):
    display_name: Name
    """What the family or navigator calls this plan, e.g. "Familia García"; shown in the list."""
    address: Address = Field(default_factory=Address)
    state: str
    """The US state whose caregiver rules apply (usually where the children live)."""
    family_languages: Annotated[list[LanguageCode], MaxItems(10)] = Field(
        default_factory=lambda: ["en"]
    )
    """Languages spoken at home, most comfortable first."""
    document_language: LanguageCode = "en"
    """The language the packet is printed in (English is always available beside it)."""
    home_phone: PhoneText = ""


class ImmigrationStatus(StrEnum):
    """Asked only if the family wants it recorded; `None` on the adult means "not recorded"."""

    US_CITIZEN = "us_citizen"
    PERMANENT_RESIDENT = "permanent_resident"
    VISA_OR_PERMIT = "visa_or_permit"
    PENDING_CASE = "pending_case"
    NO_STATUS = "no_status"
    PREFER_NOT_TO_SAY = "prefer_not_to_say"


class CaseInfo(PlanPart):
    """What a caregiver or lawyer needs to find a detained parent and follow the case.

    Every field is optional: a family may choose not to record status or case numbers."""

    a_number: ANumberText = ""
    """Stored as 9 digits; an 8-digit number gets a leading zero."""
    immigration_status: ImmigrationStatus | None = None
    immigration_court: str = ""
    next_hearing: date | None = None
    pending_applications: LongText = ""
    attorney_id: PersonId | None = None
    """Which attorney in `Plan.attorneys` represents this adult."""
    g28_signed: bool | None = None
    """Whether a Form G-28 (notice of appearance) was signed in advance."""
    g28_held_by: str = ""
    arresting_officer: str = ""
    notes: LongText = ""


class Employer(PlanPart):
    name: str = ""
    phone: PhoneText = ""
    address: Address | None = None
    notes: LongText = ""
    """e.g. how to collect the last paycheck."""


class Consulate(PlanPart):
    name: str = ""
    phone: PhoneText = ""
    address: Address | None = None


class AdultRole(StrEnum):
    MOTHER = "mother"
    FATHER = "father"
    PARENT = "parent"
    LEGAL_GUARDIAN = "legal_guardian"


class Adult(Person):
    """A parent or legal guardian — someone who can sign for the children and might be detained."""

    role: AdultRole = AdultRole.PARENT
    other_names: str = ""
    """Other names used (maiden name, names on old papers): the court's records may use them."""
    date_of_birth: date | None = None
    country_of_birth: str = ""
    """ISO 3166 alpha-2; with the name or A-number, what the ICE detainee locator asks for."""
    lives_in_household: bool = True
    """False for a parent living elsewhere (e.g. Texas requires notice to the other parent)."""
    family_violence_order: bool = False
    """This parent has no court-ordered visits, and a protective order or a conviction shows
    family violence against the family: Texas then asks for no copy of the caregiver agreement
    to be mailed to them (Tex. Fam. Code §34.005(a-2))."""
    employer: Employer | None = None
    consulate: Consulate | None = None
    case: CaseInfo | None = None


class Relationship(StrEnum):
    GRANDPARENT = "grandparent"
    AUNT_UNCLE = "aunt_uncle"
    SIBLING = "sibling"
    COUSIN = "cousin"
    OTHER_RELATIVE = "other_relative"
    GODPARENT = "godparent"
    FRIEND = "friend"
    NEIGHBOR = "neighbor"
    OTHER = "other"


class Contact(Person):
    """An emergency contact. The plan keeps them in the order the family wants them called."""

    relationship: Relationship = Relationship.OTHER
    relationship_detail: str = ""
    """In the family's words, e.g. "my sister", "Ana's godmother"."""
    date_of_birth: date | None = None
    may_pick_up_children: bool = False
    knows_the_plan: bool = False
    has_a_copy: bool = False
    situation_is_stable: bool | None = None
    """Optional and sensitive: whether the contact's own immigration situation is secure."""
    notes: LongText = ""


class Attorney(PersonName):
    """An attorney or DOJ-accredited representative."""

    id: PersonId
    organization: str = ""
    phone: PhoneText = ""
    phone_24h: PhoneText = ""
    email: str = ""
    address: Address | None = None
    bar_or_eoir_id: str = ""
    is_accredited_representative: bool = False


class School(PlanPart):
    """A school or child-care provider; children who share one get one release letter."""

    id: PersonId
    name: str
    kind: Literal["school", "child_care", "after_school"] = "school"
    address: Address | None = None
    phone: PhoneText = ""
    notes: LongText = ""


class Medication(PlanPart):
    name: str
    dose: str = ""
    schedule: str = ""


class HealthInfo(PlanPart):
    doctor: str = ""
    doctor_phone: PhoneText = ""
    dentist: str = ""
    dentist_phone: PhoneText = ""
    insurance: str = ""
    """Insurer and plan name; the member number is optional and sensitive."""
    insurance_member_id: str = ""
    conditions: LongText = ""
    medications: Annotated[list[Medication], MaxItems(30)] = Field(default_factory=list)
    allergies: LongText = ""
    special_needs: LongText = ""


class PaperStart(StrEnum):
    """When the caregiver paper takes effect."""

    WHEN_SIGNED = "when_signed"
    ON_DATE = "on_date"
    ON_EVENT = "on_event"
    """The day the parent is detained or otherwise cannot care for the child (where the state's
    law lets a paper start on an event)."""


class PaperEnd(StrEnum):
    """When the caregiver paper ends."""

    LONGEST = "longest"
    """The longest the state's law allows, counted from the start."""
    ON_DATE = "on_date"


class PaperPeriod(PlanPart):
    """The period a child's caregiver paper states, where the state's paper has one (NY, WA…)."""

    starts: PaperStart = PaperStart.WHEN_SIGNED
    start_date: date | None = None
    ends: PaperEnd = PaperEnd.LONGEST
    end_date: date | None = None


class CareArrangement(PlanPart):
    """Who looks after a child if the parents cannot. Caregivers are people already in the plan."""

    primary_caregiver_id: PersonId | None = None
    alternate_caregiver_id: PersonId | None = None
    term: Literal["short_term", "long_term", "undecided"] = "undecided"
    who_pays: LongText = ""
    child_has_been_told: bool | None = None
    paper_period: PaperPeriod = Field(default_factory=PaperPeriod)
    paper_signed_on: date | None = None
    """The day this child's caregiver paper was signed; None while it is not. With the state's
    term and the period, it says when a new paper must be signed (the navigator's caseload)."""


class Child(PersonName):
    id: PersonId
    date_of_birth: date | None = None
    languages: Annotated[list[LanguageCode], MaxItems(10)] = Field(default_factory=list)
    school_id: PersonId | None = None
    grade: str = ""
    teacher: str = ""
    may_be_released_to: Annotated[list[PersonId], MaxItems(40)] = Field(default_factory=list)
    """People (contacts or adults) the school may release this child to."""
    must_not_be_released_to: Annotated[list[str], MaxItems(20)] = Field(default_factory=list)
    """Named people the school must not release the child to; not necessarily in the plan."""
    health: HealthInfo = Field(default_factory=HealthInfo)
    custody_orders: LongText = ""
    """Any custody or court order that exists: the caregiver and the school need to know."""
    may_travel_abroad_to_join_parent: bool | None = None
    passport_status: str = ""
    routines_and_comfort: LongText = ""
    """Food, bedtime, fears: the human part of the plan."""
    care: CareArrangement = Field(default_factory=CareArrangement)


class PaperKind(StrEnum):
    """A family's own papers, kept at home (a birth certificate, a passport): not the documents
    this program prints, which are `planner.packet.PacketDocumentKind`."""

    BIRTH_CERTIFICATE = "birth_certificate"
    PASSPORT = "passport"
    CONSULAR_ID = "consular_id"
    WORK_PERMIT = "work_permit"
    GREEN_CARD = "green_card"
    VISA_OR_I94 = "visa_or_i94"
    SOCIAL_SECURITY_CARD = "social_security_card"
    ITIN_LETTER = "itin_letter"
    MEDICAL_RECORDS = "medical_records"
    SCHOOL_RECORDS = "school_records"
    IMMIGRATION_PAPERS = "immigration_papers"
    CUSTODY_ORDER = "custody_order"
    CAREGIVER_AUTHORIZATION = "caregiver_authorization"
    OTHER = "other"


class DocumentStatus(StrEnum):
    HAVE = "have"
    MISSING = "missing"
    EXPIRED = "expired"


class DocumentLocation(PlanPart):
    """Where one paper is kept, and whether the family still needs to get it."""

    kind: PaperKind
    description: str = ""
    """Needed for "other"; otherwise a detail such as "US passport" or "Guatemalan passport"."""
    belongs_to: PersonId | None = None
    """The adult or child it belongs to; None for household papers."""
    location: str = ""
    status: DocumentStatus = DocumentStatus.HAVE


class MoneyKind(StrEnum):
    BANK_ACCOUNT = "bank_account"
    PAYCHECK = "paycheck"
    BENEFITS = "benefits"
    CREDIT_CARD = "credit_card"
    INSURANCE = "insurance"
    LEASE_OR_PROPERTY = "lease_or_property"
    VEHICLE = "vehicle"
    VALUABLES = "valuables"
    POWER_OF_ATTORNEY = "power_of_attorney"
    OTHER = "other"


class MoneyItem(PlanPart):
    """An account or asset, described in words — never a full account number."""

    kind: MoneyKind
    description: str
    who_can_access: str = ""
    where_papers_are: str = ""


class Hotline(PlanPart):
    """A local number the family enters: rapid response, legal aid. The program ships none."""

    name: str
    phone: PhoneText
    kind: Literal["rapid_response", "legal_aid", "other"] = "rapid_response"
    hours: str = ""


class ReviewSchedule(PlanPart):
    last_reviewed: date | None = None
    next_review: date | None = None
    reviewed_by_attorney_on: date | None = None


class Plan(PlanPart):
    """One household's whole plan: what a caregiver needs if a parent is detained today."""

    schema_version: Literal[1] = SCHEMA_VERSION
    household: Household
    adults: Annotated[list[Adult], MaxItems(12)] = Field(default_factory=list)
    children: Annotated[list[Child], MaxItems(25)] = Field(default_factory=list)
    emergency_contacts: Annotated[list[Contact], MaxItems(40)] = Field(default_factory=list)
    """In calling order: the first is called first."""
    attorneys: Annotated[list[Attorney], MaxItems(10)] = Field(default_factory=list)
    schools: Annotated[list[School], MaxItems(25)] = Field(default_factory=list)
    documents: Annotated[list[DocumentLocation], MaxItems(100)] = Field(default_factory=list)
    money_and_property: Annotated[list[MoneyItem], MaxItems(60)] = Field(default_factory=list)
    money_notes: LongText = ""
    local_hotlines: Annotated[list[Hotline], MaxItems(30)] = Field(default_factory=list)
    review: ReviewSchedule = Field(default_factory=ReviewSchedule)
    notes: LongText = ""

    def person(self, person_id: str) -> Adult | Contact | None:
        """The adult or contact with this id: caregivers and pick-up lists point at these."""
        everyone: list[Adult | Contact] = [*self.adults, *self.emergency_contacts]
        for someone in everyone:
            if someone.id == person_id:
                return someone
        return None

    def school(self, school_id: str) -> School | None:
        return next((s for s in self.schools if s.id == school_id), None)

    def attorney(self, attorney_id: str) -> Attorney | None:
        return next((a for a in self.attorneys if a.id == attorney_id), None)


def text_limit(info: FieldInfo) -> int | None:
    """How many characters a text field of the plan takes (None: not typed text)."""
    for meta in info.metadata:
        if isinstance(meta, MaxChars):
            return meta.limit
    return SHORT_TEXT_CHARS if info.annotation is str else None


def entry_limit(info: FieldInfo) -> int | None:
    """How many characters each entry of a list of text takes (None: not a list of text)."""
    if get_origin(info.annotation) is not list:
        return None
    (entry,) = get_args(info.annotation)
    if entry is str:
        return SHORT_TEXT_CHARS
    if get_origin(entry) is Annotated and get_args(entry)[0] is str:
        declared = (m.limit for m in entry.__metadata__ if isinstance(m, MaxChars))
        return next(declared, SHORT_TEXT_CHARS)
    return None


def list_limit(info: FieldInfo) -> int | None:
    """The most entries a list of the plan may hold (None: not a bounded list)."""
    return next((m.limit for m in info.metadata if isinstance(m, MaxItems)), None)


def limit_at(path: str) -> int | None:
    """The limit of the text field at a plan path such as `adults[0].given_names` (None when
    the path names no text field): what the window's fields stop typing at."""
    info = _field_at(path)
    return text_limit(info) if info is not None else None


def list_limit_at(path: str) -> int | None:
    """The most entries the list at a plan path such as `children` or `adults[0].phones` holds
    (None when the path names no bounded list): where the window's "Add" stops."""
    info = _field_at(path)
    return list_limit(info) if info is not None else None


def _field_at(path: str) -> FieldInfo | None:
    model: type[BaseModel] = Plan
    parts = [part.split("[")[0] for part in path.split(".")]
    for depth, part in enumerate(parts):
        info = model.model_fields.get(part)
        if info is None or depth == len(parts) - 1:
            return info
        inner = _model_in(info.annotation)
        if inner is None:
            return None
        model = inner
    return None


def _model_in(annotation: object) -> type[BaseModel] | None:
    """The plan part a field holds: itself, in a list, or optional."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None
