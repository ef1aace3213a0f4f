"""One household in one file, under a passphrase: to hand a family's plan over, or to back it up.

The file is JSON: a versioned header (format name, version, Argon2id parameters) and the AES-GCM
ciphertext of the household id, the plan and, while a parent is detained, the household's
detention log (planner.detained), so a family's checklist moves with them to another laptop. An
older program reading a file with a log takes the plan and leaves the log aside. The header is
the ciphertext's associated data, so a changed parameter or version does not decrypt. The file
is written beside its final name and renamed into place: a crash leaves the old file or the new
one, never half of one.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Final, NamedTuple

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from planner.detained import Detention
from planner.files import NotRegular, TooLarge, read_regular
from planner.keys import CannotOpen, KdfCost, KdfParams, context, derive_key, seal, unseal
from planner.model import Plan
from planner.plan_file import PlanFileError, plan_from_json, plan_to_json
from planner.vault_errors import ExportFileInvalid, StorageFailed, WrongPassphrase

EXPORT_FORMAT: Final = "family-planner-household"
EXPORT_VERSION: Final = 1
MAX_EXPORT_BYTES: Final = 8_000_000
"""A plan is at most 5 MB (plan_file.MAX_FILE_BYTES); encrypted and in base64, under 8 MB."""


def _associated(head: dict[str, Any]) -> bytes:
    return context("export", json.dumps(head, sort_keys=True, separators=(",", ":")))


def _write_atomically(path: Path, data: bytes) -> None:
    try:
        handle, draft = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as error:
        raise StorageFailed(reason=type(error).__name__) from None
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        Path(draft).replace(path)
    except OSError as error:
        Path(draft).unlink(missing_ok=True)
        raise StorageFailed(reason=type(error).__name__) from None


class Exported(NamedTuple):
    """What an export file holds."""

    household_id: str
    plan: Plan
    detention: Detention | None = None


def write_export(path: Path, exported: Exported, passphrase: str, cost: KdfCost) -> None:
    kdf = KdfParams.new(cost)
    head = {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "kdf": json.loads(kdf.to_json())}
    content: dict[str, Any] = {
        "household_id": exported.household_id,
        "plan": json.loads(plan_to_json(exported.plan)),
    }
    if exported.detention is not None:
        content["detention"] = json.loads(exported.detention.model_dump_json())
    body = json.dumps(content, ensure_ascii=False).encode()
    sealed = seal(AESGCM(derive_key(passphrase, kdf)), body, _associated(head))
    document = {**head, "ciphertext": base64.b64encode(sealed).decode("ascii")}
    _write_atomically(path, (json.dumps(document, indent=2) + "\n").encode())


def read_export(path: Path, passphrase: str) -> Exported:
    """The household id, plan and detention log in an export file; typed errors for anything
    else (a log that does not read makes the whole file invalid: nothing is taken half)."""
    try:
        document = json.loads(read_regular(path, MAX_EXPORT_BYTES))
    except NotRegular:
        raise ExportFileInvalid("export_not_a_file") from None
    except TooLarge:
        raise ExportFileInvalid(
            "export_too_large", megabytes=MAX_EXPORT_BYTES // 1_000_000
        ) from None
    except OSError:
        raise ExportFileInvalid("export_unreadable") from None
    except (ValueError, RecursionError):
        raise ExportFileInvalid from None
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise ExportFileInvalid
    version = document.get("version")
    if not isinstance(version, int):
        raise ExportFileInvalid
    if version > EXPORT_VERSION:
        raise ExportFileInvalid("export_newer_version", found=version, supported=EXPORT_VERSION)
    head = {"format": EXPORT_FORMAT, "version": version, "kdf": document.get("kdf")}
    try:
        kdf = KdfParams.from_json(json.dumps(head["kdf"]))
        sealed = base64.b64decode(document.get("ciphertext", ""), validate=True)
    except (ValueError, TypeError, binascii.Error):
        raise ExportFileInvalid from None
    try:
        body = unseal(AESGCM(derive_key(passphrase, kdf)), sealed, _associated(head))
    except CannotOpen:
        raise WrongPassphrase("wrong_export_passphrase") from None
    try:
        data = json.loads(body)
        reading = plan_from_json(data["plan"])
        household_id = str(data["household_id"])
        log = data.get("detention")
        detention = None if log is None else Detention.model_validate(log)
    except (ValueError, KeyError, TypeError, PlanFileError):  # ValidationError is a ValueError
        raise ExportFileInvalid from None
    if reading.plan is None or reading.problems:
        raise ExportFileInvalid
    return Exported(household_id, reading.plan, detention)
