"""What every section page shares: a scrolling form, fields found by their plan path, problems
shown beside them, and the rule that a page reads the plan when shown and writes it back when the
family leaves a field. A page never saves, renders or asks the keyring itself."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import ClassVar

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.flow import SectionId
from planner.model import Plan, limit_at
from planner.validation import Problem, Severity
from ui.i18n import Words
from ui.widgets import Field


class SectionPage(QWidget):
    """One section of the wizard. Subclasses build fields in `build()` and fill `load`/`store`."""

    section_id: ClassVar[SectionId]
    edited = Signal()
    """The family left a field having changed it: the window stores, checks and autosaves."""

    def __init__(self, words: Words, parent: QWidget | None = None, later: bool = False) -> None:
        """`later`: only the frame now; the fields one step at a time (`build_more`), as the
        window builds pages ahead without holding the keyboard and mouse for long."""
        super().__init__(parent)
        self.words = words
        self.fields: dict[str, Field] = {}
        self.own_fields: dict[str, Field] = {}
        """Those made by `add_field`, not answers of the plan (the interface's language): a
        declared page keeps them as it registers its declared fields again."""
        self.touched: set[str] = set()
        """Fields the family has left after changing them: only their problems show, until the
        family moves on from the page (`reveal_all`) or the plan was opened from a file."""
        self.reveal_all = False
        self.title = QLabel(self)
        self.title.setObjectName("sectionTitle")
        self.intro = QLabel(self, wordWrap=True)
        self.intro.setObjectName("intro")
        content = QWidget()
        self.form = QVBoxLayout(content)
        self.form.setSpacing(8)
        self.form.addWidget(self.title)
        self.form.addWidget(self.intro)
        self.scroll_area = scroll = QScrollArea(self, widgetResizable=True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._steps: Iterator[None] | None = self._all_steps()
        if not later:
            self.finish_building()

    def _all_steps(self) -> Iterator[None]:
        yield from self.build_steps()
        self.form.addStretch(1)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._show_focused)

    def build_steps(self) -> Iterator[None]:
        """Create the fields, pausing (`yield`) where the window may let the family act."""
        self.build()
        yield from ()

    def build_more(self) -> bool:
        """One more step of building; False once the page is whole."""
        if self._steps is not None and next(self._steps, "done") is None:
            return True  # a step (each yields None)
        self._steps = None
        return False

    def finish_building(self) -> None:
        while self.build_more():
            pass

    @property
    def is_built(self) -> bool:
        return self._steps is None

    def load_steps(self, plan: Plan) -> Iterator[None]:
        """`load`, in steps where filling takes long (a box for each of many children)."""
        self.load(plan)
        yield from ()

    def _show_focused(self, _: QWidget | None, now: QWidget | None) -> None:
        """The field the keyboard is in is always on screen: "Add parent" put the cursor in a
        field below the window's edge, where a person typed without seeing it."""
        content = self.scroll_area.widget()
        if now is not None and content is not None and content.isAncestorOf(now):
            # After the layout settles: a field just added has no position yet.
            QTimer.singleShot(0, lambda: self._ensure_visible(now))

    def _ensure_visible(self, widget: QWidget) -> None:
        if shiboken6.isValid(widget) and widget.hasFocus():
            self.scroll_area.ensureWidgetVisible(widget, 16, 24)

    def build(self) -> None:
        """Create the fields (with `add_field`)."""

    def load(self, plan: Plan) -> None:
        """Fill the fields from the plan. Called whenever the page is shown."""

    def store(self, plan: Plan) -> list[Problem]:
        """Write the fields into the plan; return problems only the page can see (a date that is
        not a date cannot reach the model)."""
        return []

    def retranslate(self) -> None:
        """Re-read every label in the current language (also called once after `build`)."""

    def add_field(self, path: str, editor: QWidget, layout: QBoxLayout | None = None) -> Field:
        """A field for the plan value at `path` (e.g. `household.display_name`)."""
        field = Field(editor)
        self.fields[path] = self.own_fields[path] = field
        self.listen(editor, lambda: path)
        (layout or self.form).addWidget(field)
        return field

    def listen(self, editor: QWidget, path: Callable[[], str]) -> None:
        """`editor` shows the value at `path()` (which may change as a list's entry is chosen);
        leaving it changed touches that path and tells the window (`edited`)."""
        # A one-line field stops at the length the plan allows (planner.model), so a
        # 5,000-character name cannot be typed or pasted; longer notes are checked, not cut.
        limit = limit_at(path())
        if limit is not None and isinstance(editor, QLineEdit):
            editor.setMaxLength(limit)
        signal = getattr(editor, "edited", None)
        if signal is not None:
            signal.connect(lambda: self.touched.add(path()))
            signal.connect(self.edited)

    def set_heading(self) -> None:
        key = f"section.{self.section_id.value}"
        self.title.setText(self.words(f"{key}.title"))
        self.intro.setText(self.words(f"{key}.intro"))

    def focus_first(self) -> None:
        """The keyboard goes to the page's first field in Tab order (not to the scroll area
        around the page), so the family can type at once."""
        widget = self.nextInFocusChain()
        while widget is not None and widget is not self:
            if (
                self.isAncestorOf(widget)
                and widget is not self.scroll_area
                and widget.isEnabled()
                and widget.isVisibleTo(self)
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()

    def field_path(self, path: str) -> str | None:
        """The path of the field showing the value at `path`, or of the closest field above it."""
        return next((p for p in path_and_parents(path) if p in self.fields), None)

    def field_for(self, path: str) -> Field | None:
        found = self.field_path(path)
        return self.fields[found] if found else None

    def visible(self, problems: list[Problem]) -> list[Problem]:
        """The problems the family should see now: of a path (or one above it) they have left,
        in a list's entry shown or another one (those mark their entry), or all of them."""
        if self.reveal_all:
            return problems
        return [p for p in problems if not self.touched.isdisjoint(path_and_parents(p.path))]

    def show_problems(self, problems: list[Problem]) -> None:
        """Each visible problem beside its field, in the current language; earlier ones cleared."""
        for field in self.fields.values():
            field.set_problem("")
        language = self.words.catalogue_language
        for problem in self.visible(problems):
            beside = self.field_for(problem.path)
            if beside is not None and not beside.problem.text():
                beside.set_problem(problem.message(language), problem.severity is Severity.ERROR)


def path_and_parents(path: str) -> Iterator[str]:
    """`children[2].health.doctor`, then `children[2].health`, `children[2]`, `children`."""
    while path:
        yield path
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
