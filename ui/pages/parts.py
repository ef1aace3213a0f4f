"""Small layout and labelling helpers the section pages share: fields side by side, yes/no boxes
labelled on the box itself, dates labelled for screen readers and typed in the reader's order."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QWidget

from ui.i18n import Words
from ui.widgets import DateField, Field, YesNoField


class Row(QHBoxLayout):
    """Fields side by side, their labels on one line and their editors level (top-aligned)."""

    def addWidget(  # noqa: N802 - Qt's name
        self,
        widget: QWidget,
        stretch: int | None = 0,
        alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignTop,
    ) -> None:
        super().addWidget(widget, stretch or 0, alignment)


def row(parent: QBoxLayout) -> Row:
    line = Row()
    line.setSpacing(12)
    parent.addLayout(line)
    return line


def why_label(parent: QBoxLayout) -> QLabel:
    """A quiet line explaining the questions below it."""
    label = QLabel(wordWrap=True)
    label.setObjectName("why")
    parent.addWidget(label)
    return label


def label_check(field: Field, text: str, why: str = "") -> None:
    """A yes/no question reads on its box (with its mnemonic), not on a label above an empty box."""
    field.set_texts(text, why)
    field.label.hide()
    assert isinstance(field.editor, YesNoField)
    field.editor.setText(text)


def label_date(field: Field, words: Words, text: str, why: str = "") -> None:
    """A date's label, its typing order (day first in Spanish) and names for its two parts."""
    field.set_texts(text, why)
    editor = field.editor
    assert isinstance(editor, DateField)
    editor.language = words.language
    editor.line.setAccessibleName(text.replace("&", ""))
    editor.line.setPlaceholderText(words("item.date_placeholder"))
    editor.line.setToolTip(words("item.date_hint"))
    editor.button.setAccessibleName(words("item.calendar"))
    editor.button.setToolTip(words("item.calendar"))


def read_date(editor: DateField, value: date | None, owner: str) -> None:
    """Show `owner`'s date, unless the family is still fixing a typed date for the same person:
    that text stays, with its problem beside it, instead of silently reverting."""
    if getattr(editor, "owner", None) == owner and not editor.is_valid():
        return
    editor.owner = owner  # type: ignore[attr-defined]
    editor.set_value(value)
