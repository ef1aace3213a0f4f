"""What can go wrong with the vault, as typed errors whose message tells a person what to do.

Every error carries a message key of the "vault" catalogue (resources/translations/vault.*.toml) and
only harmless parameters: a household's random id, a folder, a number of seconds. `str()` is the
English sentence; `message(language)` gives it in the reader's language. No error ever names a
person, a case number or anything else from inside a plan.
"""

from __future__ import annotations

from planner.i18n import translate

DOMAIN = "vault"


class VaultError(Exception):
    """Base of every vault error: a sentence a person can act on, in their language."""

    key = "unknown"

    def __init__(self, key: str | None = None, **params: object) -> None:
        self.key = key or type(self).key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, language: str = "en") -> str:
        return translate(self.key, language, self.params, domain=DOMAIN)


class VaultMissing(VaultError):
    """No vault file in the folder: nothing to unlock, and nothing is created behind the user."""

    key = "vault_missing"


class VaultExists(VaultError):
    """`create` never writes over a vault, whatever state the keyring is in."""

    key = "vault_exists"


class VaultLocked(VaultError):
    key = "vault_locked"


class PassphraseNeeded(VaultError):
    """The vault is in passphrase mode (or its keyring entry is gone) and no secret was given."""

    key = "passphrase_needed"


class WrongPassphrase(VaultError):
    key = "wrong_passphrase"


class PassphraseTooShort(VaultError):
    key = "passphrase_too_short"


class PinNeeded(VaultError):
    """The keyring holds the vault key wrapped by the navigator PIN, and no PIN was given."""

    key = "pin_needed"


class WrongPin(WrongPassphrase):
    key = "wrong_pin"


class NoPinYet(WrongPassphrase):
    """The keyring holds a bare key, kept before PINs: only the recovery code may set a PIN."""

    key = "no_pin_yet"


class PinTooShort(PassphraseTooShort):
    key = "pin_too_short"


class KeyringUnavailable(VaultError):
    """No trustworthy keyring answered: none, a plaintext one, a locked one, or one that hangs."""

    key = "keyring_unavailable"


class KeyNotInKeyring(VaultError):
    """The keyring answers but has no key for this vault: a new computer or a reinstalled system."""

    key = "key_not_in_keyring"


class VaultChanged(VaultError):
    """Another window or program changed how the vault opens (a new passphrase, say) while this
    one had it open; this one locked itself rather than write under a key that is gone."""

    key = "vault_changed"


class VaultDamaged(VaultError):
    """The header does not check out, so no household can be opened; nothing is changed."""

    key = "vault_damaged"


class HouseholdDamaged(VaultError):
    """One household cannot be decrypted; the others are fine and this one is left as it is."""

    key = "household_damaged"


class HouseholdNotFound(VaultError):
    key = "household_not_found"


class VaultFromNewerVersion(VaultError):
    key = "vault_newer_version"


class DiskFull(VaultError):
    key = "disk_full"


class VaultBusy(VaultError):
    key = "vault_busy"


class VaultReadOnly(VaultError):
    """The vault is on a write-protected disk, or its file or folder is read-only: it opens for
    reading (list, show, export), and nothing is saved."""

    key = "vault_read_only"


class StorageFailed(VaultError):
    """The vault file or folder cannot be read or written (permissions, a removed USB drive)."""

    key = "storage_failed"


class ExportFileInvalid(VaultError):
    key = "export_invalid"
