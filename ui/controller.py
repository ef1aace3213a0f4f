"""The services behind the window: saving to the encrypted store, locking, and a workshop's
"Finish and erase". Pages never do any of this; the window only asks (signals) and shows.

Save mode: the saved plans are opened (or first made), every change is autosaved, and the program
locks after a while with no input or on Ctrl+L. Workshop mode: nothing touches the disk — no
vault, no settings, no recent files, no temporary files — and "Finish and erase" empties memory
and the clipboard.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QTime, Signal
from PySide6.QtGui import QClipboard
from PySide6.QtWidgets import QApplication, QWidget

from planner.caseload import short_code
from planner.flow import SectionId
from planner.keyring_store import KeyStore
from planner.keys import PASSPHRASE_COST, KdfCost
from planner.model import Household, Plan, text_limit
from planner.vault import Vault
from planner.vault_errors import VaultChanged, VaultError
from planner.vault_header import Mode as VaultMode
from planner.vault_records import HouseholdSummary, Revision
from ui.autosave import DEFAULT_DELAY_MS, Autosaver
from ui.caseload import CaseloadView
from ui.dialogs import Dialogs, QtDialogs
from ui.history import HistoryDialog, saved_when
from ui.i18n import Words, qt_locale, words_in
from ui.lock import IdleTimer, LockScreen
from ui.opening import Opened, VaultOpener, opened_now
from ui.pages import PAGES
from ui.pages.welcome import WelcomePage
from ui.session import Mode, Session, new_plan
from ui.vault_worker import VaultService
from ui.wizard import PageFactory, WizardWindow

if TYPE_CHECKING:
    from ui.detained_mode import DetainedMode

DEFAULT_IDLE_MINUTES = 10.0
EXPORT_SUFFIX = ".fpx"
NAME_CHARS = text_limit(Household.model_fields["display_name"]) or 100
"""The most characters a plan's name holds: a copy's name is cut there."""


class Controller(QObject):
    """One window, its session, and the services it is given (vault thread, dialogs, timers)."""

    vault_opened = Signal()
    locked_changed = Signal(bool)

    def __init__(
        self,
        words: Words,
        *,
        home: Path | None = None,
        keyring: KeyStore | None = None,
        idle_minutes: float = DEFAULT_IDLE_MINUTES,
        dialogs: Dialogs | None = None,
        kdf_cost: KdfCost = PASSPHRASE_COST,
        save_delay_ms: int = DEFAULT_DELAY_MS,
        pages: Mapping[SectionId, PageFactory] | None = None,
    ) -> None:
        super().__init__()
        self.words = words
        self.session = Session()
        self.window = WizardWindow(words, self.session, dict(pages or PAGES))
        self.welcome = cast(WelcomePage, self.window.pages[SectionId.WELCOME])
        self.dialogs: Dialogs = dialogs or QtDialogs(self.window, words)
        self.vault = VaultService(lambda: Vault(home, keyring, kdf_cost=kdf_cost))
        self.vault_open = False
        """The vault thread holds the keys: the saved plans are open, and not locked since."""
        self.keyring_mode = False
        self.locked = False
        self.households: list[HouseholdSummary] = []
        self._status: tuple[str, object] = ("workshop", None)
        self._last_error = ""
        self._stopped = False
        self.autosave = Autosaver(self.session, self.vault, self._can_save, save_delay_ms, self)
        self.opener = VaultOpener(self.vault, self.dialogs, words)
        self.idle = IdleTimer(idle_minutes, self)
        # The window's content and the lock screen share one place: locked, only the lock shows.
        self.lock_screen = LockScreen(words)
        self.window.screens.addWidget(self.lock_screen)
        self.caseload = CaseloadView(words)
        """The navigator's households: shown in save mode, once opened; never in a workshop."""
        self.window.screens.addWidget(self.caseload)
        self.history: HistoryDialog | None = None
        """The saved versions of a household, while they show."""
        self._detained: DetainedMode | None = None
        """"A parent was detained", made the first time a navigator asks (`detained`)."""
        self._behind_lock: QWidget = self.window.plan_view
        self._fit_to_screen()
        self._connect()
        self.idle.start()
        self._apply_mode()
        self._show_status()
        # Nothing is opened at start: a workshop (the start) shows nothing of saved households,
        # and they are reached only by choosing to save on this computer.

    def _fit_to_screen(self) -> None:
        """Room for the sidebar and a form, within what the screen offers (1366×768 at 125%)."""
        screen = self.window.screen()
        if screen is not None:
            room = screen.availableGeometry()
            self.window.resize(min(1200, room.width()), min(820, room.height()))

    def _connect(self) -> None:
        self.session.plan_changed.connect(self.autosave.changed)
        self.session.plan_changed.connect(self._plan_changed)
        self.session.plan_replaced.connect(self.autosave.forget)
        self.session.plan_replaced.connect(self._plan_replaced)
        self.welcome.mode_chosen.connect(lambda value: self.choose_mode(Mode(value)))
        self.welcome.households_requested.connect(self.show_caseload)
        self.locked_changed.connect(lambda _: self.welcome.offer_households(self.caseload_allowed))
        self.window.lock_requested.connect(self.lock)
        self.window.erase_requested.connect(self.erase)
        self.window.households_requested.connect(self.show_caseload)
        self.caseload.open_requested.connect(self.open_household)
        self.caseload.new_requested.connect(self.start_new_plan)
        self.caseload.duplicate_requested.connect(self.duplicate_household)
        self.caseload.delete_requested.connect(self.delete_household)
        self.caseload.export_requested.connect(self.export_household)
        self.caseload.import_requested.connect(self.import_household)
        self.caseload.history_requested.connect(self.show_history)
        self.caseload.reminders_requested.connect(self.export_reminders)
        self.caseload.detained_requested.connect(lambda found: self.detained.start(found))
        self.words.language_changed.connect(lambda _: self._retranslate())
        self.autosave.saved.connect(self._saved)
        self.autosave.failed.connect(self._save_failed)
        self.opener.opened.connect(self._opened)
        self.opener.closed.connect(self._not_opened)
        self.idle.idle.connect(self.lock)
        self.lock_screen.secret_given.connect(self._unlock)
        self.window.installEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)

    @property
    def _language(self) -> str:
        return self.words.catalogue_language

    def _can_save(self) -> bool:
        """Saving waits for the keys, but not for the lock screen: what was typed before locking
        is saved before the keys are dropped."""
        return self.session.mode is Mode.SAVE and self.vault_open

    def _apply_mode(self) -> None:
        """Lock where there is something to lock; "Finish and erase" only in a workshop."""
        saving = self.session.mode is Mode.SAVE
        self.window.lock_action.setVisible(saving or self.vault_open or self.locked)
        self.window.erase_action.setVisible(not saving and not self.locked)
        self.window.households_action.setVisible(self.caseload_allowed)
        self.welcome.set_mode(self.session.mode)
        shown = self.window.screens.currentWidget()
        detained = self._detained.view if self._detained is not None else None
        if shown in (self.caseload, detained) and not self.caseload_allowed:
            if self._detained is not None:
                self._detained.forget()
            self._show_plan()

    @property
    def detained(self) -> DetainedMode:
        """Its screen and services are made on first use: start-up stays as fast as before."""
        if self._detained is None:
            from ui.detained_mode import DetainedMode

            self._detained = DetainedMode(self)
        return self._detained

    @property
    def caseload_allowed(self) -> bool:
        """The households show only to the navigator who opened them, in save mode: a workshop
        at this keyboard may not be the navigator (the shared-laptop rule)."""
        return self.session.mode is Mode.SAVE and self.vault_open and not self.locked

    def show_caseload(self) -> None:
        """The navigator's home: every saved household. (The field being typed in is stored as
        it loses the keyboard; autosave does the rest.)"""
        if not self.caseload_allowed:
            return
        self.window.screens.setCurrentWidget(self.caseload)
        self.caseload.focus_search()

    def _show_plan(self) -> None:
        if self.window.screens.currentWidget() is not self.lock_screen:
            self.window.screens.setCurrentWidget(self.window.plan_view)
            self.window.pages[self.window.current].focus_first()

    def _retranslate(self) -> None:
        self._apply_mode()
        self._show_status()
        self._show_households()

    def choose_mode(self, mode: Mode) -> None:
        """The family chose on the welcome page: save on this computer, or keep nothing."""
        if mode is self.session.mode:
            return
        self.session.mode = mode
        self._apply_mode()
        if mode is Mode.WORKSHOP:
            self.autosave.timer.stop()
            self._set_status("workshop")
            self._show_households()
        elif self.vault_open:
            self._show_households()
            self._start_saving()
        elif not self.opener.busy:
            self.opener.open()

    def _start_saving(self) -> None:
        self._set_status("")
        if self.autosave.unsaved:
            self.autosave.save_now()

    def _plan_changed(self) -> None:
        if self.session.mode is Mode.SAVE and not self.vault_open and not self.opener.busy:
            self._set_status("not_opened")

    def _plan_replaced(self) -> None:
        # Hidden pages drop what they showed of the old plan; pages not built yet load when
        # first shown (building all ten here held the GUI thread for a third of a second).
        for page in self.window.pages.built():
            page.load(self.session.plan)

    def _opened(self, result: Opened) -> None:
        self.vault_open = True
        self.keyring_mode = result.keyring
        self.households = result.households
        self._show_households()
        self._apply_mode()
        self.vault_opened.emit()
        if self.session.mode is Mode.SAVE:
            # A navigator with households lands on them; a plan being written stays on screen.
            if result.households and not self.autosave.unsaved:
                self.show_caseload()
            self._start_saving()

    def _not_opened(self) -> None:
        """Cancelled, or impossible: nothing will be saved, and the welcome page says so."""
        if self.session.mode is Mode.SAVE:
            self.session.mode = Mode.WORKSHOP
            self._apply_mode()
        self._set_status("not_opened")

    def _saved(self, revision: Revision, households: list[HouseholdSummary] | None) -> None:
        self._last_error = ""
        self._set_status("saved", revision.saved_at)
        if households is not None:
            self.households = households
            self._show_households(when_shown=True)

    def _save_failed(self, error: VaultError) -> None:
        if isinstance(error, VaultChanged):
            self._changed_elsewhere(error)
            return
        self._set_status("not_saved", error)
        if error.key != self._last_error:  # said once in a box; the indicator keeps saying it
            self._last_error = error.key
            self.dialogs.error(error.message(self._language))

    def _set_status(self, kind: str, data: object = None) -> None:
        self._status = (kind, data)
        self._show_status()

    def _show_status(self) -> None:
        kind, data = self._status
        if kind == "saved" and isinstance(data, datetime):
            text = self._when(data, "vault.status.saved_at", "vault.status.saved_on")
        elif kind == "not_saved" and isinstance(data, VaultError):
            text = self.words("vault.status.not_saved", reason=data.message(self._language))
        elif kind in ("workshop", "not_opened"):
            text = self.words(f"vault.status.{kind}")
        else:
            text = ""
        self.window.saved.setText(text)

    def _when(self, at: datetime, today: str, other_day: str) -> str:
        """The sentence `today` with the local time if `at` is today, else `other_day`, dated."""
        at = at.astimezone()
        locale = qt_locale(self._language)
        time = locale.toString(QTime(at.hour, at.minute), QLocale.FormatType.ShortFormat)
        if at.date() == datetime.now().astimezone().date():
            return self.words(today, time=time)
        pattern = "d 'de' MMMM 'de' yyyy" if self._language == "es" else "MMMM d, yyyy"
        date = locale.toString(QDate(at.year, at.month, at.day), pattern)
        return self.words(other_day, date=date, time=time)

    def _show_households(self, *, when_shown: bool = False) -> None:
        """The Households view is the one list of the saved households (the Welcome page only
        offers the way to it). A workshop lists none: the person at the keyboard may not be the
        navigator. An autosave's list is shown `when_shown` (`CaseloadView.set_households`)."""
        workshop = self.session.mode is Mode.WORKSHOP
        kept = [] if workshop else self.households
        self.caseload.set_households(kept, when_shown=when_shown and not workshop)
        self.welcome.offer_households(self.caseload_allowed)

    def _unless_work_is_lost(self, go: Callable[[], None]) -> None:
        """`go` once every save is done; but a workshop plan with answers in it is lost by
        opening another: ask first."""
        then = partial(self.autosave.after_saves, go)
        if self.session.mode is Mode.WORKSHOP and self.autosave.unsaved:
            self._ask("vault.discard", then)
        else:
            then()

    def _ask(self, key: str, then: Callable[[], None], question: str = "") -> None:
        """Ask `key.question` (or `question`), `key.yes` on the button that goes on to `then`."""
        question = question or self.words(f"{key}.question")
        self.dialogs.confirm(
            question, self.words(f"{key}.yes"), lambda yes: then() if yes else None
        )

    def open_household(self, household_id: str) -> None:
        """Continue with a saved household: its last saved state, in save mode."""
        if self.locked or not self.vault_open:
            return

        def load() -> None:
            self.vault.call(
                lambda vault: vault.load(household_id),
                lambda plan: self._household_opened(household_id, plan),
                self._load_failed,
            )

        self._unless_work_is_lost(load)

    def _load_failed(self, error: VaultError) -> None:
        if isinstance(error, VaultChanged):
            self._changed_elsewhere(error)
        else:
            self.dialogs.error(error.message(self._language))

    def _household_opened(self, household_id: str, plan: Plan) -> None:
        self.session.mode = Mode.SAVE
        self.session.replace(plan, household_id=household_id)
        self._apply_mode()
        summary = next((s for s in self.households if s.household_id == household_id), None)
        self._set_status("saved", summary.updated_at if summary else None)
        self._show_households()
        self._show_plan()

    def start_new_plan(self) -> None:
        if self.locked:
            return

        def fresh() -> None:
            # A new household starts from the default state, not the last family's.
            self.session.replace(new_plan(language=self._language))
            self._show_households()
            if self.session.mode is Mode.SAVE:
                self._set_status("")
            self._show_plan()

        self._unless_work_is_lost(fresh)

    def duplicate_household(self, household_id: str) -> None:
        """A copy of a saved household as a new one (a relative's family, say), named as a copy;
        the list then shows it chosen."""
        if not self.caseload_allowed:
            return
        language = self._language

        def job(vault: Vault) -> tuple[str, list[HouseholdSummary]]:
            plan = vault.load(household_id)
            name = words_in(language, "caseload.copy_name", name=plan.household.display_name)
            plan.household.display_name = name[:NAME_CHARS]
            return vault.save(plan).household_id, vault.list_households()

        def done(result: tuple[str, list[HouseholdSummary]]) -> None:
            copy_id, self.households = result
            self._show_households()
            self.caseload.select(copy_id)

        self.vault.call(job, done, self._load_failed)

    def delete_household(self, household_id: str) -> None:
        """After asking: the household is deleted and can no longer be read (the vault's key
        changes, see planner.vault). Deleting the one open leaves a blank plan in its place."""
        if not self.caseload_allowed:
            return
        summary = next((s for s in self.households if s.household_id == household_id), None)
        name = (summary.display_name if summary else "") or self.words("vault.list.unnamed")
        question = self.words("caseload.delete_household.question", name=name)

        def deleted(households: list[HouseholdSummary]) -> None:
            self.households = households
            self._show_households()
            self.dialogs.inform(self.words("caseload.delete_household.done"))

        def delete() -> None:
            if self.session.household_id == household_id:
                self.session.replace(new_plan(language=self._language))  # autosave forgets it

            def job(vault: Vault) -> list[HouseholdSummary]:
                vault.delete(household_id)
                return vault.list_households()

            self.vault.call(job, deleted, self._load_failed)

        self._ask("caseload.delete_household", delete, question)

    def export_household(self, household_id: str) -> None:
        """The household in one file under a passphrase of its own (asked twice), to hand it to
        another navigator or keep a backup. The file's offered name is the household's short
        code, never the family's name: a file name is seen by anyone who looks at the folder."""
        if not self.caseload_allowed:
            return
        name = f"household-{short_code(household_id)}{EXPORT_SUFFIX}"

        def chosen(path: str | None) -> None:
            if path and self.caseload_allowed:
                file = Path(path) if Path(path).suffix else Path(path + EXPORT_SUFFIX)
                w = self.words
                reason, detail = w("caseload.export.reason"), w("caseload.export.detail")
                self.dialogs.new_passphrase(reason, detail, partial(protected, file))

        def protected(file: Path, passphrase: str | None) -> None:
            if passphrase is None or not self.caseload_allowed:
                return
            self.vault.call(
                lambda vault: vault.export(household_id, file, passphrase),
                lambda _: self.dialogs.inform(self.words("caseload.export.done", file=str(file))),
                self._load_failed,
            )

        self.dialogs.save_file(self.words("caseload.export.title"), name, chosen)

    def export_reminders(self) -> None:
        """Every review and renew-by date as a calendar file (.ics) for the navigator's work
        calendar. A calendar is seen by others, so each event names the household's short code;
        the households' names go in only if the navigator says so when asked."""
        if not self.caseload_allowed:
            return
        w = self.words

        def chosen(path: str | None) -> None:
            if path and self.caseload_allowed:
                file = Path(path) if Path(path).suffix else Path(path + ".ics")
                question = w("caseload.reminders.names_question")
                yes, no = w("caseload.reminders.names_yes"), w("caseload.reminders.names_no")
                self.dialogs.confirm(question, yes, partial(write, file), no)

        def write(file: Path, names: bool) -> None:
            from planner.output_files import write_aside
            from planner.reminders import calendar

            content = calendar(self.households, names=names, language=w.catalogue_language)
            try:
                write_aside(file, content)
            except OSError:
                self.dialogs.error(w("caseload.reminders.failed", file=str(file)))
                return
            self.dialogs.inform(w("caseload.reminders.done", file=str(file)))

        self.dialogs.save_file(w("caseload.reminders.title"), "reminders.ics", chosen)

    def import_household(self) -> None:
        """A household from an exported file: a new one, or (the same household again) a new
        version of it. A wrong passphrase or a damaged file is said and changes nothing."""
        if not self.caseload_allowed:
            return
        w = self.words

        def chosen(path: str | None) -> None:
            if path and self.caseload_allowed:
                self.dialogs.secret(w("caseload.import.reason"), "", partial(unlocked, Path(path)))

        def unlocked(file: Path, passphrase: str | None) -> None:
            if passphrase and self.caseload_allowed:
                self.autosave.after_saves(partial(self._import, file, passphrase))

        self.dialogs.open_file(w("caseload.import.title"), w("caseload.import.files"), chosen)

    def _import(self, file: Path, passphrase: str) -> None:
        def job(vault: Vault) -> tuple[str, Plan, list[HouseholdSummary]]:
            household_id = vault.import_(file, passphrase).household_id
            return household_id, vault.load(household_id), vault.list_households()

        def done(result: tuple[str, Plan, list[HouseholdSummary]]) -> None:
            household_id, plan, self.households = result
            self._now_saved(household_id, plan)
            self.dialogs.inform(self.words("caseload.import.done"))

        self.vault.call(job, done, self._load_failed)

    def _now_saved(self, household_id: str, plan: Plan) -> None:
        """A household changed by import or restore: listed and chosen, and if it is the one
        open, its plan on screen is the one saved now (else the next autosave would undo it)."""
        if self.session.household_id == household_id:
            self.session.replace(plan, household_id=household_id)
        self._show_households()
        self.caseload.select(household_id)

    def show_history(self, household_id: str) -> None:
        """The household's saved versions, read on the vault thread while the dialog says it is
        looking; choosing one and Restore asks first (see `restore`)."""
        if not self.caseload_allowed or self.history is not None:
            return
        dialog = self.history = HistoryDialog(self.words, self.window)
        dialog.restore_requested.connect(partial(self.restore, household_id))

        def closed() -> None:
            self.history = None
            dialog.deleteLater()

        def failed(error: VaultError) -> None:
            dialog.reject()
            self._load_failed(error)

        dialog.finished.connect(closed)
        dialog.open()
        self.vault.call(lambda vault: vault.history(household_id), self._show_versions, failed)

    def _show_versions(self, revisions: list[Revision]) -> None:
        if self.history is not None:
            self.history.show_revisions(revisions)

    def restore(self, household_id: str, number: int) -> None:
        """After asking: version `number` is saved again as the newest, so the plan as it was
        stays among the versions and nothing is lost."""
        if not self.caseload_allowed or self.history is None:
            return
        at = next((r.saved_at for r in self.history.revisions if r.revision == number), None)
        when = saved_when(self.words, at) if at else str(number)
        question = self.words("caseload.history.question", when=when)

        def job(vault: Vault) -> tuple[Plan, list[Revision], list[HouseholdSummary]]:
            plan = vault.load(household_id, number)
            vault.save(plan, household_id)
            return plan, vault.history(household_id), vault.list_households()

        def done(result: tuple[Plan, list[Revision], list[HouseholdSummary]]) -> None:
            plan, revisions, self.households = result
            self._now_saved(household_id, plan)
            self._show_versions(revisions)
            self.dialogs.inform(self.words("caseload.history.done", when=when))

        def go() -> None:
            if self.caseload_allowed:
                self.vault.call(job, done, self._load_failed)

        self._ask("caseload.history", partial(self.autosave.after_saves, go), question)

    def lock(self) -> None:
        """Hide everything behind the lock screen, save what is pending, then drop the keys."""
        if self.locked or not self.vault_open:
            return
        self._cover()
        self.lock_screen.reset(self.keyring_mode)
        self.lock_screen.setEnabled(False)

        def drop_keys() -> None:
            self.vault_open = False
            self.vault.call(lambda vault: vault.lock(), lambda _: self._keys_dropped())

        self.autosave.after_saves(drop_keys)

    def _cover(self) -> None:
        """The lock screen over everything; the idle timer stops until it is lifted."""
        self.locked = True
        self.dialogs.close_all()
        if self.history is not None:
            self.history.reject()
        shown = self.window.screens.currentWidget()
        if self._detained is not None and shown is self._detained.view:
            self._detained.forget()  # nothing of it stays behind the lock; the list will
            shown = self.caseload
        if shown is not self.lock_screen:
            self._behind_lock = shown or self.window.plan_view
        self.window.screens.setCurrentWidget(self.lock_screen)  # the field typed in is stored
        self.idle.stop()
        self._apply_mode()
        self.locked_changed.emit(True)

    def _changed_elsewhere(self, error: VaultChanged) -> None:
        """Another copy of the program changed how the vault opens (a new passphrase, say): the
        vault has locked itself. The window locks too and asks for the new secret; the plan
        stays in memory, marked unsaved, and is saved once unlocked."""
        self.vault_open = False
        self._set_status("not_saved", error)
        if not self.locked:
            self._cover()
        self.lock_screen.reset(self.keyring_mode)
        self.lock_screen.show_problem(error.message(self._language))

        def shown(keyring: object) -> None:
            self.keyring_mode = bool(keyring)
            if self.locked:  # asks for what opens it now: the PIN or the passphrase
                self.lock_screen.set_pin_mode(self.keyring_mode)

        self.vault.call(lambda vault: vault.mode() is VaultMode.KEYRING, shown, lambda _: None)

    def _keys_dropped(self) -> None:
        self.lock_screen.setEnabled(True)
        self.lock_screen.reset(self.keyring_mode)

    def _unlock(self, secret: str) -> None:
        if not self.locked:
            return
        self.lock_screen.set_busy(True)

        def job(vault: Vault) -> Opened:
            vault.unlock(secret)
            return opened_now(vault)

        self.vault.call(job, self._unlocked, self._unlock_failed)

    def _unlock_failed(self, error: VaultError) -> None:
        self.lock_screen.set_busy(False)
        self.lock_screen.show_problem(error.message(self._language))
        self.lock_screen.secret.setFocus()

    def _unlocked(self, result: Opened) -> None:
        self.locked = False
        self.vault_open = True
        self.households = result.households
        self.lock_screen.reset(self.keyring_mode)
        self.idle.start()
        self._apply_mode()
        self._show_households()
        if self._behind_lock is self.caseload and self.caseload_allowed:
            self.show_caseload()
        else:
            self.window.screens.setCurrentWidget(self.window.plan_view)
            self.window.pages[self.window.current].focusNextChild()
        self.locked_changed.emit(False)
        if self.autosave.unsaved:
            self.autosave.save_now()
        if result.needs_pin:  # the recovery code opened it: the keyring keeps nothing yet
            self.opener.choose_pin(lambda: None)

    def erase(self) -> None:
        if self.session.mode is Mode.WORKSHOP and not self.locked:
            self._ask("vault.erase", self._erase)

    def _erase(self) -> None:
        kept_copy = self.session.household_id is not None
        self._forget_everything()
        self.window.show_section(SectionId.WELCOME)
        done = "vault.erase.done_saved" if kept_copy else "vault.erase.done"
        self.dialogs.inform(self.words(done))

    def _forget_everything(self) -> None:
        """The plan, the documents made from it and the clipboard: gone from memory."""
        self.session.forget()  # every page reloads from the blank plan (see _plan_replaced)
        if self._detained is not None:
            self._detained.forget()
        self.window.packet.forget()  # the files made, and any still being made
        documents = self.window.pages.get_built(SectionId.DOCUMENTS)  # none made if not built
        clear = getattr(documents, "clear", None)  # and what the page showed of them
        if callable(clear):
            clear()
        for mode in QClipboard.Mode:  # Qt ignores a mode the platform lacks (selection, find)
            QApplication.clipboard().clear(mode)

    def _asked_to_close_workshop(self) -> bool:
        """Closing a workshop erases its plan with answers and documents made: say so (and if
        documents were not saved to a folder), and let the family go back instead. True if asked."""
        if self.session.mode is not Mode.WORKSHOP:
            return False
        packet = self.window.packet
        if not (self.autosave.unsaved or packet.files):
            return False
        question = self.words("vault.close_workshop.question")
        if packet.unsaved:
            question += " " + self.words("vault.close_workshop.documents_not_saved")
        self._ask("vault.close_workshop", partial(self._close, forget=True), question)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Closing the window waits for the last save (a second at most), so nothing is lost."""
        if watched is self.window and event.type() == QEvent.Type.Close and not self._stopped:
            focused = QApplication.focusWidget()
            if isinstance(focused, QWidget) and self.window.isAncestorOf(focused):
                focused.clearFocus()  # the field being typed in is stored first
            if self.autosave.pending or self.autosave.timer.isActive():
                self.autosave.after_saves(self._close_window)
            elif not self._asked_to_close_workshop():
                return False
            event.ignore()
            return True
        return False

    def _close_window(self) -> None:
        if self.session.mode is Mode.SAVE and self.autosave.unsaved:
            self._ask("vault.discard", self._close)
        else:
            self._close()

    def _close(self, forget: bool = False) -> None:
        if forget:
            self._forget_everything()
        self.close()
        self.window.close()

    def close(self) -> None:
        """Stop every service; the vault thread locks the vault last. Idempotent."""
        if self._stopped:
            return
        self._stopped = True
        self.idle.stop()
        self.autosave.timer.stop()
        self.dialogs.close_all()
        self.window.removeEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                app.aboutToQuit.disconnect(self.close)
        self.vault.stop()


def start(
    words: Words,
    home: Path | None = None,
    keyring: KeyStore | None = None,
    idle_minutes: float = DEFAULT_IDLE_MINUTES,
    **options: Any,
) -> Controller:
    """Build the window and its services. `home` is the vault's folder (default:
    FAMILY_PLANNER_HOME or the user data folder); `keyring` a KeyStore (default: the OS keyring).
    `options`: `dialogs`, `kdf_cost` (tests only), `save_delay_ms`, `pages`."""
    return Controller(words, home=home, keyring=keyring, idle_minutes=idle_minutes, **options)
