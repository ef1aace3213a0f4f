"""The navigator PIN: what the keyring keeps is the vault key wrapped by it, never the key alone.

In keyring mode anyone who can use the logged-in account can read the keyring. On a laptop that is
also used for workshops, that would let a parent at the keyboard open every saved household. So
the keyring entry holds the vault key sealed (AES-256-GCM) under an Argon2id key derived from a PIN
only the navigator knows: opening needs both the keyring (this account, this computer) and the PIN.

The entry describes itself, so the header does not change and an old entry is still understood:
    b"PIN1" + length of the KDF parameters (2 bytes) + the parameters (JSON) + the sealed key
An entry of exactly 32 bytes is a vault key kept before PINs existed; it opens without a PIN and
the window asks for the recovery code and a new PIN before it shows anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from planner.keys import KEY_BYTES, KdfParams, context, derive_key, seal, unseal
from planner.vault_errors import PinTooShort

MIN_PIN_CHARS: Final = 6
"""Six characters: a PIN a navigator can type at every unlock. Argon2id makes each guess cost a
fraction of a second, which holds off a person at the keyboard for days, not for ever (README)."""

_MAGIC: Final = b"PIN1"
_LENGTH_BYTES: Final = 2


def check_new_pin(pin: str) -> None:
    if len(pin.strip()) < MIN_PIN_CHARS:
        raise PinTooShort(minimum=MIN_PIN_CHARS)


@dataclass(frozen=True)
class Pin:
    """A PIN as the vault holds it while unlocked: its parameters and the key they derive (the
    PIN itself is not kept), so a rotated vault key can be wrapped again without asking."""

    kdf: KdfParams
    key: bytes

    @classmethod
    def new(cls, pin: str, kdf: KdfParams) -> Pin:
        return cls(kdf, derive_key(pin, kdf))


@dataclass(frozen=True)
class PinWrapped:
    """A keyring entry that needs the PIN: the parameters to derive its key, and the sealed key."""

    kdf: KdfParams
    sealed: bytes


def _context(vault_id: str, key_id: str, kdf: KdfParams) -> bytes:
    return context("vault-key/pin", vault_id, key_id, kdf.to_json())


def wrap(pin: Pin, vault_key: bytes, vault_id: str, key_id: str) -> bytes:
    """The keyring entry for this vault key under this PIN."""
    parameters = pin.kdf.to_json().encode()
    sealed = seal(AESGCM(pin.key), vault_key, _context(vault_id, key_id, pin.kdf))
    return _MAGIC + len(parameters).to_bytes(_LENGTH_BYTES, "big") + parameters + sealed


def read_entry(entry: bytes) -> PinWrapped | None:
    """What a keyring entry holds: a PIN-wrapped key, or None for a bare key kept before PINs.

    Raises ValueError for anything else (a damaged or foreign entry)."""
    if len(entry) == KEY_BYTES and not entry.startswith(_MAGIC):
        return None
    if not entry.startswith(_MAGIC):
        raise ValueError("not a vault key entry")
    start = len(_MAGIC) + _LENGTH_BYTES
    length = int.from_bytes(entry[len(_MAGIC) : start], "big")
    kdf = KdfParams.from_json(entry[start : start + length])
    return PinWrapped(kdf, entry[start + length :])


def unwrap(pin: Pin, wrapped: PinWrapped, vault_id: str, key_id: str) -> bytes:
    """The vault key, or `CannotOpen` (a wrong PIN, or a PIN for other parameters)."""
    return unseal(AESGCM(pin.key), wrapped.sealed, _context(vault_id, key_id, wrapped.kdf))
