"""Keyring backends that misbehave like real ones do, for the keyring tests.

`HangingKeyring` never answers, like a Secret Service waiting on an unlock prompt nobody sees. It
is importable by name, so a child process can be given it through PYTHON_KEYRING_BACKEND.
"""

from __future__ import annotations

import threading

from keyring.backend import KeyringBackend


class HangingKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def _hang(self) -> None:
        threading.Event().wait()

    def get_password(self, service: str, username: str) -> str | None:
        self._hang()
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        self._hang()

    def delete_password(self, service: str, username: str) -> None:
        self._hang()


class PlaintextKeyring(KeyringBackend):
    """Stands in for keyrings.alt's file backend (not installed here): refused by where it lives."""

    priority = 1  # type: ignore[assignment]
    stored: dict[tuple[str, str], str]

    def __init__(self) -> None:
        super().__init__()
        self.stored = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.stored.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.stored[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.stored.pop((service, username), None)


PlaintextKeyring.__module__ = "keyrings.alt.file"
