"""One list of the plan (parents, children, schools) edited as a list beside a form for the selected
entry. The form's fields are registered under the selected entry's path (`children[2].grade`), so
validation problems land beside them; selecting another entry renames them."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from planner.model import Plan, list_limit_at
from planner.validation import Problem, Severity
from ui.list_editor import ListEditor
from ui.pages.base import SectionPage, limit_typing
from ui.pages.form import ERROR_MARK, ask_to_remove
from ui.widgets import Field


class ItemForm:
    """The entries of `plan.<prefix>` in a ListEditor, and the fields of the selected one.

    The page supplies how to read an entry into the form, write the form into an entry (returning
    problems only the form can see), label an entry, make a new one, and tidy up after a removal.
    """

    def __init__(
        self,
        page: SectionPage,
        prefix: str,
        *,
        entries: Callable[[Plan], list[Any]],
        read: Callable[[Any], None],
        write: Callable[[Any], list[Problem]],
        label: Callable[[Any], str],
        new: Callable[[], Any],
        removed: Callable[[Plan, Any], None] = lambda plan, entry: None,
    ) -> None:
        self.page = page
        self.prefix = prefix
        self.entries = entries
        self.read = read
        self.write = write
        self.label = label
        self.new = new
        self.removed = removed
        self.index = -1
        self.plan: Plan | None = None
        self.fields: dict[str, Field] = {}
        self.first: QWidget | None = None
        self.detail: QWidget | None = None
        """The form; hidden while the list is empty."""
        self.confirm_remove: Callable[[str], bool] = lambda name: ask_to_remove(
            page, page.words, name
        )
        self._selected_id: str | None = None
        self._marked: set[int] = set()
        self._entry_path = re.compile(rf"^{re.escape(prefix)}\[(\d+)\]")
        self.list = ListEditor(page.words)
        self.list.set_limit(list_limit_at(prefix))
        self.list.setFocusProxy(self.list.items)
        self.list.selected.connect(self._select)
        self.list.add_requested.connect(self._add)
        self.list.remove_requested.connect(self._remove)
        self.list.move_requested.connect(self._move)

    def retranslate(self, name: str, add: str, remove: str) -> None:
        """The list's name and its buttons' words (with their Alt letters), read aloud too."""
        self.list.retranslate()
        self.list.items.setAccessibleName(name.replace("&", ""))
        self.list.add.setText(add)
        self.list.remove.setText(remove)
        for button in (self.list.add, self.list.remove, self.list.up, self.list.down):
            button.setAccessibleName(button.text().replace("&", ""))
        self.relabel()

    # --- fields ----------------------------------------------------------------------------------

    def path(self, suffix: str) -> str:
        return f"{self.prefix}[{max(self.index, 0)}].{suffix}"

    def add(self, suffix: str, editor: QWidget, also: Sequence[str] = ()) -> Field:
        """A field for `<prefix>[i].<suffix>`; leaving it changed also counts `also` as touched
        (e.g. the "lives here" box and the address it brings in)."""
        field = Field(editor)
        limit_typing(editor, self.path(suffix))
        self.fields[suffix] = field
        self.page.fields[self.path(suffix)] = field
        for extra in also:
            self.fields.setdefault(extra, field)
            self.page.fields.setdefault(self.path(extra), field)
        signal = getattr(editor, "edited", None)
        if signal is not None:

            def touch() -> None:
                self.page.touched.update(self.path(s) for s in (suffix, *also))

            signal.connect(touch)
            signal.connect(self.page.edited)
        if self.first is None:
            self.first = editor
        return field

    def alias(self, suffix: str, field: Field) -> None:
        """Problems at `<prefix>[i].<suffix>` show beside `field` (e.g. a missing address)."""
        self.fields[suffix] = field
        self.page.fields[self.path(suffix)] = field

    def _rename(self, index: int) -> None:
        for suffix in self.fields:
            self.page.fields.pop(self.path(suffix), None)
        self.index = index
        for suffix, field in self.fields.items():
            self.page.fields[self.path(suffix)] = field

    # --- the page's load / store -----------------------------------------------------------------

    def current(self) -> Any | None:
        entries = self.entries(self.plan) if self.plan is not None else []
        return entries[self.index] if 0 <= self.index < len(entries) else None

    def load(self, plan: Plan) -> None:
        """Show the plan's entries; keep the same one selected if it is still there."""
        self.plan = plan
        entries = self.entries(plan)
        ids = [getattr(e, "id", None) for e in entries]
        index = ids.index(self._selected_id) if self._selected_id in ids else 0
        self._show(index if entries else -1)

    def store(self) -> list[Problem]:
        entry = self.current()
        if entry is None:
            return []
        problems = self.write(entry)
        self._relabel()
        return problems

    def relabel(self) -> None:
        self._relabel()

    def _show(self, index: int) -> None:
        self._rename(index)
        entry = self.current()
        self._selected_id = getattr(entry, "id", None)
        self._relabel(index)
        if self.detail is not None:
            self.detail.setVisible(entry is not None)
        # With nothing to show, the hidden form is blanked: after "Finish and erase" no widget
        # keeps the last family's answers.
        self.read(entry if entry is not None else self.new())

    def _relabel(self, index: int | None = None) -> None:
        entries = self.entries(self.plan) if self.plan is not None else []
        labels = [self._text(i, e) for i, e in enumerate(entries)]
        if index is not None or self.list.items.count() != len(labels):
            self.list.set_items(labels, self.index if index is None else index)
            self._fit_list()
            return
        for row, text in enumerate(labels):
            item = self.list.items.item(row)
            if item.text() != text:
                item.setText(text)

    def _fit_list(self) -> None:
        """As tall as its entries (3 to 6 rows), so the form below stays in view."""
        items = self.list.items
        rows = min(max(items.count(), 3), 6)
        height = items.sizeHintForRow(0) if items.count() else items.fontMetrics().height() + 4
        items.setFixedHeight(rows * max(height, 16) + 2 * items.frameWidth() + 2)

    def _text(self, index: int, entry: Any) -> str:
        text = self.label(entry)
        return f"{ERROR_MARK} {text}" if index in self._marked else text

    # --- problems --------------------------------------------------------------------------------

    def entry_of(self, problem: Problem) -> int | None:
        match = self._entry_path.match(problem.path)
        return int(match.group(1)) if match else None

    def is_elsewhere(self, problem: Problem) -> bool:
        """A problem of an entry that is not the one in the form (it marks the list instead)."""
        index = self.entry_of(problem)
        return index is not None and index != self.index

    def mark(self, visible: list[Problem]) -> None:
        """⚠ before each entry with an error the family should see."""
        self._marked = {
            index
            for p in visible
            if p.severity is Severity.ERROR and (index := self.entry_of(p)) is not None
        }
        for row in range(self.list.items.count()):
            item = self.list.items.item(row)
            entry = self.entries(self.plan)[row] if self.plan is not None else None
            item.setText(self._text(row, entry))
            words = self.page.words("item.has_problems") if row in self._marked else ""
            accessible = f"{item.text().removeprefix(ERROR_MARK).strip()}"
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                f"{accessible}, {words}" if words else accessible,
            )

    # --- the list's buttons ----------------------------------------------------------------------

    def _commit(self) -> None:
        """Keep what the form holds before another entry takes its place."""
        entry = self.current()
        if entry is None:
            return
        before = entry.model_copy(deep=True)
        self.write(before)
        if before != entry:
            self.page.edited.emit()

    def _changed(self, index: int) -> None:
        self._show(index)
        self.page.edited.emit()

    def _select(self, row: int) -> None:
        if row == self.index or self.plan is None:
            return
        self._commit()
        self._show(row)
        self.page.show_problems(getattr(self.page, "shown_problems", []))

    def _add(self) -> None:
        if self.plan is None:
            return
        self._commit()
        entries = self.entries(self.plan)
        entries.append(self.new())
        self._changed(len(entries) - 1)
        if self.first is not None:
            self.first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _remove(self, row: int) -> None:
        entries = self.entries(self.plan) if self.plan is not None else []
        if self.plan is None or not 0 <= row < len(entries):
            return
        self._commit()
        entry = entries[row]
        name = self.label(entry)
        named = getattr(entry, "given_names", None) or getattr(entry, "name", None)
        if named and not self.confirm_remove(name):
            return
        del entries[row]
        self.removed(self.plan, entry)
        self._changed(min(row, len(entries) - 1))
        self.list.items.setFocus(Qt.FocusReason.OtherFocusReason)

    def _move(self, row: int, target: int) -> None:
        if self.plan is None:
            return
        self._commit()
        entries = self.entries(self.plan)
        entries[row], entries[target] = entries[target], entries[row]
        self._changed(target)
