"""Key material: the Argon2id defaults, sealing with associated data, and recovery codes."""

from __future__ import annotations

import inspect
import os

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from planner import vault_export
from planner.keys import (
    INSECURE_TEST_COST,
    NONCE_BYTES,
    PASSPHRASE_COST,
    SALT_BYTES,
    CannotOpen,
    KdfCost,
    KdfParams,
    RecoveryCode,
    context,
    derive_key,
    open_sealed,
    random_key,
    seal,
    seal_to,
    unseal,
)
from planner.vault import Vault


def test_production_passphrase_cost_meets_the_design() -> None:
    assert PASSPHRASE_COST.memory_kib >= 64 * 1024
    assert PASSPHRASE_COST.iterations >= 3
    assert KdfParams.new().cost == PASSPHRASE_COST
    assert len(KdfParams.new().salt) == SALT_BYTES == 16
    assert inspect.signature(Vault).parameters["kdf_cost"].default is PASSPHRASE_COST
    # The cheap cost exists for tests only and is never anyone's default.
    assert INSECURE_TEST_COST != PASSPHRASE_COST
    assert "INSECURE_TEST_COST" not in inspect.getsource(vault_export)


def test_every_seal_uses_a_fresh_nonce() -> None:
    cipher = AESGCM(random_key())
    nonces = {seal(cipher, b"same", b"ctx")[:NONCE_BYTES] for _ in range(200)}
    assert len(nonces) == 200


def test_sealed_data_opens_only_in_its_own_context() -> None:
    cipher = AESGCM(random_key())
    sealed = seal(cipher, b"plan", context("plan", "house-1", 3))
    assert unseal(cipher, sealed, context("plan", "house-1", 3)) == b"plan"
    for wrong in (context("plan", "house-2", 3), context("plan", "house-1", 2)):
        with pytest.raises(CannotOpen):
            unseal(cipher, sealed, wrong)
    with pytest.raises(CannotOpen):
        unseal(AESGCM(random_key()), sealed, context("plan", "house-1", 3))


def test_context_parts_cannot_run_into_each_other() -> None:
    assert context("ab", "c") != context("a", "bc")
    assert context(1, 23) != context(12, 3)


def test_kdf_parameters_are_part_of_what_they_protect() -> None:
    params = KdfParams.new(INSECURE_TEST_COST)
    again = KdfParams.from_json(params.to_json())
    assert again == params
    assert derive_key("passphrase one", params) == derive_key("passphrase one", again)
    cheaper = KdfParams(KdfCost(16, 1, 1), params.salt)
    assert derive_key("passphrase one", cheaper) != derive_key("passphrase one", params)


def test_passphrases_are_compared_after_unicode_normalisation() -> None:
    params = KdfParams.new(INSECURE_TEST_COST)
    assert derive_key("contrase\u00f1a", params) == derive_key("contrasen\u0303a", params)


@pytest.mark.parametrize(
    "text",
    [
        '{"algorithm": "scrypt", "memory_kib": 8, "iterations": 1, "lanes": 1, "salt": "00"}',
        '{"algorithm": "argon2id", "memory_kib": 99999999999, "iterations": 1, "lanes": 1,'
        ' "salt": "00000000000000000000000000000000"}',
        '{"algorithm": "argon2id"}',
        "not json",
    ],
)
def test_absurd_or_broken_kdf_parameters_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="parameters"):
        KdfParams.from_json(text)


def test_recovery_codes_are_printable_and_forgive_how_people_type_them() -> None:
    code = RecoveryCode.generate()
    printed = str(code)
    assert len(printed.replace("-", "")) == 32
    assert RecoveryCode.parse(printed) == code
    assert RecoveryCode.parse(printed.lower().replace("-", " ")) == code
    assert RecoveryCode.parse(printed.replace("O", "0").replace("I", "1")) == code
    assert repr(code) == "RecoveryCode(…)"


def test_a_mistyped_recovery_code_is_caught_by_its_check_characters() -> None:
    code = RecoveryCode.generate().chars
    typos = 0
    for position in range(30):
        replacement = "A" if code[position] != "A" else "B"
        typo = code[:position] + replacement + code[position + 1 :]
        typos += not RecoveryCode.looks_like(typo)
    assert typos >= 28  # 10 check bits: one typo in a thousand slips through
    assert not RecoveryCode.looks_like("correct horse battery staple")


def test_a_secret_sealed_to_the_recovery_code_opens_with_the_code_only() -> None:
    code, other = RecoveryCode.generate(), RecoveryCode.generate()
    secret = os.urandom(32)
    sealed = seal_to(code.public_key("vault-1"), secret, b"ctx")
    assert open_sealed(code.private_key("vault-1"), sealed, b"ctx") == secret
    for private, ctx in (
        (other.private_key("vault-1"), b"ctx"),
        (code.private_key("vault-2"), b"ctx"),
        (code.private_key("vault-1"), b"other"),
    ):
        with pytest.raises(CannotOpen):
            open_sealed(private, sealed, ctx)
