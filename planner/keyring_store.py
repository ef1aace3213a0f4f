"""The OS keyring behind a small interface: a time limit on each call, and no plaintext backends.

A locked Secret Service can block a call forever, so each call runs in a daemon worker thread and
is abandoned after `timeout` seconds; once one call hangs, the store answers "unavailable" at once
instead of hanging again. Backends that keep secrets in plain files (keyrings.alt) or keep nothing
(`null`, `fail`) are refused with the reason, so the vault falls back to a passphrase — never to
plaintext. The vault is given a `KeyStore`; tests give it a real or a hanging one.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Final, Protocol, TypeVar

from planner.vault_errors import KeyringUnavailable

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE: Final = "family-planner"
DEFAULT_TIMEOUT = 5.0
"""Seconds a keyring call may take, for a store made without a `timeout` (as `Vault()` makes
its own). Read when the store is made, so a test can shorten it instead of waiting 5 s."""

_NO_KEYRING: Final = {"keyring.backends.fail.Keyring", "keyring.backends.null.Keyring"}
_PLAINTEXT_MODULES: Final = ("keyrings.alt.",)
"""keyrings.alt keeps secrets in files: plain, or "encrypted" behind a prompt on the terminal."""

T = TypeVar("T")


class KeyStore(Protocol):
    """Where the vault key lives between sessions. Every method may raise `KeyringUnavailable`."""

    def get(self, name: str) -> bytes | None: ...

    def set(self, name: str, secret: bytes) -> None: ...

    def delete(self, name: str) -> None:
        """Forget the secret; a name that holds nothing is not an error."""


def _class_name(backend: object) -> str:
    kind = type(backend)
    return f"{kind.__module__}.{kind.__qualname__}"


def refusal(backend: KeyringBackend) -> str | None:
    """Why this backend cannot hold a vault key (a message key), or None if it can."""
    name = _class_name(backend)
    if name in _NO_KEYRING:
        return "keyring_none"
    if name.startswith(_PLAINTEXT_MODULES):
        return "keyring_plaintext"
    return None


def _trustworthy(backend: KeyringBackend) -> KeyringBackend:
    """The backend itself, or for a chain the best trustworthy member: a chain would fall through
    to whatever comes next, plaintext files included, when its first member fails."""
    members = getattr(backend, "backends", None)
    if isinstance(members, list) and members:
        allowed = [member for member in members if refusal(member) is None]
        if not allowed:
            raise KeyringUnavailable(refusal(members[0]) or "keyring_none")
        best: KeyringBackend = max(allowed, key=lambda member: member.priority)
        return best
    reason = refusal(backend)
    if reason is not None:
        raise KeyringUnavailable(reason)
    return backend


class SystemKeyStore:
    """The OS keyring (Secret Service, macOS Keychain, Windows Credential Locker) with a timeout.

    Args:
        backend: a keyring backend; by default the one `keyring` chooses, resolved in the worker
            too, since choosing one already talks to D-Bus.
        timeout: seconds each call may take before it is abandoned; by default
            `DEFAULT_TIMEOUT`.
    """

    def __init__(self, backend: KeyringBackend | None = None, timeout: float | None = None):
        self._backend = backend
        self._timeout = DEFAULT_TIMEOUT if timeout is None else timeout
        self._hung = False

    def _call(self, work: Callable[[KeyringBackend], T]) -> T:
        if self._hung:
            raise KeyringUnavailable("keyring_timeout", seconds=round(self._timeout))
        outcome: list[T] = []
        failure: list[BaseException] = []

        def run() -> None:
            try:
                # Imported here, on the worker, the first time a key is needed: `keyring` and its
                # backends take about 50 ms, which the window's start need not pay.
                import keyring

                backend = _trustworthy(self._backend or keyring.get_keyring())
                outcome.append(work(backend))
            except BaseException as error:  # carried back to the caller's thread
                failure.append(error)

        worker = threading.Thread(target=run, name="keyring-call", daemon=True)
        worker.start()
        worker.join(self._timeout)
        if worker.is_alive():
            self._hung = True
            raise KeyringUnavailable("keyring_timeout", seconds=round(self._timeout))
        if failure:
            error = failure[0]
            if isinstance(error, KeyringUnavailable):
                raise error
            # The backend's own message may quote D-Bus details; the user needs the next step.
            raise KeyringUnavailable("keyring_failed", kind=type(error).__name__) from None
        return outcome[0]

    def get(self, name: str) -> bytes | None:
        text = self._call(lambda backend: backend.get_password(SERVICE, name))
        if text is None:
            return None
        try:
            return base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            return None

    def set(self, name: str, secret: bytes) -> None:
        encoded = base64.b64encode(secret).decode("ascii")
        self._call(lambda backend: backend.set_password(SERVICE, name, encoded))

    def delete(self, name: str) -> None:
        def forget(backend: KeyringBackend) -> None:
            from keyring.errors import PasswordDeleteError

            with contextlib.suppress(PasswordDeleteError):  # nothing there: already forgotten
                backend.delete_password(SERVICE, name)

        self._call(forget)

    def describe(self) -> str:
        """The backend's class name, for `planner vault` to say which keyring holds the key."""
        return self._call(lambda backend: _class_name(backend))
