"""Opening the saved plans: quietly with the keyring when it can, otherwise asking the person.

The first time, a new store is made (in the keyring, or under a passphrase when this computer has
no safe place for the key) and its recovery code is shown. A store whose key is missing asks for
the passphrase or recovery code: a new one is never made over an old one.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from planner.keys import RecoveryCode
from planner.vault import Vault
from planner.vault_errors import (
    KeyNotInKeyring,
    KeyringUnavailable,
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
    code: RecoveryCode | None = None
    """Just made: the recovery code to show once."""


@dataclass(frozen=True)
class Closed:
    """Not opened without asking: there is none yet, it needs a passphrase, or the keyring said
    why not."""

    exists: bool
    keyring: bool = False
    why: VaultError | None = None


def probe(vault: Vault) -> Opened | Closed:
    """On the vault thread: open the saved plans if that needs no one's help."""
    if not vault.exists():
        return Closed(exists=False)
    try:
        if vault.mode() is VaultMode.PASSPHRASE:
            vault.lock()
            return Closed(exists=True)
        vault.unlock()
    except (KeyNotInKeyring, KeyringUnavailable) as why:
        vault.lock()
        return Closed(exists=True, keyring=True, why=why)
    except VaultError:
        vault.lock()
        raise
    return Opened(vault.list_households(), keyring=True)


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

    @property
    def _language(self) -> str:
        return self.words.catalogue_language

    def open(self) -> None:
        self.busy = True
        self.vault.call(probe, self._probed, self._failed)

    def _probed(self, result: Opened | Closed) -> None:
        if isinstance(result, Opened):
            self._opened(result)
        elif not result.exists:
            self._create(None)
        elif not result.keyring:
            self._ask(self.words("vault.open.passphrase_mode"), "")
        elif isinstance(result.why, KeyNotInKeyring):
            self._ask(self.words("vault.open.key_missing"), "")
        else:
            problem = result.why.message(self._language) if result.why else ""
            self._ask(self.words("vault.open.keyring_unusable"), problem)

    def _create(self, passphrase: str | None) -> None:
        def job(vault: Vault) -> Opened:
            code = vault.create(passphrase)
            return Opened([], keyring=passphrase is None, code=code)

        self.vault.call(job, self._opened, self._create_failed)

    def _create_failed(self, error: VaultError) -> None:
        if isinstance(error, VaultExists):
            self.open()  # made meanwhile (another window?): open that one, never replace it
        elif isinstance(error, VaultError) and error.key in _ASK_PASSPHRASE:
            # "No keyring at all" is what the first sentence already says; other reasons (a
            # locked keyring, one that keeps plain files, a short passphrase) add something.
            detail = "" if error.key == "keyring_none" else error.message(self._language)
            self.dialogs.new_passphrase(self.words("vault.create.no_keyring"), detail, self._chosen)
        else:
            self._failed(error)

    def _chosen(self, passphrase: str | None) -> None:
        if passphrase is None:
            self._cancel()
        else:
            self._create(passphrase)

    def _ask(self, reason: str, problem: str) -> None:
        self.dialogs.secret(
            reason,
            problem,
            lambda secret: self._cancel() if secret is None else self._try(reason, secret),
        )

    def _try(self, reason: str, secret: str) -> None:
        def job(vault: Vault) -> Opened:
            vault.unlock(secret)
            return Opened(vault.list_households(), keyring=vault.mode() is VaultMode.KEYRING)

        def failed(error: VaultError) -> None:
            if isinstance(error, WrongPassphrase):
                self._ask(reason, error.message(self._language))
            else:
                self._failed(error)

        self.vault.call(job, self._opened, failed)

    def _opened(self, result: Opened) -> None:
        self.busy = False
        self.opened.emit(result)

    def _cancel(self) -> None:
        self.busy = False
        self.closed.emit()

    def _failed(self, error: VaultError) -> None:
        self.dialogs.error(error.message(self._language))
        self._cancel()


_ASK_PASSPHRASE = frozenset(
    {
        "keyring_unavailable",
        "keyring_none",
        "keyring_plaintext",
        "keyring_timeout",
        "keyring_failed",
        "passphrase_too_short",
    }
)
"""Creating failed for want of a safe keyring (or the passphrase was short): ask for one."""
