"""A section that edits one list of the plan: the list on top (add, remove, reorder), and below it
the form of the selected entry, whose fields carry that entry's index in their plan paths."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from planner.model import Plan, list_limit_at
from planner.validation import Problem
from ui.list_editor import ListEditor
from ui.pages.base import SectionPage
from ui.widgets import Field


class ListSectionPage(SectionPage):
    """Subclasses name the list (`list_name`), build the entry's fields with `add_item_field` in
    `build_item()`, and say how an entry is made, labelled, loaded and stored."""

    list_name: ClassVar[str]

    def build(self) -> None:
        self.plan: Plan | None = None
        self.index = -1
        self.item_fields: dict[str, Field] = {}
        self.latest_problems: list[Problem] = []
        self.list_editor = ListEditor(self.words)
        self.list_editor.set_limit(list_limit_at(self.list_name))
        self.form.addWidget(self.list_editor)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setObjectName("why")
        self.form.addWidget(self.empty)
        self.detail = QWidget()
        self.detail_layout = QVBoxLayout(self.detail)
        self.detail_layout.setContentsMargins(12, 0, 0, 0)
        self._fit_width()
        self.form.addWidget(self.detail)
        self.build_item()
        self.list_editor.selected.connect(self._select)
        self.list_editor.add_requested.connect(self.add_item)
        self.list_editor.remove_requested.connect(self._remove)
        self.list_editor.move_requested.connect(self._move)
        self._rekey()

    # --- for subclasses ---------------------------------------------------------------------------

    def build_item(self) -> None:
        """Create the selected entry's fields with `add_item_field`."""

    def items(self, plan: Plan) -> list[Any]:
        return list(getattr(plan, self.list_name))

    def new_item(self) -> Any:
        raise NotImplementedError

    def item_label(self, item: Any) -> str:
        raise NotImplementedError

    def load_item(self, item: Any) -> None:
        """Fill the entry's fields."""

    def store_item(self, item: Any) -> None:
        """Write the entry's fields into it (correctly typed: the model validates assignments)."""

    def load_rest(self, plan: Plan) -> None:
        """Fill the fields that are not part of an entry."""

    def store_rest(self, plan: Plan) -> None:
        """Write the fields that are not part of an entry."""

    # --- shared -----------------------------------------------------------------------------------

    def add_item_field(self, leaf: str, editor: QWidget) -> Field:
        """A field of the selected entry, e.g. `kind` for `documents[2].kind`."""
        field = Field(editor)
        self.item_fields[leaf] = field
        signal = getattr(editor, "edited", None)
        if signal is not None:
            signal.connect(lambda leaf=leaf: self._item_edited(leaf))
        self.detail_layout.addWidget(field)
        return field

    def item_path(self, leaf: str, index: int | None = None) -> str:
        return f"{self.list_name}[{self.index if index is None else index}].{leaf}"

    def load(self, plan: Plan) -> None:
        if plan is not self.plan:
            self.index = 0
        self.plan = plan
        entries = self.items(plan)
        if not 0 <= self.index < len(entries):
            self.index = 0 if entries else -1
        self._show_list()
        self.load_rest(plan)

    def store(self, plan: Plan) -> list[Problem]:
        entries = getattr(plan, self.list_name)
        if 0 <= self.index < len(entries):
            self.store_item(entries[self.index])
            row = self.list_editor.items.item(self.index)
            if row is not None:
                row.setText(self.item_label(entries[self.index]))
        self.store_rest(plan)
        return []

    def show_problems(self, problems: list[Problem]) -> None:
        self.latest_problems = list(problems)
        super().show_problems(problems)

    def relabel(self) -> None:
        """The list's labels again (after a language switch)."""
        if self.plan is not None:
            self.list_editor.set_items(
                [self.item_label(i) for i in self.items(self.plan)], self.index
            )

    def add_item(self, item: Any = None) -> None:
        if self.plan is None:
            return
        self._store_shown()
        entries = getattr(self.plan, self.list_name)
        entries.append(self.new_item() if item is None else item)
        self.index = len(entries) - 1
        self._show_list()
        self.edited.emit()
        first = next(iter(self.item_fields.values()), None)
        if first is not None:
            first.editor.setFocus()

    def append_items(self, new: list[Any]) -> None:
        """Several entries at once; the first of them is shown."""
        if self.plan is None or not new:
            return
        self._store_shown()
        entries = getattr(self.plan, self.list_name)
        first = len(entries)
        entries.extend(new)
        self.index = first
        self._show_list()
        self.edited.emit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_width()

    def _fit_width(self) -> None:
        """Lines short enough to read, however wide the window and however large the text."""
        self.detail.setMaximumWidth(self.fontMetrics().averageCharWidth() * 100)

    # --- the list's buttons -----------------------------------------------------------------------

    def _store_shown(self) -> None:
        if self.plan is not None:
            self.store(self.plan)

    def _select(self, row: int) -> None:
        if row == self.index or self.plan is None:
            return
        self._store_shown()
        self.index = row
        self._show_entry()

    def _remove(self, row: int) -> None:
        if self.plan is None:
            return
        entries = getattr(self.plan, self.list_name)
        if not 0 <= row < len(entries):
            return
        del entries[row]
        self._forget_touched()
        self.index = min(row, len(entries) - 1)
        self._show_list()
        self.edited.emit()
        self.list_editor.items.setFocus()

    def _move(self, row: int, target: int) -> None:
        if self.plan is None:
            return
        self._store_shown()
        entries = getattr(self.plan, self.list_name)
        entries[row], entries[target] = entries[target], entries[row]
        self._forget_touched()
        self.index = target
        self._show_list()
        self.edited.emit()

    # --- showing ----------------------------------------------------------------------------------

    def _show_list(self) -> None:
        assert self.plan is not None
        entries = self.items(self.plan)
        self.list_editor.set_items([self.item_label(i) for i in entries], self.index)
        self._show_entry()

    def _show_entry(self) -> None:
        entries = self.items(self.plan) if self.plan is not None else []
        shown = 0 <= self.index < len(entries)
        self.detail.setVisible(shown)
        self.empty.setVisible(not shown)
        self._rekey()
        if shown:
            self.load_item(entries[self.index])
        for field in self.item_fields.values():
            field.set_problem("")
        self.show_problems(self.latest_problems)

    def _rekey(self) -> None:
        """The fields answer to the shown entry's paths, so its problems land beside them."""
        prefix = f"{self.list_name}["
        self.fields = {k: f for k, f in self.fields.items() if not k.startswith(prefix)}
        if self.index >= 0:
            for leaf, field in self.item_fields.items():
                self.fields[self.item_path(leaf)] = field

    def _item_edited(self, leaf: str) -> None:
        if self.index >= 0:
            self.touched.add(self.item_path(leaf))
            self.edited.emit()

    def _forget_touched(self) -> None:
        """Entries moved: what was left in which entry no longer matches the indexes."""
        prefix = f"{self.list_name}["
        self.touched = {path for path in self.touched if not path.startswith(prefix)}
