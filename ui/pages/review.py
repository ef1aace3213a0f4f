"""Review: what is still missing or wrong, by section; the review dates; then every answer, each
group with a way back to change it.

Each block of rich text states the interface's direction: Qt would otherwise take it from the
block's first letter, and an Arabic name starting "عمر حداد: Falta el teléfono" would turn the
whole Spanish line around. The family's words stand in isolates (see `review_summary`), so each
keeps its own order inside ours."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent, QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from planner.flow import ORDER, SectionId, problems_in
from planner.jurisdictions import add_months
from planner.model import Plan
from planner.validation import Problem, Severity, check, completeness
from ui.pages.base import SectionPage
from ui.pages.form import reading_for
from ui.pages.parts import label_date, why_label
from ui.pages.review_summary import Entry, Group, Reader
from ui.widgets import DateField

DATES = ("last_reviewed", "next_review", "reviewed_by_attorney_on")
SOON = (3, 6)
"""The "in 3 months" and "in 6 months" buttons: plans should be checked every 3 to 6 months."""


def _clear_layout(layout: QLayout) -> None:
    while (item := layout.takeAt(0)) is not None:
        if (widget := item.widget()) is not None:
            widget.hide()
            for shown in [widget, *widget.findChildren(QLabel), *widget.findChildren(QTextBrowser)]:
                if isinstance(shown, QLabel | QTextBrowser):
                    shown.clear()  # the family's words go now, not when Qt gets round to it
            widget.deleteLater()
        elif (inner := item.layout()) is not None:
            _clear_layout(inner)


class ReviewPage(SectionPage):
    section_id = SectionId.REVIEW
    edit_requested = Signal(str)
    """The SectionId value of the section the family wants to change."""

    def build(self) -> None:
        self.plan: Plan | None = None
        self.summary_stale = False
        self.pending: list[Group] = []
        """Groups of answers still to draw: one an event-loop turn, so the page shows at once."""
        self.todo_buttons: list[QPushButton] = []
        self.answer_buttons: list[QPushButton] = []
        self.today = date.today
        self.next_group = QTimer(self, singleShot=True, interval=0)
        self.next_group.timeout.connect(self._add_next_group)
        self.todo_box = QGroupBox()
        self.todo = QVBoxLayout(self.todo_box)
        self.form.addWidget(self.todo_box)
        self._build_dates()
        self.answers_box = QWidget()
        self.answers = QVBoxLayout(self.answers_box)
        self.answers.setContentsMargins(0, 0, 0, 0)
        self.answers_title = QLabel()
        self.answers_title.setObjectName("subheading")
        self.form.addWidget(self.answers_title)
        self.form.addWidget(self.answers_box)

    def _build_dates(self) -> None:
        self.dates_box = QGroupBox()
        row = QHBoxLayout(self.dates_box)
        self.date_fields: dict[str, DateField] = {}
        self.soon_buttons: list[QPushButton] = []
        for name in DATES:
            column = QVBoxLayout()
            self.date_fields[name] = editor = DateField()
            field = self.add_field(f"review.{name}", editor, column)
            if name == "next_review":
                buttons = QHBoxLayout()
                for months in SOON:
                    button = QPushButton()
                    button.clicked.connect(lambda _=False, m=months: self._review_in(m))
                    self.soon_buttons.append(button)
                    buttons.addWidget(button)
                buttons.addStretch(1)
                layout = field.layout()
                assert isinstance(layout, QVBoxLayout)
                layout.insertLayout(layout.indexOf(editor) + 1, buttons)
            column.addStretch(1)
            row.addLayout(column, 1)
        self.form.addWidget(self.dates_box)
        self.last_date: QWidget = self.date_fields[DATES[-1]].button

    # --- the plan ---------------------------------------------------------------------------------

    def load(self, plan: Plan) -> None:
        self.plan = plan
        for name, editor in self.date_fields.items():
            editor.set_value(getattr(plan.review, name))
        if self.isVisible():
            self._show_summary()
        else:  # built when shown: a hidden page keeps none of the family's words as text
            self._forget_summary()

    def store(self, plan: Plan) -> list[Problem]:
        """Only the review dates are this page's; a date that is not a date is not written."""
        if self.plan is None:  # cleared and not loaded since: nothing here to write
            return []
        valid = {name: e.value() for name, e in self.date_fields.items() if e.is_valid()}
        for name, value in valid.items():
            setattr(plan.review, name, value)
        return [Problem(f"review.{name}", "date.invalid") for name in DATES if name not in valid]

    def show_problems(self, problems: list[Problem]) -> None:
        super().show_problems(problems)
        if self.plan is not None and not self.summary_stale:
            self._show_todo()

    def clear(self) -> None:
        """Forget what was shown: the summary holds the family's answers in plain text."""
        self._forget_summary()
        for editor in self.date_fields.values():
            editor.set_value(None)
        self.plan = None
        self.summary_stale = False

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        """Out of sight, the family's answers are not kept as text: built again when shown."""
        super().hideEvent(event)
        if not event.spontaneous():
            self._forget_summary()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.summary_stale and self.plan is not None:
            self._show_summary()

    def _forget_summary(self) -> None:
        self.summary_stale = True
        self.next_group.stop()
        self.pending = []
        _clear_layout(self.todo)
        _clear_layout(self.answers)

    def _show_summary(self) -> None:
        self.summary_stale = False
        self._show_todo()
        self._show_answers()

    def _review_in(self, months: int) -> None:
        self.date_fields["next_review"].set_value(add_months(self.today(), months))
        self.touched.add("review.next_review")
        self.edited.emit()

    # --- what is missing --------------------------------------------------------------------------

    def _reader(self) -> Reader:
        assert self.plan is not None
        return Reader(reading_for(self.plan, self.words))

    def _show_todo(self) -> None:
        _clear_layout(self.todo)
        self.todo_buttons = []
        assert self.plan is not None
        problems = check(self.plan) + completeness(self.plan)
        reader = self._reader()
        for section_id in ORDER:
            if not (mine := problems_in(section_id, problems)):
                continue
            lines = []
            for problem in mine:
                text = reader.reading.own(problem.message(self.words.catalogue_language))
                if problem.severity is Severity.ERROR:
                    text = self.words("review.to_fix", problem=text)
                who = reader.subject(problem.path)
                lines.append(f"<li>{escape(f'{who}: {text}' if who else text)}</li>")
            title = self.words(f"section.{section_id.value}.title")
            heading = self.words("review.section_count", section=title, count=len(mine))
            self.todo.addLayout(self._heading_row(heading, section_id, self.todo_buttons))
            listed = f"<ul dir='{self._direction()}' style='margin-top:0'>{''.join(lines)}</ul>"
            shown = QLabel(listed, textFormat=Qt.TextFormat.RichText, wordWrap=True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.todo.addWidget(shown)
        if not self.todo.count():  # wrapped: one line at the usual size, several with larger text
            self.todo.addWidget(QLabel(self.words("review.nothing_missing"), wordWrap=True))
        self._tab_in_order(self.todo_buttons, before=self.date_fields["last_reviewed"].line)

    # --- every answer -----------------------------------------------------------------------------

    def _show_answers(self) -> None:
        _clear_layout(self.answers)
        self.answer_buttons = []
        self.pending = self._reader().groups()
        self.next_group.start()

    def _add_next_group(self) -> None:
        if self.pending and self.plan is not None:
            self.answers.addWidget(self._group(self.pending.pop(0)))
            after = self.answer_buttons[-2] if len(self.answer_buttons) > 1 else self.last_date
            QWidget.setTabOrder(after, self.answer_buttons[-1])
        if self.pending:
            self.next_group.start()

    def _group(self, group: Group) -> QGroupBox:
        box = QGroupBox()
        layout = QVBoxLayout(box)
        title = self.words(f"review.group.{group.key}")
        layout.addLayout(self._heading_row(title, group.section, self.answer_buttons))
        entries = [e for e in group.entries if e.heading or e.facts]
        if entries:
            layout.addWidget(Answers("".join(self._entry_html(e) for e in entries)))
        else:
            why_label(layout).setText(self.words("review.nothing_entered"))
        return box

    def _entry_html(self, entry: Entry) -> str:
        """Lines of "label: value" (a table would read better, but lays out ten times slower)."""
        lines = [
            f"<span style='color:#444'>{_html(name)}:</span> {_html(value)}"
            if name
            else _html(value)
            for name, value in entry.facts
        ]
        if entry.heading:
            lines.insert(0, f"<b>{_html(entry.heading)}</b>")
        shown = "<br>".join(lines)
        return f"<p dir='{self._direction()}' style='margin-top:0; margin-bottom:8px'>{shown}</p>"

    def _direction(self) -> str:
        """The interface's direction, never that of the first letter the family typed."""
        return "rtl" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else "ltr"

    def _tab_in_order(self, buttons: list[QPushButton], before: QWidget) -> None:
        """Buttons made after the page was built go where they are seen, not at the end."""
        previous = before.previousInFocusChain()
        if not buttons or previous is None:
            return
        for button in [*buttons, before]:
            QWidget.setTabOrder(previous, button)
            previous = button

    def _heading_row(
        self, text: str, section_id: SectionId, buttons: list[QPushButton]
    ) -> QHBoxLayout:
        row = QHBoxLayout()
        heading = QLabel(f"<b>{_html(text)}</b>", textFormat=Qt.TextFormat.RichText, wordWrap=True)
        row.addWidget(heading, 1)
        if section_id is not SectionId.REVIEW:
            button = QPushButton(self.words("review.edit"))
            button.setAccessibleName(self.words("review.edit_section", section=text))
            button.clicked.connect(lambda: self.edit_requested.emit(section_id.value))
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            buttons.append(button)
        return row

    # --- words ------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        w = self.words
        self.set_heading()
        self.todo_box.setTitle(w("review.todo"))
        self.dates_box.setTitle(w("review.dates"))
        self.answers_title.setText(w("review.answers"))
        for name in self.date_fields:
            field = self.fields[f"review.{name}"]
            label_date(field, w, w(f"review.{name}"), w(f"review.{name}_why"))
        for button, months in zip(self.soon_buttons, SOON, strict=True):
            button.setText(text := w("review.in_months", months=months))
            button.setAccessibleName(text.replace("&", ""))


class Answers(QTextBrowser):
    """Read-only rich text exactly as tall as its text. Word-wrapped labels would be laid out
    again for every width the layout tries (most of a second for a large family); this document
    is laid out once for each width it is actually given."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.viewport().setAutoFillBackground(False)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setHtml(html)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        """The wheel scrolls the page, not this block: it is always as tall as its text, and
        taking the wheel here trapped it whenever the pointer rested over a section."""
        outer = self.parentWidget()
        while outer is not None and not isinstance(outer, QScrollArea):
            outer = outer.parentWidget()
        if outer is None:
            event.ignore()
            return
        QApplication.sendEvent(outer.verticalScrollBar(), event)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(0, self.height())

    minimumSizeHint = sizeHint  # noqa: N815 - Qt's name

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.document().setTextWidth(self.viewport().width())
        height = int(self.document().size().height()) + 2 * self.frameWidth()
        if height != self.height():
            self.setFixedHeight(height)


def _html(text: str) -> str:
    """The family's words shown as typed: `<`, `&` and line breaks cannot become markup."""
    return escape(text).replace("\n", "<br>")
