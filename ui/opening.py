"""Opening the saved plans: never without a secret only the navigator knows.

A workshop may be sitting at this keyboard, on the same computer account, so the keyring alone
never opens anything: the navigator PIN (keyring mode), the passphrase, or the recovery code is
always asked. The first time, the store is made (in the keyring behind a new PIN, or under a
passphrase when this computer has no safe place for the key) once its recovery code was shown and
typed back: a store whose code nobody kept is never made. A store whose key is missing asks for
the recovery code, then a new PIN: a new store is never made over an old one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from planner.keys import RecoveryCode
from planner.vault import Vault
from planner.vault_errors import (
    KeyNotInKeyring,
    KeyringUnavailable,
    NoPinYet,
    PassphraseTooShort,
    PinNeeded,
    VaultError,
    VaultExists,
    WrongPassphrase,
)
from planner.vault_header import Mode as VaultMode
from planner.vault_records import HouseholdSummary
from ui.dialogs import Dialogs
from ui.i18n import Words
from ui.vault_worker import VaultService


@dataclass(frozen=True)
class Opened:
    """The saved plans are unlocked on the vault thread."""

    households: list[HouseholdSummary]
    keyring: bool
    """Opened day to day with the keyring (False: with a passphrase)."""
    needs_pin: bool = False
    """Opened with the recovery code in keyring mode: the keyring keeps nothing until a navigator
    PIN is chosen (`VaultOpener.choose_pin`)."""


def opened_now(vault: Vault) -> Opened:
    """On the vault thread, once unlocked: the households, and whether a PIN is still to choose."""
    keyring = vault.mode() is VaultMode.KEYRING
    return Opened(vault.list_households(), keyring, needs_pin=keyring and not vault.has_pin)


@dataclass(frozen=True)
class Closed:
    """Not opened without asking: there is none yet, it needs a passphrase, or the keyring said
    why not."""

    exists: bool
    keyring: bool = False
    why: VaultError | None = None


def probe(vault: Vault) -> Closed:
    """On the vault thread: how the saved plans open. It never leaves them open, even when the
    keyring alone could open them (a key kept before PINs): that asks for the recovery code."""
    if not vault.exists():
        return Closed(exists=False)
    try:
        if vault.mode() is VaultMode.PASSPHRASE:
            return Closed(exists=True)
        vault.unlock()
    except (PinNeeded, KeyNotInKeyring, KeyringUnavailable) as why:
        return Closed(exists=True, keyring=True, why=why)
    finally:
        vault.lock()
    return Closed(exists=True, keyring=True, why=NoPinYet())


class VaultOpener(QObject):
    """Opens (or first makes) the saved plans, asking what it must; reports `opened` or `closed`."""

    opened = Signal(object)
    """An `Opened`."""
    closed = Signal()
    """Not opened: the person cancelled, or the saved plans cannot be opened (already said why)."""

    def __init__(self, vault: VaultService, dialogs: Dialogs, words: Words) -> None:
        super().__init__()
        self.vault = vault
        self.dialogs = dialogs
        self.words = words
        self.busy = False
        self._kept_code: RecoveryCode | None = None

    @property
    def _language(self) -> str:
        return self.words.catalogue_language

    def open(self) -> None:
        self.busy = True
        self.vault.call(probe, self._probed, self._failed)

    def _probed(self, result: Closed) -> None:
        if not result.exists:
            self.vault.call(lambda vault: vault.check_keyring(), self._new_pin, self._create_failed)
        elif not result.keyring:
            self._ask(self.words("vault.open.passphrase_mode"), "", pin=False)
        elif isinstance(result.why, PinNeeded):
            self._ask(self.words("vault.open.pin"), "", pin=True)
        elif isinstance(result.why, NoPinYet):
            self._ask(self.words("vault.open.no_pin_yet"), "", pin=False)
        elif isinstance(result.why, KeyNotInKeyring):
            self._ask(self.words("vault.open.key_missing"), "", pin=False)
        else:
            problem = result.why.message(self._language) if result.why else ""
            self._ask(self.words("vault.open.keyring_unusable"), problem, pin=False)

    def _new_pin(self, _: object = None) -> None:
        """The keyring works: the key goes there, behind a PIN chosen now."""
        self.dialogs.new_pin(
            self.words("vault.pin.first"),
            lambda pin: self._cancel() if pin is None else self._create(None, pin),
        )

    def _create(self, passphrase: str | None, pin: str | None = None) -> None:
        """Show the new recovery code; once it is typed back, make the store with it. (A code
        already kept in this attempt, before the keyring failed, is used again, not shown anew.)"""
        code = self._kept_code or RecoveryCode.generate()

        def job(vault: Vault) -> Opened:
            vault.create(passphrase, pin=pin, code=code)
            return Opened([], keyring=passphrase is None)

        def kept(yes: bool) -> None:
            if yes:
                self._kept_code = code
                self.vault.call(job, self._opened, self._create_failed)
            else:
                self.dialogs.inform(self.words("vault.recovery.not_made"))
                self._cancel()

        if self._kept_code is not None:
            kept(True)
        else:
            self.dialogs.recovery_code(code, kept)

    def choose_pin(self, then: Callable[[], None]) -> None:
        """After the recovery code opened keyring-mode plans: a new PIN keeps the key in the
        keyring again. Cancelled or refused (the keyring is down), the plans stay open for now
        and the recovery code is asked next time; `then` runs either way."""

        def chosen(pin: str | None) -> None:
            if pin is None:
                then()
                return

            def failed(error: VaultError) -> None:
                self.dialogs.error(error.message(self._language))
                then()

            self.vault.call(lambda vault: vault.set_pin(pin), lambda _: then(), failed)

        self.dialogs.new_pin(self.words("vault.pin.after_recovery"), chosen)

    def _create_failed(self, error: VaultError) -> None:
        if isinstance(error, VaultExists):
            self.open()  # made meanwhile (another window?): open that one, never replace it
        elif isinstance(error, KeyringUnavailable) or error.key == PassphraseTooShort.key:
            # For want of a safe keyring (or a short passphrase), a passphrase: "no keyring at
            # all" is what its first sentence already says, other reasons add something.
            detail = "" if error.key == "keyring_none" else error.message(self._language)
            self.dialogs.new_passphrase(self.words("vault.create.no_keyring"), detail, self._chosen)
        else:
            self._failed(error)

    def _chosen(self, passphrase: str | None) -> None:
        if passphrase is None:
            self._cancel()
        else:
            self._create(passphrase)

    def _ask(self, reason: str, problem: str, *, pin: bool) -> None:
        self.dialogs.secret(
            reason,
            problem,
            lambda secret: self._cancel() if secret is None else self._try(reason, secret, pin),
            pin=pin,
        )

    def _try(self, reason: str, secret: str, pin: bool) -> None:
        def job(vault: Vault) -> Opened:
            vault.unlock(secret)
            return opened_now(vault)

        def failed(error: VaultError) -> None:
            if isinstance(error, WrongPassphrase | KeyNotInKeyring | KeyringUnavailable):
                self._ask(reason, error.message(self._language), pin=pin)
            else:
                self._failed(error)

        self.vault.call(job, self._opened, failed)

    def _opened(self, result: Opened) -> None:
        if result.needs_pin:
            self.choose_pin(lambda: self._done(result))
        else:
            self._done(result)

    def _done(self, result: Opened) -> None:
        self.busy, self._kept_code = False, None
        self.opened.emit(result)

    def _cancel(self) -> None:
        self.busy, self._kept_code = False, None
        self.closed.emit()

    def _failed(self, error: VaultError) -> None:
        self.dialogs.error(error.message(self._language))
        self._cancel()
