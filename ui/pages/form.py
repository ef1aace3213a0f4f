"""The one way a section page is built from the declarations of `ui.answers` (docs/DESIGN.md,
`pages/form.py`): a page says *what* it asks, and this module says once *how* every page asks it."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any, ClassVar

from pydantic import BaseModel
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from planner.model import Address, Plan, list_limit_at
from planner.places import US_STATES
from planner.validation import Problem, Severity
from ui.answers import (
    Answer,
    Box,
    Editor,
    Items,
    Note,
    Part,
    Phones,
    Postal,
    Reading,
    Row,
    merged_phones,
    prune,
    put_at,
    shown_at,
    value_at,
)
from ui.check_list import CheckList
from ui.i18n import PSEUDO, Words, pseudo
from ui.list_editor import ListEditor
from ui.pages.base import SectionPage
from ui.pages.choices import country_choices
from ui.pages.medications import MedicationTable
from ui.pages.parts import label_check, label_date, read_date, row, why_label
from ui.widgets import (
    ANumberField,
    ChoiceField,
    DateField,
    Field,
    NotesField,
    PhoneField,
    TextField,
    YesNoField,
)

ERROR_MARK = "⚠"
EMPTY: dict[Editor, Any] = {
    Editor.TEXT: "", Editor.NOTES: "", Editor.PHONE: "", Editor.A_NUMBER: "",
    Editor.CHECK: False, Editor.TICKS: [], Editor.LINES: [], Editor.MEDICATIONS: [],
}  # fmt: skip
"""What an editor shows for an answer the plan has no value for."""


def reading_for(plan: Plan, words: Words) -> Reading:
    """How the pages and Review read the plan in the interface's current language."""
    own = pseudo if words.language == PSEUDO else (lambda text: text)
    return Reading(plan, words, words.catalogue_language, own)


PLAIN_EDITORS: dict[Editor, Callable[[], QWidget]] = {
    Editor.PHONE: PhoneField,
    Editor.A_NUMBER: ANumberField,
    Editor.DATE: DateField,
    Editor.CHOICE: ChoiceField,
    Editor.CHECK: YesNoField,
    Editor.TICKS: partial(CheckList, wrap=True),
}


def _editor(answer: Answer, words: Words) -> QWidget:
    kind = answer.editor
    if kind is Editor.MEDICATIONS:
        return MedicationTable(words)
    if kind in (Editor.NOTES, Editor.LINES):
        notes = NotesField()
        notes.setMaximumHeight(90)
        return notes
    return PLAIN_EDITORS.get(kind, TextField)()


class AnswerField:
    """One declared answer on screen: its `Field` (label, why-line, editor, problem line)."""

    def __init__(self, answer: Answer, words: Words) -> None:
        self.answer = answer
        self.words = words
        self.editor = _editor(answer, words)
        self.field = Field(self.editor)
        self._shown: list[str] = []
        """The ticks as loaded: ticked ones keep the plan's order, new ones follow."""

    def show(self, value: Any, reading: Reading, owner_id: str) -> None:
        editor, kind, choices = self.editor, self.answer.editor, self.answer.choices
        value = EMPTY.get(kind) if value is None else value
        if isinstance(editor, DateField):
            read_date(editor, value, owner_id)
        elif isinstance(editor, ChoiceField) and choices is not None:
            shown = choices.shown(value)
            editor.set_choices(choices.options(reading, [shown]), shown)
        elif isinstance(editor, CheckList) and choices is not None:
            self._shown = list(value)
            editor.set_choices(choices.options(reading, self._shown), self._shown)
        elif kind is Editor.LINES:
            editor.set_value("\n".join(value))  # type: ignore[attr-defined]
        else:
            editor.set_value(value)  # type: ignore[attr-defined]

    def value(self) -> Any:
        """What the editor holds, as the plan stores it."""
        editor, kind, choices = self.editor, self.answer.editor, self.answer.choices
        if isinstance(editor, ChoiceField) and choices is not None:
            return choices.stored(editor.value() or "")
        if isinstance(editor, CheckList):
            ticked = editor.values()
            return list(dict.fromkeys([c for c in self._shown if c in ticked] + ticked))
        if kind is Editor.LINES:
            text: str = editor.value()  # type: ignore[attr-defined]
            return [line.strip() for line in text.splitlines() if line.strip()]
        return editor.value()  # type: ignore[attr-defined]

    def is_valid(self) -> bool:
        return not isinstance(self.editor, DateField) or self.editor.is_valid()

    def retranslate(self, reading: Reading | None) -> None:
        answer, words = self.answer, self.words
        label, why = words(answer.label), words(answer.why) if answer.why else ""
        if isinstance(self.editor, YesNoField):
            label_check(self.field, label, why)
        elif isinstance(self.editor, DateField):
            label_date(self.field, words, label, why)
        else:
            self.field.set_texts(label, why)
        if isinstance(self.editor, MedicationTable):
            self.editor.retranslate()
        if reading is not None:
            self.refresh(reading)

    def refresh(self, reading: Reading) -> None:
        """The choices again, where they changed (a school renamed, another language), keeping
        what is chosen."""
        choices, editor = self.answer.choices, self.editor
        if choices is not None and isinstance(editor, ChoiceField):
            current = editor.value() or ""
            options = choices.options(reading, [current])
            if options != [(editor.itemData(i), editor.itemText(i)) for i in range(editor.count())]:
                editor.set_choices(options, current)
        elif choices is not None and isinstance(editor, CheckList):
            ticked = editor.values()
            options = choices.options(reading, ticked)
            if options != [(v, editor.item(i).text()) for i, v in enumerate(editor.choices())]:
                editor.set_choices(options, ticked)


class RegionField(TextField):
    """A state or region; in the US a state's name or code (`Texas`, `tx`) becomes its two-letter
    code as the family leaves the field, the way the plan stores it."""

    def __init__(self, country: Callable[[], str | None], parent: QWidget | None = None) -> None:
        self.country = country
        super().__init__(parent)

    def _finish(self) -> None:
        typed = self.text().strip()
        by_name = {name.casefold(): code for code, name in US_STATES.items()}
        code = typed.upper() if typed.upper() in US_STATES else by_name.get(typed.casefold())
        if self.country() in (None, "US") and code is not None and code != self.text():
            self.setText(code)
        super()._finish()


ADDRESS_PARTS = ("street", "unit", "city", "state", "postal_code", "country")


class AddressEditor:
    """The one address editor of every page: street, unit, city, region, postal code, country."""

    def __init__(self, postal: Postal, words: Words, layout: QBoxLayout) -> None:
        self.postal = postal
        self.words = words
        self.heading = QLabel(textFormat=Qt.TextFormat.RichText)
        layout.addWidget(self.heading)
        self.country = ChoiceField()
        self.editors: dict[str, QWidget] = {
            "street": TextField(),
            "unit": TextField(),
            "city": TextField(),
            "state": RegionField(self.country.value),
            "postal_code": TextField(),
            "country": self.country,
        }
        self.fields = {part: Field(editor) for part, editor in self.editors.items()}
        for parts in (("street",), ("unit", "city"), ("state", "postal_code", "country")):
            line = row(layout)
            for part in parts:
                line.addWidget(self.fields[part], 2 if part == "city" else 1)
        self._home_state = ""
        self._kept_country = "US"

    def retranslate(self) -> None:
        w = self.words
        self.heading.setText(f"<b>{html.escape(w(self.postal.label))}</b>")
        for part, field in self.fields.items():
            field.set_texts(w(f"address.{part}"))
        keep = self.country.value() or self._kept_country
        self.country.set_choices(country_choices(w.catalogue_language, keep), keep)

    def show(self, address: Address | None, home_state: str) -> None:
        """`home_state`: the household's, shown in an empty address where `local` says so."""
        self._home_state = home_state if self.postal.local else ""
        shown = address or Address()
        if not shown.state and self._home_state and shown.country == "US":
            shown = shown.model_copy(update={"state": self._home_state})
        for part in ADDRESS_PARTS[:-1]:
            self.editors[part].set_value(getattr(shown, part))  # type: ignore[attr-defined]
        self._kept_country = shown.country
        choices = country_choices(self.words.catalogue_language, shown.country)
        self.country.set_choices(choices, shown.country)

    def value(self, old: Address | None) -> Address | None:
        """The address shown; None when nothing was typed (the household's state shown as a
        start in an empty one is not an answer)."""
        typed = {p: self.editors[p].value() or "" for p in ADDRESS_PARTS}  # type: ignore[attr-defined]
        new = Address(**{**typed, "country": typed["country"] or "US"})
        if old is None and new in (Address(), Address(state=self._home_state)):
            return None
        return old if old == new else new


class Form:
    """The declared parts of one owner, built into a layout. Each field answers to its plan path
    below `base()` (`children[2]`), so the page can show problems beside it."""

    def __init__(self, page: DeclaredPage, base: Callable[[], str]) -> None:
        self.page = page
        self.base = base
        self.answers: dict[str, AnswerField] = {}
        self.addresses: dict[str, AddressEditor] = {}
        self.phones: dict[str, tuple[Phones, PhoneField, PhoneField]] = {}
        self.notes: list[tuple[QLabel, str]] = []
        self.boxes: list[tuple[QGroupBox, str]] = []
        self.first: QWidget | None = None

    def path(self, relative: str) -> str:
        base = self.base()
        return f"{base}.{relative}" if base else relative

    def build(self, parts: Sequence[Part | Box], layout: QBoxLayout) -> None:
        for part in parts:
            if isinstance(part, Box):
                box = QGroupBox()
                self.boxes.append((box, part.title))
                self.build(part.parts, QVBoxLayout(box))
                layout.addWidget(box)
            elif isinstance(part, Row):
                line = row(layout)
                for answer in part.answers:
                    line.addWidget(self._add(answer).field, answer.width)
                if len(part.answers) == 1:
                    line.addStretch(1)
            elif isinstance(part, Answer):
                layout.addWidget(self._add(part).field)
            elif isinstance(part, Postal):
                address = AddressEditor(part, self.page.words, layout)
                self.addresses[part.path] = address
                for name, widget in address.editors.items():
                    self.page.listen(widget, partial(self.path, f"{part.path}.{name}"))
            elif isinstance(part, Phones):
                first, second = PhoneField(), PhoneField()
                self.phones[part.path] = (part, first, second)
                line = row(layout)
                for slot, editor in enumerate((first, second)):
                    line.addWidget(Field(editor), 1)
                    self.page.listen(editor, partial(self.path, f"{part.path}[{slot}].number"))
                if self.first is None:
                    self.first = first
            elif isinstance(part, Note):
                self.notes.append((why_label(layout), part.key))
            self.page.build_extra(part, layout)

    def _add(self, answer: Answer) -> AnswerField:
        shown = AnswerField(answer, self.page.words)
        self.answers[answer.path] = shown
        self.page.listen(shown.editor, partial(self.path, answer.path))
        if self.first is None:
            self.first = shown.editor
        return shown

    def fields(self) -> dict[str, Field]:
        """Each field under its plan path now (the entry shown decides the index)."""
        found = {self.path(p): shown.field for p, shown in self.answers.items()}
        for base, editor in self.addresses.items():
            found.update({self.path(f"{base}.{p}"): f for p, f in editor.fields.items()})
            found.setdefault(self.path(base), editor.fields["street"])
        for base, (_, first, second) in self.phones.items():
            for slot, phone in enumerate((first, second)):
                found[self.path(f"{base}[{slot}].number")] = _field_of(phone)
            found.setdefault(self.path(base), _field_of(first))
        return found

    def show(self, owner: BaseModel, reading: Reading, owner_id: str) -> None:
        for relative, shown in self.answers.items():
            shown.show(shown_at(owner, relative), reading, owner_id)
        for relative, editor in self.addresses.items():
            editor.show(value_at(owner, relative), reading.plan.household.state)
        for relative, (_, first, second) in self.phones.items():
            numbers = [p.number for p in value_at(owner, relative)[:2]] + ["", ""]
            first.set_value(numbers[0])
            second.set_value(numbers[1])

    def store(self, owner: BaseModel) -> list[Problem]:
        """The fields into `owner`; a date that is not a date stays out, as a problem."""
        problems: list[Problem] = []
        for relative, shown in self.answers.items():
            if not shown.is_valid():
                problems.append(Problem(self.path(relative), "date.invalid"))
                continue
            put_at(owner, relative, shown.value())
        for relative, editor in self.addresses.items():
            put_at(owner, relative, editor.value(value_at(owner, relative)))
        for relative, (_, first, second) in self.phones.items():
            phones = merged_phones(value_at(owner, relative), (first.value(), second.value()))
            put_at(owner, relative, phones)
            # As the plan now holds them (an emptied first lets the second move up), so the
            # next store keeps each number's kind and note.
            numbers = [p.number for p in phones[:2]] + ["", ""]
            for phone, number in zip((first, second), numbers, strict=False):
                if phone.value() != number:
                    phone.set_value(number)
        # The parts answers live in (`employer` of `employer.name`), deepest first.
        parents = {p.rsplit(".", 1)[0] for p in self.answers if "." in p}
        for relative in sorted(parents, key=lambda p: -p.count(".")):
            prune(owner, relative)
        return problems

    def refresh(self, reading: Reading) -> None:
        for shown in self.answers.values():
            shown.refresh(reading)

    def retranslate(self, reading: Reading | None) -> None:
        words = self.page.words
        for box, title in self.boxes:
            box.setTitle(words(title))
        for label, key in self.notes:
            label.setText(words(key))
        for shown in self.answers.values():
            shown.retranslate(reading)
        for editor in self.addresses.values():
            editor.retranslate()
        for phones, first, second in self.phones.values():
            _field_of(first).set_texts(words(phones.first))
            _field_of(second).set_texts(words(phones.second))


def _field_of(editor: QWidget) -> Field:
    """The `Field` an editor stands in."""
    field = editor.parentWidget()
    assert isinstance(field, Field)
    return field


def ask_to_remove(parent: QWidget, words: Words, name: str) -> bool:
    """Whether the family really wants to remove an entry and everything typed about it."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(words("item.remove_title"))
    box.setText(words("item.remove_question", name=name))
    yes = box.addButton(words("item.remove_yes"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(words("item.remove_no"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)  # Enter keeps; removing takes a deliberate choice
    box.exec()
    return box.clickedButton() is yes


class ListForm:
    """One declared list: its ListEditor, a heading naming the selected entry, and its form."""

    def __init__(self, page: DeclaredPage, items: Items, layout: QBoxLayout) -> None:
        self.page = page
        self.items = items
        self.index = -1
        self._selected_id: str | None = None
        self._marked: set[int] = set()
        self._pattern = re.compile(rf"^{re.escape(items.path)}\[(\d+)\]")
        self.confirm_remove: Callable[[str], bool] = partial(ask_to_remove, page, page.words)
        self.editor = ListEditor(page.words)
        self.editor.set_limit(list_limit_at(items.path))
        self.editor.allow_dragging()
        self.list_field = Field(self.editor)
        self.box: QGroupBox | None = None
        if items.title:
            self.box = QGroupBox()
            layout.addWidget(self.box)
            layout = QVBoxLayout(self.box)
        layout.addWidget(self.list_field)
        self.empty = why_label(layout)
        if items.fixed:
            for button in (self.editor.add, self.editor.remove, self.editor.up, self.editor.down):
                button.hide()
            self.editor.items.setDragDropMode(self.editor.items.DragDropMode.NoDragDrop)
        self.detail = QWidget()
        self._detail_layout = QVBoxLayout(self.detail)
        self._detail_layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(wordWrap=True)
        self.heading.setObjectName("itemHeading")
        self._detail_layout.addWidget(self.heading)
        self.form = Form(page, lambda: f"{items.path}[{max(self.index, 0)}]")
        layout.addWidget(self.detail)
        self.editor.selected.connect(self.select)
        self.editor.add_requested.connect(self.add)
        self.editor.remove_requested.connect(self.remove)
        self.editor.move_requested.connect(self.move)

    def build_steps(self) -> Iterator[None]:
        """The selected entry's form, a part (a box) a step."""
        for part in self.items.parts:
            self.form.build([part], self._detail_layout)
            yield

    def entries(self) -> list[Any]:
        plan = self.page.plan
        return value_at(plan, self.items.path) if plan is not None else []

    def current(self) -> Any | None:
        entries = self.entries()
        return entries[self.index] if 0 <= self.index < len(entries) else None

    def name(self, entry: Any) -> str:
        return self.items.heading(entry, self.page.reading())

    def load(self) -> None:
        """Show the plan's entries; the same one stays selected if it is still there."""
        entries = self.entries()
        ids = [getattr(e, "id", None) for e in entries]
        index = ids.index(self._selected_id) if self._selected_id in ids else 0
        self.show(index if entries else -1)

    def show(self, index: int) -> None:
        self.index = index
        entry = self.current()
        self._selected_id = getattr(entry, "id", None)
        self.detail.setVisible(entry is not None)
        self.empty.setVisible(entry is None and bool(self.items.empty))
        self.relabel(rebuild=True)
        # With nothing to show, the hidden form is blanked: after "Finish and erase" no widget
        # keeps the last family's answers.
        shown = entry if entry is not None else self.items.new()
        if self.page.plan is not None:
            self.form.show(shown, self.page.reading(), self._selected_id or "")
            self.page.load_extra(self.items, shown)
        self.page.register()

    def relabel(self, rebuild: bool = False) -> None:
        """Each entry's name again (it may have changed), ⚠ before those with errors."""
        names = [self.name(e) for e in self.entries()]
        if rebuild or self.editor.items.count() != len(names):
            self.editor.set_items(names, self.index)
            self._fit()
        problems = self.page.words("item.has_problems")
        for row_number, name in enumerate(names):
            item = self.editor.items.item(row_number)
            marked = row_number in self._marked
            text = f"{ERROR_MARK} {name}" if marked else name
            if item.text() != text:
                item.setText(text)
            spoken = f"{name}, {problems}" if marked else name
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
        current = self.current()
        self.heading.setText(self.name(current) if current is not None else "")

    def _fit(self) -> None:
        """As tall as its entries (3 to 6 rows), so the form below stays in view."""
        items = self.editor.items
        rows = min(max(items.count(), 3), 6)
        height = items.sizeHintForRow(0) if items.count() else items.fontMetrics().height() + 4
        items.setFixedHeight(rows * max(height, 16) + 2 * items.frameWidth() + 2)

    def retranslate(self) -> None:
        w, key = self.page.words, self.items.words
        if self.box is not None:
            self.box.setTitle(w(self.items.title))
        self.list_field.set_texts(w(key), w(f"{key}_why"))
        self.empty.setText(w(self.items.empty) if self.items.empty else "")
        self.editor.retranslate()
        self.editor.items.setAccessibleName(w(key).replace("&", ""))
        if not self.items.fixed:
            self.editor.add.setText(w(f"{key}_add"))
            self.editor.remove.setText(w(f"{key}_remove"))
        for button in (self.editor.add, self.editor.remove, self.editor.up, self.editor.down):
            button.setAccessibleName(button.text().replace("&", ""))
        self.form.retranslate(self.page.reading() if self.page.plan is not None else None)
        self.relabel()

    def entry_of(self, path: str) -> int | None:
        match = self._pattern.match(path)
        return int(match.group(1)) if match else None

    def mark(self, visible: list[Problem]) -> None:
        errors = [p.path for p in visible if p.severity is Severity.ERROR]
        self._marked = {index for index in map(self.entry_of, errors) if index is not None}
        self.relabel()

    def _commit(self) -> None:
        """Keep what the form holds before another entry takes its place."""
        entry = self.current()
        if entry is None:
            return
        before = entry.model_copy(deep=True)
        self.form.store(entry)
        if entry != before:
            self.page.edited.emit()

    def _remap_touched(self, moved: dict[int, int | None]) -> None:
        """Entries were added, removed or reordered: what the family left follows its entry."""
        kept: set[str] = set()
        for path in self.page.touched:
            index = self.entry_of(path)
            if index is None:
                kept.add(path)
            elif (new := moved.get(index, index)) is not None:
                kept.add(f"{self.items.path}[{new}]{path.split(']', 1)[1]}")
        self.page.touched = kept

    def select(self, row_number: int) -> None:
        if row_number == self.index or self.page.plan is None:
            return
        self._commit()
        self.show(row_number)
        self.page.show_problems(self.page.shown_problems)

    def add(self) -> None:
        if self.page.plan is None:
            return
        self._commit()
        entries = self.entries()
        entries.append(self.items.new())
        self._remap_touched({len(entries) - 1: None})
        self.show(len(entries) - 1)
        self.page.edited.emit()
        if self.form.first is not None:
            self.form.first.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove(self, row_number: int) -> None:
        plan, entries = self.page.plan, self.entries()
        if plan is None or not 0 <= row_number < len(entries):
            return
        self._commit()
        entry = entries[row_number]
        named = getattr(entry, "full_name", None) or getattr(entry, "name", None)
        if named and not self.confirm_remove(self.name(entry)):
            return
        del entries[row_number]
        shifted = {i: i - 1 for i in range(row_number + 1, len(entries) + 1)}
        self._remap_touched({row_number: None, **shifted})
        self.items.removed(plan, entry)
        for other in self.page.lists:  # another list's form may show what pointed to the entry
            if other is not self and other.current() is not None:
                other.show(other.index)
        self.show(min(row_number, len(entries) - 1))
        self.page.edited.emit()
        self.editor.items.setFocus(Qt.FocusReason.OtherFocusReason)

    def move(self, row_number: int, target: int) -> None:
        """Up / down, or a drop: the entry at `row_number` now stands at `target`."""
        entries = self.entries()
        if not (0 <= row_number < len(entries) and 0 <= target < len(entries)):
            self.relabel(rebuild=True)
            return
        self._commit()
        order = list(range(len(entries)))
        order.insert(target, order.pop(row_number))
        entries.insert(target, entries.pop(row_number))
        self._remap_touched({old: new for new, old in enumerate(order)})
        self.show(target)
        self.page.edited.emit()


class DeclaredPage(SectionPage):
    """A section built from `declared`: boxes of the plan's own answers and lists of entries, and
    with the hooks below, what no declaration says (a button to another section)."""

    declared: ClassVar[tuple[Items | Box | Part, ...]]

    def build_steps(self) -> Iterator[None]:
        """The declared parts, a step each (a list's form a box a step), then the page's `build`."""
        self.plan: Plan | None = None
        self.shown_problems: list[Problem] = []
        self.top = Form(self, lambda: "")
        self.lists: list[ListForm] = []
        self.build_first()
        for part in self.declared:
            if isinstance(part, Items):
                found = ListForm(self, part, self.form)
                self.lists.append(found)
                yield from found.build_steps()
            else:
                self.top.build([part], self.form)
                yield
        self.build()

    def build_first(self) -> None:
        """What stands above the declared parts."""

    def build_extra(self, part: Part | Box, layout: QBoxLayout) -> None:
        """Add what follows `part` that no declaration says."""

    def load_extra(self, items: Items | None, entry: Any) -> None:
        """Fill what `build_extra` added, for the entry shown (None: the page's own answers)."""

    def reading(self) -> Reading:
        assert self.plan is not None
        return reading_for(self.plan, self.words)

    def list_of(self, path: str) -> ListForm:
        return next(found for found in self.lists if found.items.path == path)

    def editor(self, path: str) -> QWidget:
        """The editor showing the value at a plan path (`children[0].grade`) now."""
        return self.fields[path].editor

    def register(self) -> None:
        """Every field answers to the paths of what it shows now."""
        self.fields = {**self.own_fields, **self.top.fields()}
        for found in self.lists:
            self.fields[found.items.path] = found.list_field
            if found.index >= 0:
                self.fields.update(found.form.fields())

    def load(self, plan: Plan) -> None:
        self.plan = plan
        self.top.show(plan, self.reading(), "plan")
        self.load_extra(None, plan)
        for found in self.lists:
            found.load()
        self.register()

    def store(self, plan: Plan) -> list[Problem]:
        problems = self.top.store(plan)
        for found in self.lists:
            if (entry := found.current()) is not None:
                problems += found.form.store(entry)
                found.relabel()
        reading = self.reading()
        for form in [self.top, *(found.form for found in self.lists)]:
            form.refresh(reading)
        return problems

    def retranslate(self) -> None:
        self.set_heading()
        self.top.retranslate(self.reading() if self.plan is not None else None)
        for found in self.lists:
            found.retranslate()

    def field_path(self, path: str) -> str | None:
        """A problem of an entry not in the form shows nowhere but as a mark in its list."""
        if any(found.entry_of(path) not in (None, found.index) for found in self.lists):
            return None
        return super().field_path(path)

    def show_problems(self, problems: list[Problem]) -> None:
        self.shown_problems = problems
        super().show_problems(problems)
        for found in self.lists:
            found.mark(self.visible(problems))
