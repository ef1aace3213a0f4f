"""The vault's plaintext header: format version, KDF parameters and wrapped keys — and nothing else.

It also says which households the vault holds, at which revision, and how many times it was
written: so a household row removed, added, or put back to an older copy by someone with write
access to the file is reported as damage (that household only), since only the holder of the
vault key can vouch for the list.

Two checks guard it. A SHA-256 digest over every row is checked on opening, before any key is
asked for, so a changed byte is reported as damage instead of as a wrong passphrase. An HMAC under
the vault key is checked after unlocking, so nobody can swap in their own recovery public key (and
receive the next vault key) by rewriting the digest too. The KDF parameters are also bound into the
passphrase wrap's associated data: weakened parameters simply fail to unwrap.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Final

from planner.keys import KdfParams, context, mac, same, subkey
from planner.vault_errors import VaultDamaged, VaultFromNewerVersion

FORMAT_VERSION: Final = 1
_MAC, _DIGEST = "header_mac", "header_digest"


class Mode(StrEnum):
    """What unlocks the vault day to day. The recovery code opens it in either mode."""

    KEYRING = "keyring"
    PASSPHRASE = "passphrase"  # noqa: S105 -- the name of a mode, not a secret


def _canonical(rows: Mapping[str, bytes]) -> bytes:
    return context(*(part for name in sorted(rows) for part in (name, rows[name])))


@dataclass(frozen=True)
class Header:
    vault_id: str
    key_id: str
    """Names the current vault key; a rotation gives the new key a new id (and keyring entry)."""
    mode: Mode
    recovery_public_key: bytes
    recovery_sealed_key: bytes
    kdf: KdfParams | None = None
    passphrase_wrapped_key: bytes | None = None
    retired_key_ids: tuple[str, ...] = ()
    """Old vault keys whose keyring entries still have to be destroyed (a crash came between)."""
    households: Mapping[str, int] | None = field(default=None, compare=False)
    """Each household's id and current revision (None: a vault from before the list was kept;
    the next write starts it). Not compared: another window's save changes it, not the keys."""
    writes: int = field(default=0, compare=False)
    """How many times the vault was written: it only grows."""
    format_version: int = FORMAT_VERSION
    mac: bytes = field(default=b"", compare=False)

    @property
    def keyring_entry(self) -> str:
        return keyring_entry(self.vault_id, self.key_id)

    def passphrase_context(self) -> bytes:
        assert self.kdf is not None
        return context(
            "vault-key/passphrase", self.vault_id, self.key_id, self.format_version,
            self.kdf.to_json(),
        )  # fmt: skip

    def recovery_context(self) -> bytes:
        return context(
            "vault-key/recovery", self.vault_id, self.key_id, self.format_version,
            self.recovery_public_key,
        )  # fmt: skip

    def _rows(self) -> dict[str, bytes]:
        rows = {
            "format_version": str(self.format_version).encode(),
            "vault_id": self.vault_id.encode(),
            "key_id": self.key_id.encode(),
            "mode": self.mode.value.encode(),
            "recovery_public_key": self.recovery_public_key,
            "recovery_sealed_key": self.recovery_sealed_key,
            "retired_key_ids": json.dumps(list(self.retired_key_ids)).encode(),
        }
        if self.kdf is not None:
            rows["kdf"] = self.kdf.to_json().encode()
        if self.passphrase_wrapped_key is not None:
            rows["passphrase_wrapped_key"] = self.passphrase_wrapped_key
        if self.households is not None:
            rows["households"] = json.dumps(dict(self.households), sort_keys=True).encode()
            rows["writes"] = str(self.writes).encode()
        return rows

    def signed_rows(self, vault_key: bytes) -> dict[str, bytes]:
        """The rows to store: the fields, their MAC under the vault key, and the digest of all."""
        rows = self._rows()
        rows[_MAC] = mac(subkey(vault_key, "header mac"), _canonical(rows))
        rows[_DIGEST] = hashlib.sha256(_canonical(rows)).digest()
        return rows

    def verify(self, vault_key: bytes) -> None:
        """`VaultDamaged` unless the header was written by someone holding this vault key."""
        expected = mac(subkey(vault_key, "header mac"), _canonical(self._rows()))
        if not same(expected, self.mac):
            raise VaultDamaged

    def changed(self, **changes: object) -> Header:
        return replace(self, **changes)  # type: ignore[arg-type]

    @classmethod
    def from_rows(cls, rows: Mapping[str, bytes]) -> Header:
        """The header as stored, or `VaultDamaged` / `VaultFromNewerVersion` (checked first only
        when the digest fails: a newer format may checksum differently)."""
        rows = dict(rows)
        digest = rows.pop(_DIGEST, b"")
        intact = same(hashlib.sha256(_canonical(rows)).digest(), digest)
        version = _version(rows.get("format_version", b""))
        if version is not None and version > FORMAT_VERSION:
            raise VaultFromNewerVersion(found=version, supported=FORMAT_VERSION)
        if not intact or version is None:
            raise VaultDamaged
        try:
            kdf = rows.get("kdf")
            retired = json.loads(rows["retired_key_ids"])
            listed = rows.get("households")
            households = None if listed is None else _revisions(json.loads(listed))
            header = cls(
                vault_id=rows["vault_id"].decode(),
                key_id=rows["key_id"].decode(),
                mode=Mode(rows["mode"].decode()),
                recovery_public_key=rows["recovery_public_key"],
                recovery_sealed_key=rows["recovery_sealed_key"],
                kdf=KdfParams.from_json(kdf) if kdf is not None else None,
                passphrase_wrapped_key=rows.get("passphrase_wrapped_key"),
                retired_key_ids=tuple(str(key_id) for key_id in retired),
                households=households,
                writes=int(rows.get("writes", b"0")),
                format_version=version,
                mac=rows[_MAC],
            )
        except (KeyError, ValueError, TypeError):
            raise VaultDamaged from None
        if header.mode is Mode.PASSPHRASE and header.passphrase_wrapped_key is None:
            raise VaultDamaged
        return header


def _revisions(listed: object) -> dict[str, int]:
    if not isinstance(listed, dict):
        raise ValueError("the list of households is not a mapping")
    return {str(household): int(revision) for household, revision in listed.items()}


def _version(raw: bytes) -> int | None:
    try:
        return int(raw.decode("ascii"))
    except ValueError:
        return None


def keyring_entry(vault_id: str, key_id: str) -> str:
    """The keyring's name for one vault key: one entry a key, so a rotation can be crash-safe."""
    return f"vault-{vault_id}-key-{key_id}"
