""" "A parent was detained": one household's plan turned into the next hour's steps.

The navigator (or the caregiver at the program) records who was taken, when and where, then
follows the checklist planner.detained builds from the plan, ticking each step; the tick's time is
the log. The screen never saves: it says `log_changed` with the new `Detention` and the window
keeps it in the vault through its worker. Papers to print and the case summary are asked for by
signal, for the window (ui.detained_mode); `case_summary_bytes` is the one way the summary's PDF
is made.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from planner.detained import Detention, Step, StepKind, checklist
from planner.jurisdictions import load_jurisdiction
from planner.messages import Message, moment_text
from planner.model import Plan
from planner.people import date_text
from planner.public_numbers import public_numbers
from ui.detained_parts import (
    MessagePart,
    Now,
    PapersPart,
    StartForm,
    StepRow,
    arrest_of,
    heading,
    message_for,
    message_languages,
)
from ui.i18n import Words
from ui.widgets import note, plain

MESSAGE_KINDS = frozenset(
    {StepKind.MESSAGE_CAREGIVER, StepKind.MESSAGE_SCHOOL, StepKind.MESSAGE_EMPLOYER}
)


def case_summary_bytes(plan: Plan, detention: Detention, language: str) -> bytes:
    """The case summary for the lawyer, from the plan and what the family recorded, as a PDF in
    memory (the window saves it). reportlab is loaded only now, never to show the screen."""
    from forms.case_summary import render_case_summary
    from forms.context import RenderOptions

    options = RenderOptions(language=language)
    return render_case_summary(plan, detention.parent_id, arrest_of(detention), options)


def _local_now() -> datetime:
    return datetime.now().astimezone()


class DetainedView(QWidget):
    """The action mode on one household: what happened, then the checklist.

    `log_changed(Detention)` whenever the log changes (started, changed, a step ticked or
    unticked); `closed()` to go back; `papers_requested(list[PlannedDocument])` to print a
    child's caregiver papers filled in; `case_summary_requested(Detention)` for the lawyer's
    summary of what is recorded (`case_summary_bytes` makes it). It follows
    its `Words` when the language changes (`retranslate`), keeping every tick."""

    log_changed = Signal(object)
    closed = Signal()
    papers_requested = Signal(list)
    case_summary_requested = Signal(object)

    def __init__(self, words: Words, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = words
        self.now: Now = _local_now
        self.plan: Plan | None = None
        self.detention: Detention | None = None
        self.rows: dict[str, StepRow] = {}
        self.message_languages: dict[str, str] = {}
        """Step id → the language its message was last shown in (kept across a switch)."""
        self._copied = ""
        self.title = heading("sectionTitle")
        self.intro = note()
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.closed.emit)
        self.start = StartForm(words, lambda: self.now())
        self.start.started.connect(self._started)
        self.start.cancelled.connect(self._show_checklist)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.start)
        self.pages.addWidget(self._checklist_page())
        self._lay_out()
        words.language_changed.connect(self.retranslate)
        self.retranslate()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addWidget(self.pages, 1)

    def _checklist_page(self) -> QWidget:
        page = QWidget()
        self.taken = heading("itemHeading")
        self.taken.setTextFormat(Qt.TextFormat.PlainText)
        self.where = QLabel("", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.checked = note()
        self.edit = QPushButton()
        self.edit.clicked.connect(self._edit)
        self.summary = QPushButton()
        self.summary.clicked.connect(self._ask_case_summary)
        self.summary_why = note()
        self.steps_heading = heading("itemHeading")
        self.list = QWidget()
        self.list_layout = QVBoxLayout(self.list)
        self.steps_area = QScrollArea(widgetResizable=True)
        self.steps_area.setWidget(self.list)
        self.steps_area.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.taken, self.where):
            layout.addWidget(widget)
        buttons = QHBoxLayout()
        for button in (self.edit, self.summary):
            buttons.addWidget(button)
        buttons.addWidget(self.summary_why, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.checked)
        layout.addWidget(self.steps_heading)
        layout.addWidget(self.steps_area, 1)
        return page

    # --- what the navigator does ------------------------------------------------------------------

    def show_household(self, plan: Plan, detention: Detention | None) -> None:
        """Show this household: the form asking what happened, or the log kept for it."""
        self.plan, self.detention = plan, detention
        self.message_languages = {}
        self._show_checklist()

    def _parent_in_plan(self) -> bool:
        if self.plan is None or self.detention is None:
            return False
        return any(adult.id == self.detention.parent_id for adult in self.plan.adults)

    def forget(self) -> None:
        """Nothing of the household stays: the rows go, and the clipboard is emptied if it
        still holds a message copied here ("Finish and erase", locking)."""
        clipboard = QGuiApplication.clipboard()
        if self._copied and clipboard.text() == self._copied:
            clipboard.clear()
        self._copied = ""
        self.plan = self.detention = None
        self.message_languages = {}
        self._clear_rows()
        self.start.who.clear()
        self.start.where.clear()
        self.start.seen.set_value("")
        self.pages.setCurrentWidget(self.start)

    def _started(self, detention: Detention) -> None:
        self.detention = detention
        self.log_changed.emit(detention)
        self._show_checklist()

    def _edit(self) -> None:
        if self.plan is not None:
            self.start.fill(self.plan, self.detention)
            self.pages.setCurrentWidget(self.start)
            self.start.who.setFocus()

    def _tick(self, step_id: str, on: bool) -> None:
        """The step's time recorded (or removed), shown beside it, and the log handed on."""
        if self.detention is None:
            return
        if on:
            self.detention = self.detention.ticked(step_id, self.now())
        else:
            self.detention = self.detention.unticked(step_id)
        row = self.rows.get(step_id)
        if row is not None:
            row.show_done(self.words, self.detention.steps.get(step_id), self._today())
        self.log_changed.emit(self.detention)

    def _ask_case_summary(self) -> None:
        """Asked for only about a parent still in the plan; if the plan lost them, the form
        opens so the navigator says again who was taken."""
        if self._parent_in_plan() and self.detention is not None:
            self.case_summary_requested.emit(self.detention)
        else:
            self._show_checklist()  # the form, asking again who was taken

    def _remember_copy(self, text: str) -> None:
        self._copied = text

    # --- what it shows ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every sentence again in the interface's language; ticks, times and focus stay."""
        w = self.words
        self.title.setText(w("detained.title"))
        self.intro.setText(w("detained.intro"))
        self.intro.show()
        self._name_button(self.close_button, w("detained.close"))
        self._name_button(self.edit, w("detained.header.edit"))
        self._name_button(self.summary, w("detained.summary.button"))
        self.summary_why.setText(w("detained.summary.why"))
        self.summary_why.show()
        self.summary.setAccessibleDescription(self.summary_why.text())
        checked = date_text(public_numbers().checked, w.catalogue_language)
        self.checked.setText(w("detained.checked", date=checked))
        self.checked.show()
        self.steps_heading.setText(w("detained.step.steps"))
        self.start.retranslate()
        if self.pages.currentWidget() is not self.start:
            self._show_checklist()

    @staticmethod
    def _name_button(button: QPushButton, text: str) -> None:
        button.setText(text)
        button.setAccessibleName(plain(text))

    def _show_checklist(self) -> None:
        """The log's checklist; the form instead while there is no log, or while the log names
        a parent the plan no longer has (a plan imported or edited since): the navigator says
        again who was taken, every tick kept."""
        if self.plan is None:
            return
        if self.detention is None or not self._parent_in_plan():
            self.start.fill(self.plan, self.detention)
            self.start.cancel.setVisible(False)
            self.pages.setCurrentWidget(self.start)
            return
        focused = self._focused_step()
        self._show_what_happened(self.plan, self.detention)
        self._clear_rows()
        language = self.words.catalogue_language
        for step in checklist(self.plan, self.detention, language):
            row = self._row(self.plan, self.detention, step)
            self.rows[step.id] = row
            self.list_layout.addWidget(row)
        self.list_layout.addStretch()
        self.pages.setCurrentIndex(1)
        if focused in self.rows:
            self.rows[focused].tick.setFocus()

    def _show_what_happened(self, plan: Plan, detention: Detention) -> None:
        w, language = self.words, self.words.catalogue_language
        parent = next((a for a in plan.adults if a.id == detention.parent_id), None)
        name = parent.full_name if parent else ""
        if detention.taken_at is not None:
            when = moment_text(detention.taken_at, language)
            self.taken.setText(w("detained.header.taken_at", name=name, when=when))
        else:
            self.taken.setText(w("detained.header.taken", name=name))
        self.where.setText(w("detained.header.where", place=detention.place))
        self.where.setVisible(bool(detention.place))

    def _row(self, plan: Plan, detention: Detention, step: Step) -> StepRow:
        row = StepRow(self.words, step, self._today())
        row.ticked.connect(self._tick)
        if step.papers:
            row.add(self._papers(plan, step))
        if step.kind in MESSAGE_KINDS:
            row.add(self._message(plan, detention, step))
        return row

    def _papers(self, plan: Plan, step: Step) -> PapersPart:
        language = self.words.catalogue_language
        paper = load_jurisdiction(plan.household.state).instrument_name(language)
        children = {child.id: child.full_name for child in plan.children}
        names = [children.get(d.subject_id or "", "") for d in step.papers]
        lines = [self.words("detained.papers.paper", paper=paper, child=n) for n in names]
        part = PapersPart(self.words, lines, ", ".join(names))
        documents = list(step.papers)
        part.print_button.clicked.connect(lambda: self.papers_requested.emit(documents))
        return part

    def _message(self, plan: Plan, detention: Detention, step: Step) -> MessagePart:
        languages = message_languages(plan, step)
        chosen = self.message_languages.get(step.id, languages[0])

        def write(language: str) -> Message:
            return message_for(plan, detention, step, language)

        part = MessagePart(self.words, languages, chosen, write)
        part.language_chosen.connect(lambda code: self.message_languages.update({step.id: code}))
        part.copied.connect(self._remember_copy)
        return part

    def _clear_rows(self) -> None:
        while (item := self.list_layout.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self.rows = {}

    def _focused_step(self) -> str:
        focused = QGuiApplication.focusObject()
        return next((sid for sid, row in self.rows.items() if row.tick is focused), "")

    def _today(self) -> date:
        return self.now().astimezone().date()
