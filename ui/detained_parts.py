"""The parts of the "a parent was detained" screen (ui/detained.py): the form that records what
happened, one row a step of the checklist, and a message ready to copy or print.

Each part only shows and asks; the screen keeps the log and says when it changed. Every sentence
comes from ui_detained.<lang>.toml or, for the steps and messages, from the planner in the
reader's language.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from pydantic import ValidationError
from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.detained import PLACE_CHARS, SEEN_CHARS, Detention, Step, StepKind
from planner.messages import (
    Arrest,
    Message,
    languages_for,
    pickups,
    time_text,
    to_caregiver,
    to_employer,
    to_school,
)
from planner.model import Plan
from planner.people import date_text
from ui.i18n import Words
from ui.printing import PrintChoice, ask_printer
from ui.widgets import NotesField, note, plain, show_note

WHEN_FORMAT = {"en": "MMMM d, yyyy   h:mm AP", "es": "d 'de' MMMM 'de' yyyy   h:mm AP"}
"""The month in words, so 6/12 cannot be read as June or December."""

Now = Callable[[], datetime]
PrinterChooser = Callable[[QPrinter, QWidget], PrintChoice]


# --- what the screen says, without Qt ------------------------------------------------------------


def arrest_of(detention: Detention) -> Arrest:
    """What the family recorded, as the messages and the case summary read it."""
    return Arrest(detention.taken_at, detention.place, detention.what_was_seen)


def done_text(words: Words, done_at: datetime | None, today: date) -> str:
    """ "Done at 2:32 pm" (the day too when it was not today), or "Not done yet": the tick's
    meaning in words, not only in the box."""
    if done_at is None:
        return words("detained.step.not_done")
    local = done_at.astimezone()
    language = words.catalogue_language
    time = time_text(local, language)
    if local.date() == today:
        return words("detained.step.done_at", time=time)
    return words("detained.step.done_on", date=date_text(local.date(), language), time=time)


def message_languages(plan: Plan, step: Step) -> tuple[str, ...]:
    """The languages the step's message can be written in, its reader's first. An employer reads
    English (`languages_for(None)`), not the detained parent's languages its step points at."""
    reader = None if step.kind is StepKind.MESSAGE_EMPLOYER else step.recipient
    return languages_for(plan, reader)


def message_for(plan: Plan, detention: Detention, step: Step, language: str) -> Message:
    """The message a message step sends, written from the plan in `language`."""
    parent_id = detention.parent_id
    if step.kind is StepKind.MESSAGE_CAREGIVER and step.recipient:
        children = pickups(plan, parent_id).get(step.recipient, [])
        return to_caregiver(plan, parent_id, arrest_of(detention), children, language)
    if step.kind is StepKind.MESSAGE_SCHOOL and step.recipient:
        return to_school(plan, step.recipient, parent_id, language)
    if step.kind is StepKind.MESSAGE_EMPLOYER:
        return to_employer(plan, parent_id, language)
    raise ValueError("only a message step has a message")


def message_text(message: Message) -> str:
    """What is copied or printed: the subject line, then the message."""
    return f"{message.subject}\n\n{message.body}"


def _labelled(text: str, editor: QWidget) -> QLabel:
    """A label whose Alt letter moves to `editor`, and the editor named by it for screen readers."""
    label = QLabel(text)
    label.setBuddy(editor)
    editor.setAccessibleName(plain(text))
    return label


def heading(name: str, text: str = "") -> QLabel:
    """A label the style sheet and relative_fonts size by its object name."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def _button(text: str, name: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(name or plain(text))
    return button


def _plain_label(text: str = "", name: str = "") -> QLabel:
    """A label that shows the family's text as typed (`<` and `&` too), selectable to copy."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


# --- what happened --------------------------------------------------------------------------------


class StartForm(QWidget):
    """Who was taken, when, where and what was seen; all but who is optional. `started` carries
    the new or changed `Detention` (ticks kept); `cancelled` leaves a change unmade."""

    started = Signal(object)
    cancelled = Signal()

    def __init__(self, words: Words, now: Now, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words, self.now = words, now
        self.kept: Detention | None = None
        self.heading = heading("itemHeading")
        self.who = QComboBox()
        self.when = QDateTimeEdit(calendarPopup=True)
        self.unknown = QCheckBox()
        self.unknown.toggled.connect(lambda known: self.when.setDisabled(known))
        self.where = QLineEdit(maxLength=PLACE_CHARS)
        self.seen = NotesField()
        self.seen.setMaximumHeight(140)
        self.seen_why = note()
        self.problem = note(name="problem", severity="error")
        self.start, self.cancel = _button(""), _button("")
        self.start.setDefault(True)
        self.start.clicked.connect(self._start)
        self.cancel.clicked.connect(self.cancelled.emit)
        self.labels = [_labelled("", e) for e in (self.who, self.when, self.where, self.seen)]
        self._lay_out()
        self.retranslate()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        who, when, where, seen = self.labels
        for label, editor in ((who, self.who), (when, self.when)):
            layout.addWidget(label)
            layout.addWidget(editor, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.unknown)
        layout.addWidget(where)
        layout.addWidget(self.where)
        layout.addWidget(seen)
        layout.addWidget(self.seen_why)
        layout.addWidget(self.seen)
        layout.addWidget(self.problem)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start)
        buttons.addWidget(self.cancel)
        buttons.addStretch()
        layout.addLayout(buttons)
        layout.addStretch()

    def retranslate(self) -> None:
        w = self.words
        self.heading.setText(w("detained.start.heading"))
        for label, key in zip(self.labels, ("who", "when", "where", "seen"), strict=True):
            label.setText(w(f"detained.start.{key}"))
            label.buddy().setAccessibleName(plain(label.text()))
        self.when.setDisplayFormat(WHEN_FORMAT.get(w.catalogue_language, WHEN_FORMAT["en"]))
        self.unknown.setText(w("detained.start.when_unknown"))
        self.where.setPlaceholderText(w("detained.start.where_hint"))
        self.seen_why.setText(w("detained.start.seen_why"))
        self.seen.setAccessibleDescription(self.seen_why.text())
        self.seen_why.show()
        self.start.setText(w("detained.start.save" if self.kept else "detained.start.start"))
        self.cancel.setText(w("detained.start.cancel"))
        for button in (self.start, self.cancel):
            button.setAccessibleName(plain(button.text()))
        self.problem.hide()

    def fill(self, plan: Plan, kept: Detention | None) -> None:
        """Ask afresh (`kept` None) or show what was recorded, to change it."""
        self.kept = kept
        self.who.clear()
        for adult in plan.adults:
            self.who.addItem(adult.full_name, adult.id)
        taken = kept.taken_at if kept else None
        if kept is not None and (index := self.who.findData(kept.parent_id)) >= 0:
            self.who.setCurrentIndex(index)
        moment = (taken or self.now()).astimezone()
        day, clock = QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
        self.when.setDateTime(QDateTime(day, clock))
        self.unknown.setChecked(kept is not None and taken is None)
        self.where.setText(kept.place if kept else "")
        self.seen.set_value(kept.what_was_seen if kept else "")
        self.cancel.setVisible(kept is not None)
        self.start.setEnabled(bool(plan.adults))
        self.retranslate()
        if not plan.adults:
            show_note(self.problem, self.words("detained.start.no_adults"))

    def _start(self) -> None:
        """The detention as recorded, or a sentence saying what to change: nothing typed is lost."""
        problem, detention = self._detention()
        if detention is None:
            show_note(self.problem, problem)
            return
        self.problem.hide()
        self.started.emit(detention)

    def _detention(self) -> tuple[str, Detention | None]:
        now = self.now()
        taken = None
        if not self.unknown.isChecked():
            typed = self.when.dateTime().toPython()
            assert isinstance(typed, datetime)
            taken = typed.astimezone()  # typed in local time
            if taken > now:
                return self.words("detained.start.when_later"), None
        seen = self.seen.value()
        if len(seen) > SEEN_CHARS:
            return self.words("detained.start.too_long", count=len(seen), limit=SEEN_CHARS), None
        recorded = {
            "parent_id": self.who.currentData(),
            "taken_at": taken,
            "place": self.where.text().strip(),
            "what_was_seen": seen,
        }
        try:
            if self.kept is not None:
                return "", self.kept.model_copy(update=recorded)
            return "", Detention(started_at=now, **recorded)
        except ValidationError:  # a lone surrogate pasted in: the model names no person here
            return self.words("detained.start.not_kept"), None


# --- one step -------------------------------------------------------------------------------------


class StepRow(QFrame):
    """One step: its tick box (titled with the step), when it was done, its facts and, in the
    warning colour and in words, what the plan lacks for it. `ticked` carries (step id, ticked)."""

    ticked = Signal(str, bool)

    def __init__(self, words: Words, step: Step, today: date) -> None:
        super().__init__()
        self.step = step
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.tick = QCheckBox(step.title.replace("&", "&&"))  # a name's "&" is no Alt letter
        self.tick.setAccessibleName(step.title)
        self.tick.setChecked(step.done_at is not None)
        self.tick.toggled.connect(lambda on: self.ticked.emit(step.id, on))
        self.done = heading("why")
        self.done.setWordWrap(False)
        self.layout_ = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.tick, 1)
        top.addWidget(self.done, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.layout_.addLayout(top)
        if step.facts:
            self.layout_.addWidget(_plain_label("\n".join(step.facts)))
        self.missing = note("", name="problem", severity="warning")
        self.missing.setTextFormat(Qt.TextFormat.PlainText)
        lacks = [words("detained.step.missing", what=what) for what in step.missing]
        show_note(self.missing, "\n".join(lacks))
        self.layout_.addWidget(self.missing)
        self.show_done(words, step.done_at, today)

    def show_done(self, words: Words, done_at: datetime | None, today: date) -> None:
        text = done_text(words, done_at, today)
        self.done.setText(text)
        described = [text, *(self.missing.text().splitlines())]
        self.tick.setAccessibleDescription(" ".join(described))

    def add(self, part: QWidget) -> None:
        """A part under the facts: the papers to sign, the message."""
        self.layout_.addWidget(part)


class PapersPart(QWidget):
    """The caregiver papers to sign now for one child, and a button asking to print them."""

    def __init__(self, words: Words, papers: list[str], child: str) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(words("detained.papers.heading")))
        layout.addWidget(_plain_label("\n".join(f"• {paper}" for paper in papers)))
        self.print_button = _button(words("detained.papers.print", child=child.replace("&", "&&")))
        self.print_button.setAccessibleName(plain(words("detained.papers.print", child=child)))
        layout.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)


class MessagePart(QWidget):
    """A message in the chosen language, read-only, with Copy and Print. `language_chosen`
    carries the language picked; `copied` the text put on the clipboard."""

    language_chosen = Signal(str)
    copied = Signal(str)

    def __init__(
        self,
        words: Words,
        languages: tuple[str, ...],
        chosen: str,
        write: Callable[[str], Message],
    ) -> None:
        super().__init__()
        self.words, self.write = words, write
        self.choose_printer: PrinterChooser = ask_printer
        self.language = QComboBox()
        for code in languages:
            self.language.addItem(words(f"detained.language.{code}"), code)
        self.language.setCurrentIndex(max(0, self.language.findData(chosen)))
        name = write(self.language.currentData()).recipient
        self.language.setAccessibleName(words("detained.message.language_name", name=name))
        self.language.currentIndexChanged.connect(self._chosen)
        self.text = QPlainTextEdit(readOnly=True)
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(150)
        self.text.setMaximumHeight(240)
        self.text.setAccessibleName(words("detained.message.text_name", name=name))
        self.copy = _button(words("detained.message.copy"))
        self.copy.setAccessibleName(words("detained.message.copy_name", name=name))
        self.copy.clicked.connect(self._copy)
        self.print_button = _button(words("detained.message.print"))
        self.print_button.setAccessibleName(words("detained.message.print_name", name=name))
        self.print_button.clicked.connect(self._print)
        self.status = note()
        self._lay_out(QLabel(words("detained.message.language")))
        self._write()

    def _lay_out(self, label: QLabel) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label.setBuddy(self.language)
        line = QHBoxLayout()
        widgets: list[QWidget] = [label, self.language, self.copy, self.print_button]
        for widget in widgets:
            line.addWidget(widget)
        line.insertStretch(2)
        layout.addLayout(line)
        layout.addWidget(self.text)
        layout.addWidget(self.status)

    def _chosen(self) -> None:
        self._write()
        self.language_chosen.emit(self.language.currentData())

    def _write(self) -> None:
        self.text.setPlainText(message_text(self.write(self.language.currentData())))

    def _copy(self) -> None:
        text = self.text.toPlainText()
        QGuiApplication.clipboard().setText(text)
        show_note(self.status, self.words("detained.message.copied"))
        self.copied.emit(text)

    def _print(self) -> None:
        """On paper only (ui.printing); the print queue names no one."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName("message")
        choice = self.choose_printer(printer, self)
        if choice == "print":
            sheet = QTextDocument()
            sheet.setPlainText(self.text.toPlainText())
            sheet.print_(printer)
        elif choice != "cancelled":
            show_note(self.status, self.words(f"detained.message.{choice}"))
