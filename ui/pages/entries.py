"""What the contacts, caregivers and attorney pages share: the form of the selected entry of a plan
list, whose fields answer to that entry's paths (`emergency_contacts[2].email`) so problems land
beside them; the list that selects it (add, remove, reorder by buttons or by dragging); an address
block; a checkable list of languages; and the plan's choices in the reader's words."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from planner.i18n import translate
from planner.model import Address, Plan, list_limit_at
from planner.validation import Problem, Severity
from ui.i18n import PSEUDO, Words, pseudo
from ui.list_editor import ListEditor
from ui.pages.base import SectionPage
from ui.pages.choices import country_choices, language_choices
from ui.pages.form import ERROR_MARK, RegionField
from ui.widgets import ChoiceField, Field, TextField

EXTRA_LANGUAGES = ("quc", "mam", "kjb", "cak", "ko", "tl", "ru", "so", "am", "uk", "fa")
"""Offered beside the common ones: Mayan languages of Guatemala and other languages heard at
clinics. Any language the plan already holds is offered too."""


# --- words ----------------------------------------------------------------------------------------


def label(words: Words, table: str, key: str) -> str:
    """One of the plan's choices (`relationship.godparent`) as the reader says it."""
    text = translate(f"{table}.{key}", words.catalogue_language, domain="labels")
    return pseudo(text) if words.language == PSEUDO else text


def labelled(words: Words, table: str, values: Iterable[str]) -> list[tuple[str, str]]:
    return [(str(value), label(words, table, str(value))) for value in values]


def answer_choices(words: Words, unset: str = "answer.not_recorded") -> list[tuple[str, str]]:
    """For a yes/no question a family may leave unanswered: "" (None), "yes", "no"."""
    return [("", words(unset)), ("yes", words("answer.yes")), ("no", words("answer.no"))]


def as_answer(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def from_answer(choice: str | None) -> bool | None:
    return None if not choice else choice == "yes"


def why_label(parent: QWidget | None = None) -> QLabel:
    """A quiet explanatory line, as the fields' own why-lines look."""
    note = QLabel(parent)
    note.setWordWrap(True)
    note.setObjectName("why")
    return note


def row(layout: QBoxLayout, *widgets: QWidget) -> QHBoxLayout:
    """Short fields side by side, top-aligned so a why-line under one does not push the other."""
    line = QHBoxLayout()
    line.setSpacing(12)
    for widget in widgets:
        line.addWidget(widget, 1, Qt.AlignmentFlag.AlignTop)
    layout.addLayout(line)
    return line


def full_name_or(words: Words, person: Any, unnamed: str) -> str:
    name: str = person.full_name
    return name or words(unnamed)


# --- the selected entry ---------------------------------------------------------------------------


class Entry:
    """The fields of the selected entry of one plan list (`emergency_contacts` → index 2)."""

    def __init__(self, page: EntriesPage, prefix: str) -> None:
        self.page = page
        self.prefix = prefix
        self.index = -1
        self.fields: dict[str, Field] = {}
        self.live: dict[str, Callable[[], str]] = {}
        self.aliases: dict[str, str] = {}
        """Problems at `<prefix>[i].<alias>` show beside the field registered as the value."""
        self._pattern = re.compile(rf"^{re.escape(prefix)}\[(\d+)\]")

    def add(self, key: str, editor: QWidget, where: Callable[[], str] | None = None) -> Field:
        """A field for `<prefix>[i].<key>`; `where` gives the suffix when it depends on the form
        (the second phone is `phones[0]` while the first is empty)."""
        field = Field(editor)
        self.fields[key] = field
        if where is not None:
            self.live[key] = where
        signal = getattr(editor, "edited", None)
        if signal is not None:
            signal.connect(lambda: self.page.touched.update(self._paths_of(key)))
            signal.connect(self.page.edited)
        return field

    def path(self, key: str) -> str:
        suffix = self.live[key]() if key in self.live else key
        return f"{self.prefix}[{self.index}].{suffix}"

    def _paths_of(self, key: str) -> list[str]:
        extra = [f"{self.prefix}[{self.index}].{a}" for a, k in self.aliases.items() if k == key]
        return [self.path(key), *extra]

    def registered(self) -> dict[str, Field]:
        if self.index < 0:
            return {}
        found = {self.path(key): field for key, field in self.fields.items()}
        for alias, key in self.aliases.items():
            found.setdefault(f"{self.prefix}[{self.index}].{alias}", self.fields[key])
        return found

    def index_in(self, path: str) -> int | None:
        """Which entry a plan path belongs to, or None if it is not in this list."""
        match = self._pattern.match(path)
        return int(match.group(1)) if match else None


class EntriesPage(SectionPage):
    """A page whose forms edit selected entries of plan lists. It keeps the problems it last showed,
    so selecting another entry shows that entry's problems without checking the plan again."""

    def build(self) -> None:
        self.entries: list[Entry] = []
        self.lists: list[EntryList] = []
        self.plan: Plan | None = None
        self.shown_problems: list[Problem] = []
        self.build_page()

    def build_page(self) -> None:
        """Create the page's fields, entries and lists."""

    def new_entry(self, prefix: str) -> Entry:
        entry = Entry(self, prefix)
        self.entries.append(entry)
        return entry

    def register(self) -> None:
        """Every field answers to the selected entries' paths."""
        fixed = {
            path: field
            for path, field in self.fields.items()
            if all(entry.index_in(path) is None for entry in self.entries)
        }
        for entry in self.entries:
            fixed.update(entry.registered())
        self.fields = fixed

    def field_path(self, path: str) -> str | None:
        """A problem of an entry not in the form shows nowhere but as a mark in its list."""
        for entry in self.entries:
            index = entry.index_in(path)
            if index is not None and index != entry.index:
                return None
        return super().field_path(path)

    def show_problems(self, problems: list[Problem]) -> None:
        self.shown_problems = list(problems)
        self.register()
        super().show_problems(problems)
        for entries in self.lists:
            entries.relabel()

    def reshow(self) -> None:
        self.show_problems(self.shown_problems)

    def flagged(self, entry: Entry) -> set[int]:
        """Entries with an error the family should see now: beside a field they left, or any once
        they moved on from the page."""
        return {
            index
            for problem in self.shown_problems
            if problem.severity is Severity.ERROR
            and (index := entry.index_in(problem.path)) is not None
            and (
                self.reveal_all
                or problem.path in self.touched
                or self.field_path(problem.path) in self.touched
            )
        }

    def remap_touched(self, entry: Entry, moved: dict[int, int | None]) -> None:
        """Entries were removed or reordered: what the family left follows its entry."""
        kept: set[str] = set()
        for path in self.touched:
            index = entry.index_in(path)
            if index is None:
                kept.add(path)
                continue
            new = moved.get(index, index)
            if new is not None:
                kept.add(f"{entry.prefix}[{new}]{path.split(']', 1)[1]}")
        self.touched = kept

    def sync(self) -> bool:
        """Write the form into the plan before another entry takes its place; whether it changed
        anything (the edit loop has normally stored it already, as the family left the field)."""
        if self.plan is None:
            return False
        before = self.plan.model_dump()
        self.store(self.plan)
        return self.plan.model_dump() != before


class EntryList:
    """The entries of a plan list in a ListEditor, and which one the form shows.

    The page says how to reach the list in a plan, make a new entry, label one, and fill the form
    from one; removing an entry may need the page to forget references to it (`removed`)."""

    def __init__(
        self,
        page: EntriesPage,
        entry: Entry,
        detail: QWidget,
        *,
        items: Callable[[Plan], list[Any]],
        new: Callable[[], Any],
        describe: Callable[[int, Any], str],
        fill: Callable[[Any], None],
        removed: Callable[[Plan, Any], None] = lambda plan, item: None,
        first: Callable[[], QWidget] | None = None,
        empty: QWidget | None = None,
    ) -> None:
        self.page = page
        self.entry = entry
        self.detail = detail
        self.items = items
        self.new = new
        self.describe = describe
        self.fill = fill
        self.removed = removed
        self.first = first
        self.empty = empty
        """Shown instead of the form while the list is empty."""
        self.editor = ListEditor(page.words)
        self.editor.set_limit(list_limit_at(entry.prefix))
        self.editor.allow_dragging()
        self.editor.setFocusProxy(self.editor.items)
        self.editor.selected.connect(self.select)
        self.editor.add_requested.connect(self.add)
        self.editor.remove_requested.connect(self.remove)
        self.editor.move_requested.connect(self.move)
        page.lists.append(self)

    def current(self, plan: Plan) -> Any | None:
        entries = self.items(plan)
        return entries[self.entry.index] if 0 <= self.entry.index < len(entries) else None

    def load(self, plan: Plan) -> None:
        count = len(self.items(plan))
        index = min(max(self.entry.index, 0), count - 1)
        self.show(index, rebuild=True)

    def show(self, index: int, rebuild: bool = False) -> None:
        """Select entry `index` (or none) and fill the form from it."""
        self.entry.index = index
        if rebuild:
            self.rebuild()
        plan = self.page.plan
        item = self.current(plan) if plan is not None else None
        self.detail.setVisible(item is not None)
        if self.empty is not None:
            self.empty.setVisible(plan is not None and not self.items(plan))
        if item is not None:
            self.fill(item)
        self.page.register()

    def rebuild(self) -> None:
        plan = self.page.plan
        labels = [self.describe(i, item) for i, item in enumerate(self.items(plan))] if plan else []
        self.editor.set_items(labels, self.entry.index)
        self.relabel()

    def relabel(self) -> None:
        """Each entry's label again (its name may have changed), ⚠ before those with errors."""
        plan = self.page.plan
        if plan is None:
            return
        entries = self.items(plan)
        if self.editor.items.count() != len(entries):
            self.rebuild()
            return
        flagged = self.page.flagged(self.entry)
        problems = self.page.words("state.has_problems")
        for index, item in enumerate(entries):
            text = self.describe(index, item)
            shown = self.editor.items.item(index)
            marked = f"{ERROR_MARK} {text}" if index in flagged else text
            if shown.text() != marked:
                shown.setText(marked)
            spoken = f"{text}, {problems}" if index in flagged else text
            shown.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)

    def store(self, plan: Plan, write: Callable[[Any], list[Problem]]) -> list[Problem]:
        item = self.current(plan)
        return write(item) if item is not None else []

    # --- the list's buttons and drops -------------------------------------------------------------

    def select(self, index: int) -> None:
        if index == self.entry.index or self.page.plan is None:
            return
        changed = self.page.sync()
        self.show(index)
        self.page.reshow()
        if changed:
            self.page.edited.emit()

    def add(self) -> None:
        plan = self.page.plan
        if plan is None:
            return
        self.page.sync()
        entries = self.items(plan)
        entries.append(self.new())
        self.page.remap_touched(self.entry, {len(entries) - 1: None})
        self.show(len(entries) - 1, rebuild=True)
        self.page.edited.emit()
        if self.first is not None:
            self.first().setFocus(Qt.FocusReason.OtherFocusReason)

    def remove(self, index: int) -> None:
        plan = self.page.plan
        if plan is None or not 0 <= index < len(self.items(plan)):
            return
        self.page.sync()
        entries = self.items(plan)
        gone = entries.pop(index)
        moved: dict[int, int | None] = {index: None}
        moved.update({i: i - 1 for i in range(index + 1, len(entries) + 1)})
        self.page.remap_touched(self.entry, moved)
        self.removed(plan, gone)
        self.show(min(index, len(entries) - 1), rebuild=True)
        self.page.edited.emit()
        self.editor.items.setFocus(Qt.FocusReason.OtherFocusReason)

    def move(self, index: int, target: int) -> None:
        """Move up / down, or a drop: the entry at `index` now stands at `target`."""
        plan = self.page.plan
        entries = self.items(plan) if plan is not None else []
        if not (0 <= index < len(entries) and 0 <= target < len(entries)):
            self.rebuild()
            return
        self.page.sync()
        order = list(range(len(entries)))
        order.insert(target, order.pop(index))
        entries.insert(target, entries.pop(index))
        self.page.remap_touched(self.entry, {old: new for new, old in enumerate(order)})
        self.show(target, rebuild=True)
        self.page.edited.emit()


# --- parts of forms -------------------------------------------------------------------------------


class AddressBlock:
    """Street, unit, city, state or region, postal code and country of an optional address."""

    def __init__(self, words: Words, entry: Entry, layout: QBoxLayout, base: str = "address"):
        self.words = words
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.heading)
        self.street = TextField()
        self.unit = TextField()
        self.city = TextField()
        self.country = ChoiceField()
        self.region = RegionField(self.country.value)
        self.postal = TextField()
        self.fields = {
            "street": entry.add(f"{base}.street", self.street),
            "unit": entry.add(f"{base}.unit", self.unit),
            "city": entry.add(f"{base}.city", self.city),
            "state": entry.add(f"{base}.state", self.region),
            "postal_code": entry.add(f"{base}.postal_code", self.postal),
            "country": entry.add(f"{base}.country", self.country),
        }
        f = self.fields
        row(layout, f["street"], f["unit"]).setStretch(0, 3)
        row(layout, f["city"], f["state"], f["postal_code"])
        row(layout, f["country"], QWidget())
        self._keep_country = "US"

    def retranslate(self) -> None:
        w = self.words
        self.heading.setText(f"<b>{html.escape(w('address.heading'))}</b>")
        f = self.fields
        f["street"].set_texts(w("address.street"))
        f["unit"].set_texts(w("address.unit"))
        f["city"].set_texts(w("address.city"))
        f["state"].set_texts(w("address.state"))
        f["postal_code"].set_texts(w("address.postal_code"))
        f["country"].set_texts(w("address.country"))
        self.country.set_choices(
            country_choices(w.catalogue_language, self.country.value() or self._keep_country)
        )

    def load(self, address: Address | None) -> None:
        shown = address or Address()
        self.street.set_value(shown.street)
        self.unit.set_value(shown.unit)
        self.city.set_value(shown.city)
        self.region.set_value(shown.state)
        self.postal.set_value(shown.postal_code)
        self._keep_country = shown.country
        if self.country.findData(shown.country) < 0:
            self.country.set_choices(
                country_choices(self.words.catalogue_language, shown.country), shown.country
            )
        self.country.set_value(shown.country)

    def value(self, old: Address | None) -> Address | None:
        """The address the form shows; None when nothing was entered and there was none."""
        new = Address(
            street=self.street.value(),
            unit=self.unit.value(),
            city=self.city.value(),
            state=self.region.value(),
            postal_code=self.postal.value(),
            country=self.country.value() or "US",
        )
        if old is None and new == Address():
            return None
        return old if old == new else new


class LanguageList(QListWidget):
    """Languages as check boxes (Space ticks the selected one); `edited` fires on each tick."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded: list[str] = []
        self._quiet = False
        self.setMaximumHeight(130)
        self.itemChanged.connect(self._changed)

    def set_value(self, codes: list[str], offered: Iterable[str], language: str) -> None:
        self._loaded = list(codes)
        self._quiet = True
        self.clear()
        wanted = [*offered, *EXTRA_LANGUAGES, *codes]
        for code, name in language_choices(list(dict.fromkeys(wanted)), language):
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
            )
            checked = code in codes
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.addItem(item)
        self._quiet = False

    def value(self) -> list[str]:
        """The ticked languages: those the plan had first, in its order, then new ones."""
        ticked = [
            str(self.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.count())
            if self.item(i).checkState() is Qt.CheckState.Checked
        ]
        return [c for c in self._loaded if c in ticked] + [
            c for c in ticked if c not in self._loaded
        ]

    def _changed(self, _item: QListWidgetItem) -> None:
        if not self._quiet:
            self.edited.emit()
