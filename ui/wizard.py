"""The main window: the sections in a sidebar that shows each one's state, the current page, and
Back / Next for a family going in order. A navigator can jump to any section.

The window owns the loop every edit goes through: the page writes into the plan, the plan is
checked, problems appear beside their fields and in the sidebar, and the autosaver is told.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from planner.flow import (
    ORDER,
    SectionId,
    SectionState,
    next_section,
    previous_section,
    problems_in,
    section_state,
)
from planner.model import Plan
from planner.validation import Problem
from ui.i18n import LANGUAGES, PSEUDO, Words
from ui.pages.base import SectionPage
from ui.session import Mode, Session

STATE_MARKS = {
    SectionState.NOT_STARTED: "○",
    SectionState.HAS_PROBLEMS: "⚠",
    SectionState.COMPLETE: "✓",
}
MIN_POINT_SIZE, MAX_POINT_SIZE = 8, 20
BUILD_AHEAD_DELAY_MS = 300
"""Building ahead starts once the first section is on screen and the program has settled."""
BUILD_AHEAD_RETRY_MS = 1000
"""While the lock screen covers the plan, building ahead waits this long and looks again."""

PageFactory = Callable[..., SectionPage]
"""Makes a section's page from the interface's words; `later=True`: its frame only."""


if TYPE_CHECKING:
    from ui.packet_service import PacketMaker


class LazyPages(Mapping[SectionId, SectionPage]):
    """The window's pages by section, each built on first use: start-up builds only the first.
    A page being built ahead (`start`) is finished at once if it is needed before it is whole."""

    def __init__(
        self, make: Callable[[SectionId, bool], SectionPage], wire: Callable[[SectionPage], None]
    ) -> None:
        self._make = make
        self._wire = wire
        self._pages: dict[SectionId, SectionPage] = {}
        self._wired: set[SectionId] = set()

    def __getitem__(self, section_id: SectionId) -> SectionPage:
        if section_id not in self._pages:
            self._pages[section_id] = self._make(section_id, False)
        return self.finish(section_id)

    def start(self, section_id: SectionId) -> SectionPage:
        """The frame of a page whose fields are built a step at a time (`build_more`)."""
        page = self._pages[section_id] = self._make(section_id, True)
        return page

    def finish(self, section_id: SectionId) -> SectionPage:
        """The page whole, and joined to the window once."""
        page = self._pages[section_id]
        page.finish_building()
        if section_id not in self._wired:
            self._wired.add(section_id)
            self._wire(page)
        return page

    def __iter__(self) -> Iterator[SectionId]:
        return iter(ORDER)

    def __len__(self) -> int:
        return len(ORDER)

    def get_built(self, section_id: SectionId) -> SectionPage | None:
        return self._pages.get(section_id) if section_id in self._wired else None

    def built(self) -> list[SectionPage]:
        """The pages built so far, without building the others."""
        return [self._pages[s] for s in ORDER if s in self._wired]


class WizardWindow(QMainWindow):
    """Sidebar, page, Back / Next; language, text size, lock and "finish and erase" on top."""

    lock_requested = Signal()
    erase_requested = Signal()
    households_requested = Signal()
    """A navigator asks for the list of saved households (the controller decides if it shows)."""

    def __init__(
        self,
        words: Words,
        session: Session,
        pages: dict[SectionId, PageFactory],
        show_pseudo: bool = False,
    ) -> None:
        super().__init__()
        self.words = words
        self.session = session
        self._packet: PacketMaker | None = None
        self.pages = LazyPages(lambda s, later: pages[s](words, later=later), self._wire_page)
        self._building: tuple[SectionId, SectionPage] | None = None
        """The page being built ahead, a step at a time."""
        self._filling: tuple[SectionPage, Plan, Iterator[None]] | None = None
        """The page built ahead last, being filled from the plan a step at a time."""
        self.current = SectionId.WELCOME
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setMinimumWidth(210)
        self.sidebar.setMaximumWidth(280)
        self.sidebar.setWordWrap(True)  # with larger text a section's name takes two lines
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        self.sidebar.addItems([""] * len(ORDER))
        self.back = QPushButton()
        self.next = QPushButton()
        self.saved = QLabel()
        """The quiet "Saved" indicator (or why it could not be saved), which the controller sets."""
        self.saved.setObjectName("saved")
        self.back.clicked.connect(self.go_back)
        self.next.clicked.connect(self.go_next)
        self.sidebar.currentRowChanged.connect(self._jump)
        self._build_layout()
        self._build_toolbar(show_pseudo)
        # Tab leaves a page for Back and Next, then the sections and the language
        QWidget.setTabOrder(self.back, self.next)
        QWidget.setTabOrder(self.next, self.sidebar)
        QWidget.setTabOrder(self.sidebar, self.language)
        words.language_changed.connect(lambda _: self.retranslate())
        session.plan_replaced.connect(self._reload)
        self.retranslate()
        self.show_section(SectionId.WELCOME)

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved)
        buttons.addStretch(1)
        buttons.addWidget(self.back)
        buttons.addWidget(self.next)
        right = QVBoxLayout()
        right.addWidget(self.stack, 1)
        right.addLayout(buttons)
        self.plan_view = QWidget()
        body = QHBoxLayout(self.plan_view)
        body.addWidget(self.sidebar)
        body.addLayout(right, 1)
        self.screens = QStackedWidget()
        """The plan, and screens that may cover it (the lock screen): built once, so covering the
        plan never re-parents the whole form."""
        self.screens.addWidget(self.plan_view)
        self.setCentralWidget(self.screens)

    def _build_toolbar(self, show_pseudo: bool) -> None:
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("toolbar")
        self.toolbar.setMovable(False)
        self.addToolBar(self.toolbar)
        self.language = QComboBox()
        for code in (*LANGUAGES, *((PSEUDO,) if show_pseudo else ())):
            self.language.addItem({"en": "English", "es": "Español", PSEUDO: "Pseudo"}[code], code)
        self.language.activated.connect(
            lambda _: self.words.set_language(str(self.language.currentData()))
        )
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.toolbar.addWidget(self.language_label)
        self.toolbar.addWidget(self.language)
        self.toolbar.addSeparator()
        self.households_action = self._add_action(self.households_requested, "Ctrl+H")
        self.households_action.setVisible(False)
        zoom_out, zoom_in = QKeySequence.StandardKey.ZoomOut, QKeySequence.StandardKey.ZoomIn
        self.smaller = self._add_action(lambda: self.change_text_size(-1), zoom_out)
        self.bigger = self._add_action(lambda: self.change_text_size(+1), zoom_in, "Ctrl+=")
        self.lock_action = self._add_action(self.lock_requested, "Ctrl+L")
        self.erase_action = self._add_action(self.erase_requested)

    def _add_action(self, slot: object, *keys: QKeySequence.StandardKey | str) -> QAction:
        action = QAction(self)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        return action

    @property
    def packet(self) -> PacketMaker:
        """Makes, prints and saves the family's packet for the documents page (a page never
        renders or writes files); the controller asks it what erasing and closing would lose.
        Made when first asked for, so its Qt printing and PDF libraries are not loaded at start."""
        if self._packet is None:
            from ui.packet_service import PacketMaker

            self._packet = PacketMaker(self)
        return self._packet

    def _wire_page(self, page: SectionPage) -> None:
        page.edited.connect(self._edited)
        jump = getattr(page, "edit_requested", None)  # the review page's Edit links
        if jump is not None:
            jump.connect(lambda target: self._jump(ORDER.index(SectionId(target))))
        use_packet = getattr(page, "use_packet", None)  # the documents page: the packet's work
        if use_packet is not None:
            use_packet(self.packet)
        page.reveal_all = self.session.household_id is not None
        self.stack.addWidget(page)
        page.retranslate()

    def show_section(self, section_id: SectionId, take_focus: bool = True) -> None:
        """Leave the current page (its values already stored) and show another, freshly loaded;
        the keyboard goes to its first field."""
        page = self.pages[section_id]
        self.current = section_id
        page.load(self.session.plan)
        problems = self.session.problems()
        page.show_problems(problems_in(section_id, problems))
        self.stack.setCurrentWidget(page)
        with QSignalBlocker(self.sidebar):
            self.sidebar.setCurrentRow(ORDER.index(section_id))
        self.back.setEnabled(previous_section(section_id) is not None)
        self.next.setEnabled(next_section(section_id) is not None)
        self._refresh_sidebar(problems)
        if take_focus:
            page.focus_first()

    def build_ahead(self, delay_ms: int = BUILD_AHEAD_DELAY_MS) -> None:
        """Build the pages not shown yet while the family reads the first one, a step per turn of
        the event loop, so no section's first visit waits for its widgets and no step holds the
        keyboard and mouse for long (see `build_next_ahead`)."""
        QTimer.singleShot(delay_ms, self, self._build_ahead_step)

    def _build_ahead_step(self) -> None:
        if self.build_next_ahead():
            QTimer.singleShot(0, self, self._build_ahead_step)

    def build_next_ahead(self) -> bool:
        """One step of building ahead: a part of the next page (a box of fields), or of filling
        the page built last from the plan; True while more remain. Nothing while the plan is
        covered (locked): it looks again a little later."""
        waiting = [s for s in ORDER if self.pages.get_built(s) is None]
        if not waiting and self._filling is None:
            return False
        if not self.plan_view.isVisible():
            self.build_ahead(BUILD_AHEAD_RETRY_MS)
            return False
        if self._filling is not None:
            return self._fill_more(bool(waiting))
        if self._building is None:
            self._building = (waiting[0], self.pages.start(waiting[0]))
            return True
        section_id, page = self._building
        if page.build_more():
            return True
        self.pages.finish(section_id)
        self._building = None
        if page is not self.pages[self.current]:  # shown meanwhile: filled, maybe typed in
            self._filling = (page, self.session.plan, page.load_steps(self.session.plan))
        return True

    def _fill_more(self, more_to_build: bool) -> bool:
        assert self._filling is not None
        page, plan, steps = self._filling
        shown = page is self.pages[self.current]  # shown meanwhile: filled, maybe typed in
        # or another plan since (erased, opened), or filled to the end
        if shown or plan is not self.session.plan or next(steps, StopIteration) is StopIteration:
            self._filling = None
            return more_to_build
        return True

    def go_next(self) -> None:
        following = next_section(self.current)
        if following is not None:
            self._store_current()
            self.pages[self.current].reveal_all = True  # moving on: show what is still wrong here
            self.show_section(following)

    def go_back(self) -> None:
        previous = previous_section(self.current)
        if previous is not None:
            self._store_current()
            self.show_section(previous)

    def _jump(self, row: int) -> None:
        if 0 <= row < len(ORDER) and ORDER[row] is not self.current:
            self._store_current()
            # a navigator arrowing through the sidebar stays in it
            self.show_section(ORDER[row], take_focus=not self.sidebar.hasFocus())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter moves on, as in a dialog, unless the person is writing several lines."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not isinstance(QApplication.focusWidget(), QPlainTextEdit):
            self.go_next()
            return
        super().keyPressEvent(event)

    def _store_current(self) -> None:
        self.session.local_problems = self.pages[self.current].store(self.session.plan)

    def _edited(self) -> None:
        self._store_current()
        problems = self.session.problems()
        self.pages[self.current].show_problems(problems_in(self.current, problems))
        self._refresh_sidebar(problems)
        self.session.plan_changed.emit()

    def _reload(self) -> None:
        """Another plan: a new one shows problems as fields are left; an opened one shows all."""
        opened = self.session.household_id is not None
        for page in self.pages.built():
            page.touched.clear()
            page.reveal_all = opened
        self.show_section(self.current)

    def _refresh_sidebar(self, problems: list[Problem]) -> None:
        opened = self.session.household_id is not None
        for row, section_id in enumerate(ORDER):
            mine = problems_in(section_id, problems)
            page = self.pages.get_built(section_id)
            visible = page.visible(mine) if page is not None else (mine if opened else [])
            state = section_state(section_id, self.session.plan, visible)
            title = self.words(f"section.{section_id.value}.title")
            item = self.sidebar.item(row)
            item.setText(f"{STATE_MARKS[state]}  {title}")
            state_words = self.words(f"state.{state.value}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}, {state_words}")
            item.setToolTip(state_words)

    def retranslate(self) -> None:
        w = self.words
        self.setWindowTitle(w("app.title"))
        for button, key in ((self.back, "nav.back"), (self.next, "nav.next")):
            button.setText(w(key))
            button.setAccessibleName(w(key).replace("&", ""))
        # The toolbar shows the language chosen anywhere (the Welcome page has its own choice).
        self.language.setCurrentIndex(self.language.findData(w.language))
        self.language_label.setText(w("toolbar.language"))
        self.language.setAccessibleName(w("toolbar.language").replace("&", ""))
        self.bigger.setText(w("toolbar.bigger"))
        self.smaller.setText(w("toolbar.smaller"))
        self.lock_action.setText(w("toolbar.lock"))
        self.erase_action.setText(w("toolbar.erase"))
        self.households_action.setText(w("caseload.toolbar.households"))
        self.sidebar.setAccessibleName(w("sidebar.name"))
        self.lock_action.setVisible(self.session.mode is Mode.SAVE)
        self.erase_action.setVisible(self.session.mode is Mode.WORKSHOP)
        for page in self.pages.built():
            page.retranslate()
        self.show_section(self.current, take_focus=False)  # the focus stays where it was

    def change_text_size(self, step: int) -> None:
        font = QApplication.font()
        font.setPointSize(min(MAX_POINT_SIZE, max(MIN_POINT_SIZE, font.pointSize() + step)))
        QApplication.setFont(font)
