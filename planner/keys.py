"""Key material for the vault: AES-GCM sealing, passphrases through Argon2id, and recovery codes.

Only primitives from `cryptography` are used, composed in the few ways the vault needs:
- `seal`/`unseal`: AES-256-GCM with a fresh random 96-bit nonce for every write, and associated
  data (`context`) that binds a ciphertext to where it belongs.
- `KdfParams`/`derive_key`: Argon2id, whose parameters travel with what they protect.
- `RecoveryCode`: 32 characters a family prints; it derives an X25519 key pair, and the vault key is
  sealed to the public half (`seal_to`), so a new vault key can be sealed again without the code.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import unicodedata
from dataclasses import dataclass
from typing import Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES: Final = 32
NONCE_BYTES: Final = 12
SALT_BYTES: Final = 16
_TAG_BYTES: Final = 16
_PUBLIC_BYTES: Final = 32


class CannotOpen(Exception):
    """Wrong key, wrong associated data, or changed bytes: AES-GCM cannot tell which, nor can we."""


def random_key() -> bytes:
    return os.urandom(KEY_BYTES)


def context(*parts: str | bytes | int) -> bytes:
    """Associated data from parts, length-prefixed so that ("ab", "c") and ("a", "bc") differ."""
    out = bytearray()
    for part in parts:
        raw = part if isinstance(part, bytes) else str(part).encode()
        out += len(raw).to_bytes(4, "big") + raw
    return bytes(out)


def seal(cipher: AESGCM, plaintext: bytes, associated: bytes) -> bytes:
    """Nonce followed by ciphertext and tag. The nonce is random for every call: never reused."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + cipher.encrypt(nonce, plaintext, associated)


def unseal(cipher: AESGCM, sealed: bytes, associated: bytes) -> bytes:
    if len(sealed) < NONCE_BYTES + _TAG_BYTES:
        raise CannotOpen
    try:
        return cipher.decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], associated)
    except InvalidTag:
        raise CannotOpen from None


def subkey(key: bytes, purpose: str) -> bytes:
    """A key for one purpose only (e.g. the header's MAC), so one key is never used two ways."""
    return HKDF(hashes.SHA256(), KEY_BYTES, salt=None, info=purpose.encode()).derive(key)


def mac(key: bytes, message: bytes) -> bytes:
    return hmac.new(key, message, hashlib.sha256).digest()


def same(a: bytes, b: bytes) -> bool:
    return hmac.compare_digest(a, b)


# --- passphrases ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class KdfCost:
    """How expensive one passphrase guess is. Memory in KiB, as Argon2 counts it."""

    memory_kib: int
    iterations: int
    lanes: int


PASSPHRASE_COST: Final = KdfCost(memory_kib=64 * 1024, iterations=3, lanes=4)
"""The cost every vault and export is made with: 64 MiB and 3 passes (RFC 9106's second choice)."""

INSECURE_TEST_COST: Final = KdfCost(memory_kib=8, iterations=1, lanes=1)
"""Only for the test suite, so that hundreds of unlocks stay fast. Never a default."""

_MAX_MEMORY_KIB: Final = 256 * 1024
_MAX_ITERATIONS: Final = 10
_MAX_LANES: Final = 8
"""What a vault header or an export file may ask of Argon2id: four times the memory and three
times the passes this program uses (64 MiB, 3 passes, 4 lanes), about a second and a half at
most. A file naming more (say 4 GiB × 64 passes, minutes and gigabytes before "wrong
passphrase") is refused before anything is derived."""
MIN_PASSPHRASE_CHARS: Final = 8


@dataclass(frozen=True)
class KdfParams:
    """Argon2id's cost and salt: stored beside the wrapped key, bound into its associated data."""

    cost: KdfCost
    salt: bytes

    @classmethod
    def new(cls, cost: KdfCost = PASSPHRASE_COST) -> KdfParams:
        return cls(cost, os.urandom(SALT_BYTES))

    def to_json(self) -> str:
        return json.dumps(
            {"algorithm": "argon2id", "memory_kib": self.cost.memory_kib,
             "iterations": self.cost.iterations, "lanes": self.cost.lanes,
             "salt": self.salt.hex()},
            sort_keys=True,
        )  # fmt: skip

    @classmethod
    def from_json(cls, text: str | bytes) -> KdfParams:
        """Parameters read from a file, refused (ValueError) if malformed or absurdly costly."""
        try:
            data = json.loads(text)
            cost = KdfCost(int(data["memory_kib"]), int(data["iterations"]), int(data["lanes"]))
            salt = bytes.fromhex(data["salt"])
            algorithm = data["algorithm"]
        except (ValueError, KeyError, TypeError) as bad:
            raise ValueError("malformed key derivation parameters") from bad
        sane = (
            algorithm == "argon2id"
            and 1 <= cost.lanes <= _MAX_LANES
            and 8 * cost.lanes <= cost.memory_kib <= _MAX_MEMORY_KIB
            and 1 <= cost.iterations <= _MAX_ITERATIONS
            and len(salt) == SALT_BYTES
        )
        if not sane:
            raise ValueError("unsupported key derivation parameters")
        return cls(cost, salt)


def derive_key(passphrase: str, params: KdfParams) -> bytes:
    """The key a passphrase stands for. Unicode is normalised: "é" typed two ways is one "é"."""
    kdf = Argon2id(
        salt=params.salt,
        length=KEY_BYTES,
        iterations=params.cost.iterations,
        lanes=params.cost.lanes,
        memory_cost=params.cost.memory_kib,
    )
    return kdf.derive(unicodedata.normalize("NFC", passphrase).encode())


# --- recovery codes -------------------------------------------------------------------------------

_ALPHABET: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_BODY_CHARS: Final = 30
"""30 random base32 characters: 150 bits, far beyond guessing, so no slow KDF is needed."""
_LOOK_ALIKES: Final = str.maketrans({"0": "O", "1": "I", "8": "B", "9": "G"})


def _check_chars(body: str) -> str:
    """Two characters (10 bits) that catch a mistyped or swapped character before any crypto."""
    value = int.from_bytes(hashlib.sha256(body.encode()).digest()[:2], "big") >> 6
    return _ALPHABET[value >> 5] + _ALPHABET[value & 31]


@dataclass(frozen=True)
class RecoveryCode:
    """The printable code that opens a vault when its keyring entry or passphrase is lost."""

    chars: str

    @classmethod
    def generate(cls) -> RecoveryCode:
        body = "".join(secrets.choice(_ALPHABET) for _ in range(_BODY_CHARS))
        return cls(body + _check_chars(body))

    @classmethod
    def parse(cls, text: str) -> RecoveryCode:
        """A code as a person types it: any case, spaces or dashes, 0/1/8 for O/I/B.

        Raises ValueError if it is not a code or has a typo (its check characters disagree)."""
        chars = "".join(c for c in text.upper() if c not in " -\t\n").translate(_LOOK_ALIKES)
        if len(chars) != _BODY_CHARS + 2 or any(c not in _ALPHABET for c in chars):
            raise ValueError("not a recovery code")
        if chars[_BODY_CHARS:] != _check_chars(chars[:_BODY_CHARS]):
            raise ValueError("recovery code has a typo")
        return cls(chars)

    @classmethod
    def looks_like(cls, text: str) -> bool:
        try:
            cls.parse(text)
        except ValueError:
            return False
        return True

    def ends_with(self, typed: str) -> bool:
        """Whether `typed` is the code's last group of four, as a person types it (any case,
        spaces, 0/1/8 for O/I/B): how the window checks that the code was kept."""
        chars = "".join(c for c in typed.upper() if c not in " -\t\n").translate(_LOOK_ALIKES)
        return len(chars) == 4 and chars == self.chars[-4:]

    def __str__(self) -> str:
        return "-".join(self.chars[i : i + 4] for i in range(0, len(self.chars), 4))

    def __repr__(self) -> str:
        return "RecoveryCode(…)"

    def private_key(self, vault_id: str) -> X25519PrivateKey:
        seed = HKDF(
            hashes.SHA256(), KEY_BYTES, salt=vault_id.encode(), info=b"family-planner recovery"
        ).derive(self.chars.encode())
        return X25519PrivateKey.from_private_bytes(seed)

    def public_key(self, vault_id: str) -> bytes:
        return self.private_key(vault_id).public_key().public_bytes_raw()


def _sealing_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> AESGCM:
    key = HKDF(
        hashes.SHA256(), KEY_BYTES, salt=ephemeral + recipient, info=b"family-planner seal"
    ).derive(shared)
    return AESGCM(key)


def seal_to(recipient: bytes, secret: bytes, associated: bytes) -> bytes:
    """Encrypt `secret` so that only the holder of the recipient's private key can open it."""
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    return ephemeral_public + seal(
        _sealing_key(shared, ephemeral_public, recipient), secret, associated
    )


def open_sealed(private: X25519PrivateKey, sealed: bytes, associated: bytes) -> bytes:
    ephemeral_public = sealed[:_PUBLIC_BYTES]
    if len(ephemeral_public) != _PUBLIC_BYTES:
        raise CannotOpen
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    except ValueError:
        raise CannotOpen from None
    recipient = private.public_key().public_bytes_raw()
    return unseal(
        _sealing_key(shared, ephemeral_public, recipient), sealed[_PUBLIC_BYTES:], associated
    )
