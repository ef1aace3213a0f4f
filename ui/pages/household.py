"""Household and parents: the home's address and phone, the languages spoken there, the language
of the papers, then each parent or legal guardian (names, birth, phones, where they live, work and
consulate)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from planner.flow import (
    SectionId,
    asks_about_family_violence,
    asks_other_parent_address,
    asks_whether_other_parent_is_available,
)
from planner.model import (
    Address,
    Adult,
    AdultRole,
    Consulate,
    Employer,
    Phone,
    PhoneKind,
    Plan,
    new_id,
)
from planner.validation import Problem
from ui.check_list import CheckList
from ui.pages.base import SectionPage
from ui.pages.choices import (
    country_choices,
    language_choices,
    language_label,
    other_language_choices,
    state_choices,
)
from ui.pages.item_form import ItemForm
from ui.pages.parts import (
    label_check,
    label_date,
    read_date,
    row,
    why_label,
)
from ui.session import follow_language
from ui.widgets import ChoiceField, DateField, Field, PhoneField, TextField, YesNoField

DOCUMENT_LANGUAGES = ("en", "es")


def merged_phones(old: list[Phone], numbers: tuple[str, str]) -> list[Phone]:
    """The first two phones as typed (keeping their kind and note); any further ones untouched."""
    kinds = (PhoneKind.MOBILE, PhoneKind.OTHER)
    phones: list[Phone] = []
    for slot, number in enumerate(numbers):
        if not number:
            continue
        if slot < len(old):
            phones.append(Phone(number=number, kind=old[slot].kind, note=old[slot].note))
        else:
            phones.append(Phone(number=number, kind=kinds[slot]))
    return phones + old[2:]


def address_state(address: Address, shown: str, plan_state: str) -> str:
    """The state an address keeps. An address with nothing else typed in it only shows the plan's
    state as a start: that is not an answer, so it follows a later choice on Welcome."""
    typed = (address.street, address.unit, address.city, address.postal_code)
    return "" if not any(typed) and shown == plan_state else shown


def ordered_languages(old: list[str], ticked: list[str]) -> list[str]:
    """The ticked languages, keeping the family's order (most comfortable first); new ones last."""
    return [c for c in old if c in ticked] + [c for c in ticked if c not in old]


class HouseholdPage(SectionPage):
    section_id = SectionId.HOUSEHOLD

    def build(self) -> None:
        self.plan: Plan | None = None
        self.shown_problems: list[Problem] = []
        self.speaking: str | None = None
        """The interface's language when the page last loaded: a switch since moves a blank
        plan's languages along (see `ui.session.follow_language`)."""
        self._build_home()
        self._build_languages()
        self._build_adults()

    # --- building --------------------------------------------------------------------------------

    def _build_home(self) -> None:
        self.home_box = QGroupBox()
        box = QVBoxLayout(self.home_box)
        line = row(box)
        self.street = TextField()
        self.unit = TextField()
        self.add_field("household.address.street", self.street, line)
        self.add_field("household.address.unit", self.unit, line)
        line.setStretch(0, 3)
        line.setStretch(1, 1)
        line = row(box)
        self.city = TextField()
        self.state = ChoiceField()
        self.zip = TextField()
        self.zip.setMaxLength(10)
        self.add_field("household.address.city", self.city, line)
        self.add_field("household.address.state", self.state, line)
        self.add_field("household.address.postal_code", self.zip, line)
        line.setStretch(0, 2)
        line.setStretch(1, 2)
        line.setStretch(2, 1)
        line = row(box)
        self.home_phone = PhoneField()
        self.add_field("household.home_phone", self.home_phone, line)
        line.addStretch(1)
        line.setStretch(0, 1)
        self.form.addWidget(self.home_box)

    def _build_languages(self) -> None:
        self.language_box = QGroupBox()
        box = QVBoxLayout(self.language_box)
        self.languages = CheckList(wrap=True)
        self.add_field("household.family_languages", self.languages, box)
        line = QHBoxLayout()
        self.other_language = ChoiceField()
        self.other_language_field = Field(self.other_language)
        line.addWidget(self.other_language_field, 1)
        self.add_language = QPushButton()
        line.addWidget(self.add_language, 0, Qt.AlignmentFlag.AlignBottom)
        line.addStretch(1)
        box.addLayout(line)
        self.add_language.clicked.connect(self._add_language)
        line = row(box)
        self.document_language = ChoiceField()
        self.add_field("household.document_language", self.document_language, line)
        line.addStretch(1)
        line.setStretch(0, 1)
        self.form.addWidget(self.language_box)

    def _build_adults(self) -> None:
        self.adults = ItemForm(
            self,
            "adults",
            entries=lambda plan: plan.adults,
            read=self._read_adult,
            write=self._write_adult,
            label=self._adult_label,
            new=lambda: Adult(id=new_id("adult"), given_names=""),
            removed=_forget_person,
        )
        self.adult_list = self.add_field("adults", self.adults.list)
        self.adult_detail = self.adults.detail = QWidget()
        detail = QVBoxLayout(self.adult_detail)
        detail.setContentsMargins(0, 0, 0, 0)
        self.adult_heading = QLabel()
        self.adult_heading.setObjectName("itemHeading")
        self.adult_heading.setWordWrap(True)
        detail.addWidget(self.adult_heading)
        self._build_person(detail)
        self._build_elsewhere(detail)
        self._build_work(detail)
        self.form.addWidget(self.adult_detail)

    def _build_person(self, detail: QVBoxLayout) -> None:
        form = self.adults
        self.person_box = QGroupBox()
        box = QVBoxLayout(self.person_box)
        line = row(box)
        self.given = TextField()
        self.family = TextField()
        self.role = ChoiceField()
        line.addWidget(form.add("given_names", self.given), 2)
        line.addWidget(form.add("family_names", self.family), 2)
        line.addWidget(form.add("role", self.role), 1)
        self.family_first = YesNoField()
        box.addWidget(form.add("family_name_first", self.family_first))
        self.other_names = TextField()
        box.addWidget(form.add("other_names", self.other_names))
        line = row(box)
        self.born = DateField()
        line.addWidget(form.add("date_of_birth", self.born), 1)
        line.addStretch(2)
        self.country = ChoiceField()
        box.addWidget(form.add("country_of_birth", self.country))
        line = row(box)
        self.mobile = PhoneField()
        self.second_phone = PhoneField()
        self.email = TextField()
        line.addWidget(form.add("phones[0].number", self.mobile))
        line.addWidget(form.add("phones[1].number", self.second_phone))
        line.addWidget(form.add("email", self.email))
        self.lives_here = YesNoField()
        box.addWidget(form.add("lives_in_household", self.lives_here, also=("address",)))
        self.lives_here.toggled.connect(self._show_elsewhere)
        detail.addWidget(self.person_box)

    def _build_elsewhere(self, detail: QVBoxLayout) -> None:
        form = self.adults
        self.elsewhere_box = QGroupBox()
        box = QVBoxLayout(self.elsewhere_box)
        self.notice_note = why_label(box)
        self.sign_note = why_label(box)
        line = row(box)
        self.away_street = TextField()
        self.away_city = TextField()
        street = form.add("address.street", self.away_street)
        form.alias("address", street)
        line.addWidget(street, 3)
        line.addWidget(form.add("address.city", self.away_city), 2)
        line = row(box)
        self.away_state = TextField()
        self.away_zip = TextField()
        self.away_country = ChoiceField()
        line.addWidget(form.add("address.state", self.away_state), 2)
        line.addWidget(form.add("address.postal_code", self.away_zip), 1)
        line.addWidget(form.add("address.country", self.away_country), 2)
        self.violence = YesNoField()
        self.violence_field = form.add("family_violence_order", self.violence)
        box.addWidget(self.violence_field)
        detail.addWidget(self.elsewhere_box)

    def _build_work(self, detail: QVBoxLayout) -> None:
        form = self.adults
        self.work_box = QGroupBox()
        box = QVBoxLayout(self.work_box)
        self.employer_note = why_label(box)
        line = row(box)
        self.employer = TextField()
        self.employer_phone = PhoneField()
        line.addWidget(form.add("employer.name", self.employer), 2)
        line.addWidget(form.add("employer.phone", self.employer_phone), 1)
        self.consulate_note = why_label(box)
        line = row(box)
        self.consulate = TextField()
        self.consulate_phone = PhoneField()
        line.addWidget(form.add("consulate.name", self.consulate), 2)
        line.addWidget(form.add("consulate.phone", self.consulate_phone), 1)
        detail.addWidget(self.work_box)

    # --- the plan in and out ---------------------------------------------------------------------

    _other_languages_in: str | None = None
    """The language the long list of other languages was built in; None until first shown."""

    def _fill_other_languages(self) -> None:
        """Hundreds of language names: built when the page is first shown, not at start-up."""
        language = self.words.catalogue_language
        self.other_language.set_choices(
            [("", self.words("household.choose")), *other_language_choices(language)]
        )
        self._other_languages_in = language

    def load(self, plan: Plan) -> None:
        if self._other_languages_in != self.words.catalogue_language:
            self._fill_other_languages()
        self.plan = plan
        spoken = self.words.catalogue_language
        follow_language(plan, self.speaking or spoken, spoken)  # a blank plan only
        self.speaking = spoken
        home = plan.household
        self.street.set_value(home.address.street)
        self.unit.set_value(home.address.unit)
        self.city.set_value(home.address.city)
        state = home.address.state or home.state  # no state yet: the one chosen on Welcome
        self.state.set_choices(self._state_choices(state), state)
        self.zip.set_value(home.address.postal_code)
        self.home_phone.set_value(home.home_phone)
        language = self.words.catalogue_language
        self.languages.set_choices(
            language_choices(home.family_languages, language), home.family_languages
        )
        self.document_language.set_choices(
            self._document_choices(home.document_language), home.document_language
        )
        self.adults.load(plan)
        self._describe_elsewhere()

    def store(self, plan: Plan) -> list[Problem]:
        home = plan.household
        home.address.street = self.street.value()
        home.address.unit = self.unit.value()
        home.address.city = self.city.value()
        home.address.postal_code = self.zip.value()
        home.address.state = address_state(home.address, self.state.value() or "", home.state)
        home.home_phone = self.home_phone.value()
        home.family_languages = ordered_languages(home.family_languages, self.languages.values())
        home.document_language = self.document_language.value() or home.document_language
        problems = self.adults.store()
        adult = self.adults.current()
        if adult is not None:
            self._read_phones(adult)
            self.adult_heading.setText(self._adult_label(adult))
        return problems

    def _read_adult(self, adult: Adult) -> None:
        language = self.words.catalogue_language
        self.adult_heading.setText(self._adult_label(adult))
        self.given.set_value(adult.given_names)
        self.family.set_value(adult.family_names)
        self.family_first.set_value(adult.family_name_first)
        self.role.set_value(adult.role.value)
        self.other_names.set_value(adult.other_names)
        read_date(self.born, adult.date_of_birth, adult.id)
        choices = country_choices(language, adult.country_of_birth)
        self.country.set_choices(
            [("", self.words("household.not_recorded")), *choices], adult.country_of_birth
        )
        self._read_phones(adult)
        self.email.set_value(adult.email)
        self.lives_here.set_value(adult.lives_in_household)
        self.violence.set_value(adult.family_violence_order)
        away = adult.address or Address()
        self.away_street.set_value(away.street)
        self.away_city.set_value(away.city)
        self.away_state.set_value(away.state)
        self.away_zip.set_value(away.postal_code)
        self.away_country.set_choices(country_choices(language, away.country), away.country)
        self._show_elsewhere(adult.lives_in_household)
        employer = adult.employer or Employer()
        self.employer.set_value(employer.name)
        self.employer_phone.set_value(employer.phone)
        consulate = adult.consulate or Consulate()
        self.consulate.set_value(consulate.name)
        self.consulate_phone.set_value(consulate.phone)

    def _read_phones(self, adult: Adult) -> None:
        numbers = [p.number for p in adult.phones[:2]] + ["", ""]
        for editor, number in zip((self.mobile, self.second_phone), numbers, strict=False):
            if editor.value() != number:
                editor.set_value(number)

    def _write_adult(self, adult: Adult) -> list[Problem]:
        """The form into `adult` (the selected one, or a copy of it). No side effects elsewhere."""
        problems: list[Problem] = []
        adult.given_names = self.given.value()
        adult.family_names = self.family.value()
        adult.family_name_first = self.family_first.value()
        adult.role = AdultRole(self.role.value() or AdultRole.PARENT.value)
        adult.other_names = self.other_names.value()
        if self.born.is_valid():
            adult.date_of_birth = self.born.value()
        else:
            problems.append(Problem(self.adults.path("date_of_birth"), "date.invalid"))
        adult.country_of_birth = self.country.value() or ""
        adult.phones = merged_phones(adult.phones, (self.mobile.value(), self.second_phone.value()))
        adult.email = self.email.value()
        adult.lives_in_household = self.lives_here.value()
        adult.address = None if adult.lives_in_household else self._away_address(adult.address)
        adult.family_violence_order = not adult.lives_in_household and self.violence.value()
        adult.employer = _employer(
            adult.employer, self.employer.value(), self.employer_phone.value()
        )
        adult.consulate = _consulate(
            adult.consulate, self.consulate.value(), self.consulate_phone.value()
        )
        return problems

    def _away_address(self, old: Address | None) -> Address | None:
        state = self.away_state.value()
        country = self.away_country.value() or "US"
        if country == "US" and len(state) == 2:
            state = state.upper()
        typed = (self.away_street.value(), self.away_city.value(), state, self.away_zip.value())
        unit = old.unit if old else ""
        if not any(typed) and not unit and country == "US":
            return None
        street, city, state, postal_code = typed
        return Address(
            street=street,
            unit=unit,
            city=city,
            state=state,
            postal_code=postal_code,
            country=country,
        )

    # --- reactions -------------------------------------------------------------------------------

    def _show_elsewhere(self, lives_here: bool) -> None:
        self.elsewhere_box.setVisible(not lives_here)

    def _describe_elsewhere(self) -> None:
        """The state's reason to ask where a parent living elsewhere is (Texas, Georgia: notice by
        mail; Illinois, New Jersey: that parent may need to sign)."""
        plan = self.plan
        notice = plan is not None and asks_other_parent_address(plan)
        sign = plan is not None and asks_whether_other_parent_is_available(plan)
        state = self.words("household.your_state")
        if plan is not None:
            state = dict(state_choices()).get(plan.household.state, state)
        self.notice_note.setText(self.words("household.notice_why", state=state) if notice else "")
        self.notice_note.setVisible(notice)
        self.sign_note.setText(self.words("household.sign_why", state=state) if sign else "")
        self.sign_note.setVisible(sign)
        self.violence_field.setVisible(plan is not None and asks_about_family_violence(plan))

    def _add_language(self) -> None:
        code = self.other_language.value()
        if not code:
            return
        if code not in self.languages.choices():
            language = self.words.catalogue_language
            choices = language_choices([*self.languages.choices(), code], language)
            self.languages.set_choices(choices)
        self.languages.set_value_checked(code)  # the tick reaches the plan through `edited`
        self.languages.setCurrentRow(self.languages.choices().index(code))

    def show_problems(self, problems: list[Problem]) -> None:
        self.shown_problems = problems
        super().show_problems([p for p in problems if not self.adults.is_elsewhere(p)])
        self.adults.mark(self.visible(problems))

    # --- words -----------------------------------------------------------------------------------

    def _adult_label(self, adult: Adult) -> str:
        role = self.words(f"household.role_{adult.role.value}")
        name = adult.full_name or self.words("household.unnamed")
        return self.words("household.adult_label", name=name, role=role)

    def _state_choices(self, keep: str) -> list[tuple[str, str]]:
        return [("", self.words("household.choose")), *state_choices(keep)]

    def _document_choices(self, keep: str) -> list[tuple[str, str]]:
        choices = [(code, self.words(f"household.document_{code}")) for code in DOCUMENT_LANGUAGES]
        if keep and keep not in DOCUMENT_LANGUAGES:
            choices.append((keep, language_label(keep, self.words.catalogue_language)))
        return choices

    def retranslate(self) -> None:
        w = self.words
        language = self.words.catalogue_language
        self.set_heading()
        self.home_box.setTitle(w("household.home"))
        fields = self.fields
        fields["household.address.street"].set_texts(w("household.street"))
        fields["household.address.unit"].set_texts(w("household.unit"))
        fields["household.address.city"].set_texts(w("household.city"))
        fields["household.address.state"].set_texts(w("household.state"))
        fields["household.address.postal_code"].set_texts(w("household.zip"))
        fields["household.home_phone"].set_texts(w("household.home_phone"))
        self.state.set_choices(self._state_choices(self.state.value() or ""))
        self.language_box.setTitle(w("household.languages_box"))
        fields["household.family_languages"].set_texts(
            w("household.languages"), w("household.languages_why")
        )
        self.languages.set_choices(language_choices(self.languages.choices(), language))
        self.other_language_field.set_texts(w("household.other_language"))
        if self._other_languages_in is not None:  # already built: rename in the new language
            self._fill_other_languages()
        self.add_language.setText(w("household.add_language"))
        self.add_language.setAccessibleName(w("household.add_language").replace("&", ""))
        fields["household.document_language"].set_texts(
            w("household.document_language"), w("household.document_language_why")
        )
        self.document_language.set_choices(
            self._document_choices(self.document_language.value() or "")
        )
        self._retranslate_adults()
        self._describe_elsewhere()

    def _retranslate_adults(self) -> None:
        w = self.words
        form = self.adults.fields
        self.adult_list.set_texts(w("household.adults"), w("household.adults_why"))
        self.adults.retranslate(
            w("household.adults"), w("household.add_adult"), w("household.remove_adult")
        )
        self.person_box.setTitle(w("household.person_box"))
        form["given_names"].set_texts(w("household.given_names"))
        form["family_names"].set_texts(w("household.family_names"))
        label_check(form["family_name_first"], w("household.family_first"))
        form["role"].set_texts(w("household.role"))
        self.role.set_choices([(r.value, w(f"household.role_{r.value}")) for r in AdultRole])
        form["other_names"].set_texts(w("household.other_names"), w("household.other_names_why"))
        label_date(form["date_of_birth"], w, w("household.date_of_birth"))
        form["country_of_birth"].set_texts(
            w("household.country_of_birth"), w("household.country_why")
        )
        form["phones[0].number"].set_texts(w("household.mobile"))
        form["phones[1].number"].set_texts(w("household.second_phone"))
        form["email"].set_texts(w("household.email"))
        label_check(form["lives_in_household"], w("household.lives_here"))
        label_check(
            form["family_violence_order"], w("household.violence"), w("household.violence_why")
        )
        self.elsewhere_box.setTitle(w("household.elsewhere_box"))
        form["address.street"].set_texts(w("household.away_street"))
        form["address.city"].set_texts(w("household.away_city"))
        form["address.state"].set_texts(w("household.region"))
        form["address.postal_code"].set_texts(w("household.postal_code"))
        form["address.country"].set_texts(w("household.country"))
        self.work_box.setTitle(w("household.work_box"))
        self.employer_note.setText(w("household.employer_why"))
        form["employer.name"].set_texts(w("household.employer"))
        form["employer.phone"].set_texts(w("household.employer_phone"))
        self.consulate_note.setText(w("household.consulate_why"))
        form["consulate.name"].set_texts(w("household.consulate"))
        form["consulate.phone"].set_texts(w("household.consulate_phone"))
        language = self.words.catalogue_language
        country = self.country.value() or ""
        self.country.set_choices(
            [("", w("household.not_recorded")), *country_choices(language, country)], country
        )
        away = self.away_country.value() or "US"
        self.away_country.set_choices(country_choices(language, away), away)
        adult = self.adults.current()
        if adult is not None:
            self.adult_heading.setText(self._adult_label(adult))


def _employer(old: Employer | None, name: str, phone: str) -> Employer | None:
    """Name and phone as typed; the address and notes (how to collect the pay) kept."""
    if old is None and not (name or phone):
        return None
    old = old or Employer()
    return Employer(name=name, phone=phone, address=old.address, notes=old.notes)


def _consulate(old: Consulate | None, name: str, phone: str) -> Consulate | None:
    if old is None and not (name or phone):
        return None
    return Consulate(name=name, phone=phone, address=old.address if old else None)


def _forget_person(plan: Plan, person: Adult) -> None:
    """A removed parent no longer picks anyone up, cares for anyone or owns a paper."""
    for child in plan.children:
        child.may_be_released_to = [p for p in child.may_be_released_to if p != person.id]
        if child.care.primary_caregiver_id == person.id:
            child.care.primary_caregiver_id = None
        if child.care.alternate_caregiver_id == person.id:
            child.care.alternate_caregiver_id = None
    for paper in plan.documents:
        if paper.belongs_to == person.id:
            paper.belongs_to = None
