"""Every vault message a person can meet exists in English and Spanish, and keeps its promises."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner import vault_errors
from planner.i18n import SUPPORTED_LANGUAGES, catalogue
from planner.vault_errors import DOMAIN, VaultError

PLANNER = Path(__file__).resolve().parents[2] / "planner"
TRANSLATIONS = PLANNER.parent / "resources" / "translations"
VAULT_MODULES = [*PLANNER.glob("vault*.py"), PLANNER / "keyring_store.py"]
# A message key is the first argument of an error class, `_text`, a prompt or `UsageProblem`.
KEY_ARGUMENT = re.compile(r"""(?:\b[A-Z]\w+|_text|read|new_passphrase)\(\s*["']([a-z_]+)["']""")
# … or a literal with a message prefix, chosen before it is passed on (`mode_key = "cli_…"`).
KEY_LITERAL = re.compile(r"""["']((?:cli|keyring)_[a-z_]+)["']""")


def used_keys() -> set[str]:
    keys = {
        error.key
        for error in vars(vault_errors).values()
        if isinstance(error, type) and issubclass(error, VaultError)
    }
    for module in VAULT_MODULES:
        source = module.read_text(encoding="utf-8")
        keys |= set(KEY_ARGUMENT.findall(source)) | set(KEY_LITERAL.findall(source))
    return keys


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_key_the_vault_uses_has_a_message(language: str) -> None:
    keys = used_keys()
    assert {"keyring_plaintext", "cli_created_keyring", "cli_deleted", "wrong_passphrase"} <= keys
    assert sorted(keys - set(catalogue(DOMAIN, language))) == []


def test_deleted_means_can_no_longer_be_read_never_overwritten() -> None:
    """In every catalogue a person reads (the window's too), not only the vault's."""
    domains = {path.name.split(".")[0] for path in TRANSLATIONS.glob("*.toml")}
    assert {DOMAIN, "ui_vault"} <= domains
    for domain in sorted(domains):
        for language in SUPPORTED_LANGUAGES:
            for key, text in catalogue(domain, language).items():
                assert "overwritten" not in text.lower(), (domain, key)
                assert "sobrescrit" not in text.lower(), (domain, key)
    assert "can no longer be read" in catalogue(DOMAIN, "en")["cli_deleted"]
    assert "ya no se puede leer" in catalogue(DOMAIN, "es")["cli_deleted"]


def test_error_messages_carry_only_harmless_parameters() -> None:
    error = vault_errors.HouseholdDamaged(household="3f2a9c01b2d4")
    assert str(error).startswith("Household 3f2a9c01b2d4 is damaged")
    assert error.message("es").startswith("El hogar 3f2a9c01b2d4 está dañado")
