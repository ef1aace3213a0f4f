"""The OS keyring as the vault sees it: real Secret Service, refused backends, a hanging one."""

from __future__ import annotations

import time
from typing import ClassVar

import keyring.backends.fail
import keyring.backends.null
import pytest
from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend
from keyring.backends.SecretService import Keyring as SecretServiceKeyring

from planner import keyring_store
from planner.keyring_store import SERVICE, SystemKeyStore
from planner.vault_errors import KeyringUnavailable
from tests.planner.hanging_keyring import HangingKeyring, PlaintextKeyring


def test_a_real_secret_service_keeps_gets_and_forgets_a_key(
    secret_service_bus: dict[str, str],
) -> None:
    store = SystemKeyStore(SecretServiceKeyring())
    assert store.get("vault-test-key-1") is None
    store.set("vault-test-key-1", b"\x00\x01 thirty-two bytes of key ......")
    assert store.get("vault-test-key-1") == b"\x00\x01 thirty-two bytes of key ......"
    assert SecretServiceKeyring().get_password(SERVICE, "vault-test-key-1") is not None
    store.delete("vault-test-key-1")
    store.delete("vault-test-key-1")  # forgetting twice is not an error
    assert store.get("vault-test-key-1") is None
    assert "SecretService" in store.describe()


def chain_of(*members: KeyringBackend) -> ChainerBackend:
    """keyring's chain, over the given backends instead of every one installed."""

    class Chain(ChainerBackend):
        backends: ClassVar[list[KeyringBackend]] = list(members)  # type: ignore[misc]

    return Chain()


@pytest.mark.parametrize(
    ("backend", "reason"),
    [
        (keyring.backends.fail.Keyring(), "keyring_none"),
        (keyring.backends.null.Keyring(), "keyring_none"),
        (PlaintextKeyring(), "keyring_plaintext"),
        (chain_of(PlaintextKeyring()), "keyring_plaintext"),
    ],
)
def test_backends_that_keep_nothing_or_plain_files_are_refused_with_the_reason(
    backend: object, reason: str
) -> None:
    store = SystemKeyStore(backend)  # type: ignore[arg-type]
    with pytest.raises(KeyringUnavailable) as refused:
        store.set("vault-x-key-y", b"secret")
    assert refused.value.key == reason
    if reason == "keyring_plaintext":
        assert "plain file" in str(refused.value)
        assert "archivo sin cifrar" in refused.value.message("es")


def test_a_chain_uses_its_trustworthy_member_and_never_the_plaintext_one(
    secret_service_bus: dict[str, str],
) -> None:
    plaintext = PlaintextKeyring()
    store = SystemKeyStore(chain_of(plaintext, SecretServiceKeyring()))
    store.set("vault-chain-key-1", b"key")
    assert plaintext.stored == {}
    assert store.get("vault-chain-key-1") == b"key"
    store.delete("vault-chain-key-1")


SHORT_TIMEOUT = 1.0
"""Stands in for the production timeout, so the test waits one second, not five."""


def test_a_hanging_keyring_is_given_up_on_after_the_timeout_and_not_waited_for_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert keyring_store.DEFAULT_TIMEOUT == 5.0, "the production timeout DESIGN.md states"
    monkeypatch.setattr(keyring_store, "DEFAULT_TIMEOUT", SHORT_TIMEOUT)
    store = SystemKeyStore(HangingKeyring())  # as `Vault()` makes it: the default timeout
    started = time.monotonic()
    with pytest.raises(KeyringUnavailable) as hung:
        store.get("vault-x-key-y")
    assert time.monotonic() - started < SHORT_TIMEOUT + 1
    assert hung.value.key == "keyring_timeout"
    assert "did not answer within 1 seconds" in str(hung.value)
    started = time.monotonic()
    with pytest.raises(KeyringUnavailable):
        store.set("vault-x-key-y", b"key")
    assert time.monotonic() - started < 0.5


def test_a_keyring_that_raises_becomes_keyring_unavailable_without_its_details() -> None:
    class Broken(HangingKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown: /home/someone")

    with pytest.raises(KeyringUnavailable) as failed:
        SystemKeyStore(Broken(), timeout=1).get("vault-x-key-y")
    assert "someone" not in str(failed.value)
    assert "RuntimeError" in str(failed.value)
