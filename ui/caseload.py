"""The navigator's home once the saved plans are open: every household in a table, found as the
navigator types, sorted by any column, narrowed by filters, and opened, started, copied,
deleted, exported, imported or taken back to an earlier version, by button or key (Enter opens,
Delete deletes, Alt letters for the rest). It only asks (signals); the controller
does the work on the vault thread. A workshop never sees it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.caseload import FILTERS, Filter, in_state
from planner.reminders import Reminder, ReminderKind, due
from planner.vault_records import HouseholdSummary
from ui.caseload_model import CaseloadModel, Column, day_words
from ui.i18n import Words
from ui.widgets import plain

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
ID_ROLE = Qt.ItemDataRole.UserRole


class HouseholdTable(QTableView):
    """The table; Enter opens the selected household and Delete asks to delete it."""

    open_pressed = Signal()
    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in _ENTER:
            self.open_pressed.emit()
        elif event.key() == Qt.Key.Key_Delete:
            self.delete_pressed.emit()
        else:
            super().keyPressEvent(event)


class DueThisWeek(QListWidget):
    """The strip above the table: each review and caregiver paper due within a week (late ones
    too), soonest first, in words; Enter or a double click opens that household."""

    open_requested = Signal(str)

    def __init__(self, words: Words) -> None:
        super().__init__()
        self.words = words
        self.setMaximumHeight(96)
        self.itemDoubleClicked.connect(self._double_clicked)

    def _double_clicked(self, item: QListWidgetItem) -> None:
        if item.data(ID_ROLE):
            self.open_requested.emit(item.data(ID_ROLE))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter opens the household of the line chosen (and goes no further: the view's own
        Enter would open the table's)."""
        item = self.currentItem()
        if event.key() not in _ENTER:
            super().keyPressEvent(event)
        elif item is not None and item.data(ID_ROLE):
            self.open_requested.emit(item.data(ID_ROLE))

    def show_due(self, summaries: list[HouseholdSummary], today: date) -> int:
        """Fill the strip; how many things are due."""
        self.clear()
        by_id = {s.household_id: s for s in summaries}
        reminders = due(summaries, today)
        for reminder in reminders:
            item = QListWidgetItem(self.sentence(reminder, by_id[reminder.household_id], today))
            item.setData(ID_ROLE, reminder.household_id)
            self.addItem(item)
        if not reminders:
            self.addItem(self.words("caseload.due.nothing"))
        return len(reminders)

    def sentence(self, reminder: Reminder, summary: HouseholdSummary, today: date) -> str:
        w = self.words
        when = day_words(w.catalogue_language, reminder.day, today)
        late = "late" if reminder.day < today else "by"
        when = w(f"caseload.due.{late}", date=when)
        name = summary.display_name or w("vault.list.unnamed")
        if reminder.kind is ReminderKind.REVIEW:
            return w("caseload.due.review", name=name, when=when)
        index = reminder.child or 0
        child = summary.children[index] if index < len(summary.children) else str(index + 1)
        return w("caseload.due.paper", name=name, child=child, when=when)


class CaseloadView(QWidget):
    """Search, filters, the households' table and what can be done with the selected one."""

    open_requested = Signal(str)
    new_requested = Signal()
    duplicate_requested = Signal(str)
    delete_requested = Signal(str)
    export_requested = Signal(str)
    import_requested = Signal()
    history_requested = Signal(str)
    detained_requested = Signal(str)
    """"A parent was detained": the household's checklist (`ui.detained_mode`)."""
    reminders_requested = Signal()
    """"Export reminders": review and renew-by dates as a calendar file."""

    def __init__(self, words: Words, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = words
        self.model = CaseloadModel(words)
        self._waiting: list[HouseholdSummary] | None = None
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.due_label = QLabel()
        self.due = DueThisWeek(words)
        self.due_label.setBuddy(self.due)
        self.due.open_requested.connect(self.open_requested)
        self._build_search()
        self._build_table()
        self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.due_label)
        layout.addWidget(self.due)
        layout.addLayout(self.search_row)
        layout.addLayout(self.filter_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addLayout(self.button_row)
        words.language_changed.connect(lambda _: self.retranslate())
        self.retranslate()

    def _build_search(self) -> None:
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _: self._narrow())
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        self.search_row = QHBoxLayout()
        self.search_row.addWidget(self.search_label)
        self.search_row.addWidget(self.search, 1)
        self.filters: dict[str, QCheckBox] = {}
        self.filter_row = QHBoxLayout()
        for kept in FILTERS:
            box = self.filters[kept.id] = QCheckBox()
            box.toggled.connect(lambda _: self._narrow())
            self.filter_row.addWidget(box)
        self.state = QComboBox()
        self.state.activated.connect(lambda _: self._narrow())
        self.state_label = QLabel()
        self.state_label.setBuddy(self.state)
        self.filter_row.addStretch(1)
        self.filter_row.addWidget(self.state_label)
        self.filter_row.addWidget(self.state)

    def _build_table(self) -> None:
        self.table = HouseholdTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.LAST_SAVED, Qt.SortOrder.DescendingOrder)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Each column as wide as its words, measured on a few hundred rows (not 10,000); the
        # last takes what is left.
        header.setResizeContentsPrecision(200)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _: self._open())
        self.table.open_pressed.connect(self._open)
        self.table.delete_pressed.connect(self._delete)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.count = QLabel()
        self.count.setObjectName("why")
        self.model.modelReset.connect(self._after_reset)

    def _build_buttons(self) -> None:
        self.open_button, self.new_button = QPushButton(), QPushButton()
        self.duplicate_button, self.delete_button = QPushButton(), QPushButton()
        self.open_button.clicked.connect(self._open)
        self.new_button.clicked.connect(self.new_requested)
        self.duplicate_button.clicked.connect(self._duplicate)
        self.delete_button.clicked.connect(self._delete)
        self.export_button, self.import_button = QPushButton(), QPushButton()
        self.history_button, self.detained_button = QPushButton(), QPushButton()
        self.reminders_button = QPushButton()
        self.reminders_button.clicked.connect(self.reminders_requested)
        self.detained_button.clicked.connect(self._detained)
        self.export_button.clicked.connect(self._export)
        self.import_button.clicked.connect(self.import_requested)
        self.history_button.clicked.connect(self._history)
        self.button_row = QHBoxLayout()
        for button in (self.open_button, self.detained_button, self.new_button):
            self.button_row.addWidget(button)
        self.button_row.addWidget(self.duplicate_button)
        self.button_row.addStretch(1)
        for button in (
            self.reminders_button,
            self.history_button,
            self.export_button,
            self.import_button,
        ):
            self.button_row.addWidget(button)
        self.button_row.addWidget(self.delete_button)

    # --- what it shows ----------------------------------------------------------------------

    def set_households(
        self, summaries: list[HouseholdSummary], *, when_shown: bool = False
    ) -> None:
        """The vault's households (after opening, saving, deleting): search and filters stay.
        `when_shown` (an autosave's list, while the navigator is in a plan) waits until the
        view is shown: searching, sorting and the week's reminders over 10,000 households take
        tens of milliseconds, which typing should not feel. Anything else — a household gone,
        a workshop's empty list — shows at once, so the view never holds what it should not."""
        self._waiting = summaries
        if self.isVisible() or not when_shown:
            self._show_waiting()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._show_waiting()

    def _show_waiting(self) -> None:
        if self._waiting is None:
            return
        summaries, self._waiting = self._waiting, None
        chosen = self.current_id()
        self.model.set_households(summaries)
        self._show_due()
        self._fill_states()
        if chosen is not None:
            self.select(chosen)

    def _show_due(self) -> None:
        count = self.due.show_due(self.model.households, self.model.today())
        title = self.words("caseload.due.title", count=count)
        self.due_label.setText(title)
        self.due.setAccessibleName(plain(title))

    def _fill_states(self) -> None:
        chosen = self.state.currentData()
        self.state.clear()
        self.state.addItem(self.words("caseload.filter.all_states"), "")
        for code in self.model.states():
            self.state.addItem(code, code)
        self.state.setCurrentIndex(max(0, self.state.findData(chosen)))

    def chosen_filters(self) -> list[Filter]:
        kept = [f for f in FILTERS if self.filters[f.id].isChecked()]
        if state := str(self.state.currentData() or ""):
            kept.append(in_state(state))
        return kept

    def _narrow(self) -> None:
        chosen = self.current_id()
        self.model.show_only(self.search.text(), self.chosen_filters())
        if chosen is not None:
            self.select(chosen)

    def _after_reset(self) -> None:
        """The first row is chosen, so Enter opens what the search found; the count says how
        many are shown."""
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self._choose_row(0)
        shown, total = self.model.rowCount(), self.model.total
        self.count.setText(self.words("caseload.count", shown=shown, total=total))
        self._enable()

    def _enable(self) -> None:
        summary = self.current()
        readable = summary is not None and not summary.damaged
        self.open_button.setEnabled(readable)
        self.duplicate_button.setEnabled(readable)
        self.detained_button.setEnabled(readable)
        self.export_button.setEnabled(readable)
        self.delete_button.setEnabled(summary is not None)
        self.history_button.setEnabled(summary is not None)

    def _choose_row(self, row: int) -> None:
        flags = QItemSelectionModel.SelectionFlag
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)

    def select(self, household_id: str) -> None:
        row = self.model.row_of(household_id)
        if row >= 0:
            self._choose_row(row)
            self.table.scrollTo(self.model.index(row, 0))

    def current(self) -> HouseholdSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.summary(rows[0].row()) if rows else None

    def current_id(self) -> str | None:
        summary = self.current()
        return summary.household_id if summary else None

    # --- what it asks -----------------------------------------------------------------------

    def _open(self) -> None:
        summary = self.current()
        if summary is not None and not summary.damaged:
            self.open_requested.emit(summary.household_id)

    def _duplicate(self) -> None:
        summary = self.current()
        if summary is not None and not summary.damaged:
            self.duplicate_requested.emit(summary.household_id)

    def _delete(self) -> None:
        if (household_id := self.current_id()) is not None:
            self.delete_requested.emit(household_id)

    def _export(self) -> None:
        summary = self.current()
        if summary is not None and not summary.damaged:
            self.export_requested.emit(summary.household_id)

    def _detained(self) -> None:
        summary = self.current()
        if summary is not None and not summary.damaged:
            self.detained_requested.emit(summary.household_id)

    def _history(self) -> None:
        """A damaged household has its history still: an older version may be whole."""
        if (household_id := self.current_id()) is not None:
            self.history_requested.emit(household_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter in the search box opens what it found; Down goes from it to the table."""
        if event.key() in _ENTER:
            self._open()
        elif event.key() == Qt.Key.Key_Down and self.search.hasFocus():
            self.table.setFocus()
        else:
            super().keyPressEvent(event)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def retranslate(self) -> None:
        w = self.words
        self.title.setText(w("caseload.title"))
        self.search_label.setText(w("caseload.search"))
        self.search.setAccessibleName(plain(w("caseload.search")))
        self.search.setPlaceholderText(w("caseload.search_hint"))
        for kept_id, box in self.filters.items():
            box.setText(w(f"caseload.filter.{kept_id}"))
        self.state_label.setText(w("caseload.filter.state"))
        self.state.setAccessibleName(plain(w("caseload.filter.state")))
        self.table.setAccessibleName(w("caseload.title"))
        self.open_button.setText(w("caseload.open"))
        self.new_button.setText(w("caseload.new"))
        self.duplicate_button.setText(w("caseload.duplicate"))
        self.delete_button.setText(w("caseload.delete"))
        self.export_button.setText(w("caseload.export.button"))
        self.import_button.setText(w("caseload.import.button"))
        self.history_button.setText(w("caseload.history.button"))
        self.detained_button.setText(w("caseload.detained"))
        self.reminders_button.setText(w("caseload.reminders.button"))
        for button in (
            self.open_button, self.new_button, self.duplicate_button, self.delete_button,
            self.export_button, self.import_button, self.history_button,
        ):  # fmt: skip
            button.setAccessibleName(plain(button.text()))
        self.state.setItemText(0, w("caseload.filter.all_states"))
        self._show_due()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        self.model.refresh()  # the cells' words
