"""What each `planner vault` action does; loaded only when one runs (crypto and keyring are slow
to import, and `planner validate` should not wait for them).

Same rules as `planner validate`: one line on standard error for anything that goes wrong, an exit
code (0 done, 2 the command or a file was wrong, 3 the vault refused: locked, wrong passphrase,
damaged, no keyring …), never a traceback. Passphrases and recovery codes are read from the
terminal without echo, or one a line from standard input with `--passphrase-stdin` — never from the
command line, where other users and the shell history could see them.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import unicodedata
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Final

from planner.direction import BIDI_CONTROLS
from planner.i18n import translate
from planner.keys import RecoveryCode
from planner.output_files import write_aside
from planner.plan_file import PlanFileError, load_plan, plan_to_json
from planner.vault import Vault, check_new_passphrase
from planner.vault_errors import (
    DOMAIN,
    KeyNotInKeyring,
    KeyringUnavailable,
    PinNeeded,
    StorageFailed,
    VaultError,
    VaultExists,
)
from planner.vault_header import Mode
from planner.vault_pin import check_new_pin
from planner.vault_records import HouseholdSummary

EXIT_OK, EXIT_USAGE, EXIT_VAULT = 0, 2, 3
_TERMINAL: Final = "/dev/tty"


class UsageProblem(Exception):
    """The command cannot go on as asked (no terminal, passphrases differ): exit code 2."""

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(key)


def _text(key: str, language: str, **params: object) -> str:
    return translate(key, language, params, domain=DOMAIN)


class SecretReader:
    """Asks for passphrases on the terminal (no echo), or reads them one a line from stdin."""

    def __init__(self, from_stdin: bool, language: str) -> None:
        self.from_stdin = from_stdin
        self.language = language

    def can_ask(self) -> bool:
        if self.from_stdin or os.name != "posix":
            return True
        try:
            os.close(os.open(_TERMINAL, os.O_RDWR))
        except OSError:
            return False
        return True

    def read(self, prompt_key: str) -> str:
        if self.from_stdin:
            line = sys.stdin.readline()
            if not line:
                raise UsageProblem("cli_stdin_empty")
            return line.rstrip("\r\n")
        if not self.can_ask():
            raise UsageProblem("cli_no_terminal")
        return getpass.getpass(_text(prompt_key, self.language) + " ")

    def new_passphrase(self, prompt_key: str = "cli_prompt_new_passphrase") -> str:
        first = self.read(prompt_key)
        check_new_passphrase(first)
        return self._repeated(first)

    def new_pin(self) -> str:
        first = self.read("cli_prompt_new_pin")
        check_new_pin(first)
        return self._repeated(first)

    def _repeated(self, first: str) -> str:
        if not self.from_stdin and self.read("cli_prompt_repeat") != first:
            raise UsageProblem("cli_passphrases_differ")
        return first


def _unlock(vault: Vault, secrets: SecretReader) -> None:
    """Unlock with the keyring and the navigator PIN (or the passphrase), falling back to the
    recovery code if the keyring has no key for it."""
    if vault.mode() is Mode.PASSPHRASE:
        vault.unlock(secrets.read("cli_prompt_passphrase"))
        return
    try:
        vault.unlock()
    except PinNeeded:
        vault.unlock(secrets.read("cli_prompt_pin"))
    except (KeyNotInKeyring, KeyringUnavailable) as missing:
        if not secrets.can_ask():
            raise  # nobody to ask for the recovery code: this one line says what to do
        print(missing.message(secrets.language), file=sys.stderr)
        vault.unlock(secrets.read("cli_prompt_recovery_code"))
    if not vault.has_pin:
        print(_text("cli_no_pin", secrets.language), file=sys.stderr)


def _show_recovery_code(code: RecoveryCode, language: str, *, failed: str) -> None:
    """Print the code and make sure it reached standard output, before it is put in place: a
    full disk or a closed pipe must not leave a vault whose code nobody saw. `failed` is the
    message key that says what was left as it was."""
    try:
        print(_text("cli_recovery_intro", language))
        print()
        print(f"    {code}")
        print()
        print(_text("cli_recovery_keep", language))
        sys.stdout.flush()
    except OSError:
        sys.stdout = Path(os.devnull).open("w")  # noqa: SIM115 -- nothing more goes there
        raise VaultError(failed) from None


def _init(vault: Vault, args: argparse.Namespace, secrets: SecretReader) -> int:
    language = secrets.language
    if vault.exists():
        raise VaultExists(folder=str(vault.folder))
    passphrase, pin = None, None
    if args.passphrase:
        passphrase = secrets.new_passphrase()
    else:
        try:
            vault.check_keyring()  # before the PIN: nobody chooses one for a keyring that fails
        except KeyringUnavailable as why:
            print(why.message(language), file=sys.stderr)
            print(_text("cli_using_passphrase", language), file=sys.stderr)
            passphrase = secrets.new_passphrase()
        else:
            pin = secrets.new_pin()
    code = RecoveryCode.generate()
    _show_recovery_code(code, language, failed="cli_code_not_shown_init")
    vault.create(passphrase, pin=pin, code=code)
    mode_key = "cli_created_keyring" if vault.mode() is Mode.KEYRING else "cli_created_passphrase"
    print(_text(mode_key, language, folder=str(vault.folder)))
    return EXIT_OK


def _is_control(char: str) -> bool:
    """A character that could move the cursor, clear the screen, start a new line or turn the
    text around on a terminal: a household name could otherwise print a fake line."""
    return unicodedata.category(char) in ("Cc", "Zl", "Zp") or char in BIDI_CONTROLS


def terminal_safe(text: str) -> str:
    """Plan text as one printable line: each control character shown as its escape (\\x1b)."""
    return "".join(_escaped(char) if _is_control(char) else char for char in text)


def _escaped(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def json_safe(text: str) -> str:
    """JSON with every control character inside its strings written as a \\u escape: the same
    JSON to a program, nothing a terminal acts on. (Outside strings JSON has only spaces and
    newlines, which `json.dumps` writes itself and are left alone.)"""
    return "".join(
        f"\\u{ord(char):04x}" if _is_control(char) and char not in "\n " else char for char in text
    )


def _summary_json(summary: HouseholdSummary) -> dict[str, Any]:
    return {
        "id": summary.household_id,
        "revision": summary.revision,
        "damaged": summary.damaged,
        "display_name": summary.display_name,
        "children": list(summary.children),
        "missing_items": summary.missing_items,
        "next_review": summary.next_review.isoformat() if summary.next_review else None,
        "updated_at": summary.updated_at.isoformat() if summary.updated_at else None,
    }


def _list(vault: Vault, args: argparse.Namespace, secrets: SecretReader) -> int:
    language = secrets.language
    _unlock(vault, secrets)
    summaries = vault.list_households()
    if args.json:
        listing = json.dumps([_summary_json(s) for s in summaries], ensure_ascii=False, indent=2)
        print(json_safe(listing))
        return EXIT_OK
    for s in summaries:
        if s.damaged:
            print(f"{s.household_id}  {_text('cli_damaged', language)}")
            continue
        children = terminal_safe(", ".join(s.children))
        review = s.next_review.isoformat() if s.next_review else "-"
        missing = _text("cli_missing_items", language, count=s.missing_items)
        name = terminal_safe(s.display_name)
        print(f"{s.household_id}  {name}  ({children})  {missing}  {review}")
    return EXIT_OK


def _show(vault: Vault, args: argparse.Namespace, secrets: SecretReader) -> int:
    _unlock(vault, secrets)
    sys.stdout.write(json_safe(plan_to_json(vault.load(args.household, args.revision))))
    return EXIT_OK


def _history(vault: Vault, args: argparse.Namespace, secrets: SecretReader) -> int:
    _unlock(vault, secrets)
    for revision in vault.history(args.household):
        when = revision.saved_at.isoformat() if revision.saved_at else "-"
        print(f"{revision.revision}  {when}")
    return EXIT_OK


def _save(vault: Vault, args: argparse.Namespace, secrets: SecretReader) -> int:
    plan = load_plan(args.file)
    _unlock(vault, secrets)
    saved = vault.save(plan, args.household)
    print(
        _text("cli_saved", secrets.language, household=saved.household_id, revision=saved.revision)
    )
    return EXIT_OK


def _erase_notice(vault: Vault, language: str) -> str:
    if vault.mode() is Mode.PASSPHRASE:
        return _text("cli_erase_caveat_passphrase", language)
    if vault.old_keys_in_keyring:
        return _text("cli_erase_keyring_pending", language)
    return _text("cli_erase_keyring", language)


def _delete(vault: Vault, args: argparse.Namespace, secrets: SecretReader) -> int:
    _unlock(vault, secrets)
    vault.delete(args.household)
    print(_text("cli_deleted", secrets.language, household=args.household))
    print(_erase_notice(vault, secrets.language))
    return EXIT_OK


def _purge(vault: Vault, args: argparse.Namespace, secrets: SecretReader) -> int:
    _unlock(vault, secrets)
    cutoff = datetime.combine(args.not_updated_since, time.min)
    erased = vault.purge(cutoff)
    print(_text("cli_purged", secrets.language, count=len(erased)))
    if erased:
        print(_erase_notice(vault, secrets.language))
    return EXIT_OK


def _export(vault: Vault, args: argparse.Namespace, secrets: SecretReader) -> int:
    _unlock(vault, secrets)
    passphrase = secrets.new_passphrase("cli_prompt_export_passphrase")
    vault.export(args.household, args.file, passphrase)
    print(_text("cli_exported", secrets.language, household=args.household, file=str(args.file)))
    return EXIT_OK


def _import(vault: Vault, args: argparse.Namespace, secrets: SecretReader) -> int:
    _unlock(vault, secrets)
    saved = vault.import_(args.file, secrets.read("cli_prompt_file_passphrase"))
    print(
        _text("cli_saved", secrets.language, household=saved.household_id, revision=saved.revision)
    )
    return EXIT_OK


def _passwd(vault: Vault, args: argparse.Namespace, secrets: SecretReader) -> int:
    _unlock(vault, secrets)
    if args.keyring:
        vault.use_keyring(secrets.new_pin())
        print(_text("cli_now_keyring", secrets.language))
    else:
        vault.use_passphrase(secrets.new_passphrase())
        print(_text("cli_now_passphrase", secrets.language))
    return EXIT_OK


def _pin(vault: Vault, args: argparse.Namespace, secrets: SecretReader) -> int:
    _unlock(vault, secrets)
    vault.set_pin(secrets.new_pin())
    print(_text("cli_pin_set", secrets.language))
    return EXIT_OK


def _recovery(vault: Vault, args: argparse.Namespace, secrets: SecretReader) -> int:
    _unlock(vault, secrets)
    code = RecoveryCode.generate()
    _show_recovery_code(code, secrets.language, failed="cli_code_not_shown")
    try:
        vault.new_recovery_code(code)
    except VaultError:
        print(_text("cli_code_not_kept", secrets.language), file=sys.stderr)
        raise
    print(_text("cli_recovery_replaced", secrets.language))
    return EXIT_OK


def _backup(vault: Vault, args: argparse.Namespace, secrets: SecretReader) -> int:
    vault.backup(args.file)
    print(_text("cli_backed_up", secrets.language, file=str(args.file)))
    return EXIT_OK


def _reminders(vault: Vault, args: argparse.Namespace, secrets: SecretReader) -> int:
    """What is due within `--days` days, late ones too; or, with `--ics`, every reminder
    written to a calendar file. Short codes, unless the navigator asks for `--names`."""
    from planner import reminders

    language = secrets.language

    def say(key: str, **params: object) -> str:
        return translate(key, language, params, domain=reminders.DOMAIN)

    if args.days < 0:
        print(say("cli.bad_days"), file=sys.stderr)
        return EXIT_USAGE
    _unlock(vault, secrets)
    summaries = vault.list_households()
    if args.ics is None:
        today, households = date.today(), {s.household_id: s for s in summaries}
        found = reminders.due(summaries, today, args.days)
        for reminder in found:
            label = reminders.household_label(households[reminder.household_id], args.names)
            late = f"  ({say('cli.overdue')})" if reminder.day < today else ""
            line = reminders.title(reminder, terminal_safe(label), language)
            print(f"{reminder.day.isoformat()}  {line}{late}")
        if not found:
            print(say("cli.nothing_due", days=args.days))
        return EXIT_OK
    try:
        write_aside(args.ics, reminders.calendar(summaries, names=args.names, language=language))
    except OSError as error:
        reason = type(error).__name__
        print(say("cli.not_written", file=str(args.ics), reason=reason), file=sys.stderr)
        return EXIT_USAGE
    print(say("cli.written", count=len(reminders.reminders(summaries)), file=str(args.ics)))
    if args.names:
        print(say("cli.names_written"))
    return EXIT_OK


ACTIONS: Final = {
    "init": _init, "list": _list, "show": _show, "history": _history, "save": _save,
    "delete": _delete, "export": _export, "import": _import, "purge": _purge,
    "passwd": _passwd, "pin": _pin, "recovery": _recovery, "backup": _backup,
    "reminders": _reminders,
}  # fmt: skip


def run(args: argparse.Namespace) -> int:
    """Run one `planner vault` action, turning every failure into one line and an exit code."""
    language: str = args.lang
    secrets = SecretReader(args.passphrase_stdin, language)
    vault = Vault()
    try:
        code: int = ACTIONS[args.vault_action](vault, args, secrets)
    except VaultError as error:
        print(error.message(language), file=sys.stderr)
        return EXIT_VAULT
    except PlanFileError as error:
        print(f"{args.file}: {error.message(language)}", file=sys.stderr)
        return EXIT_USAGE
    except UsageProblem as problem:
        print(_text(problem.key, language), file=sys.stderr)
        return EXIT_USAGE
    except EOFError:
        print(_text("cli_stdin_empty", language), file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:  # the folder or a file vanished or refused: one line, no traceback
        print(StorageFailed(reason=type(error).__name__).message(language), file=sys.stderr)
        return EXIT_VAULT
    finally:
        vault.lock()
    return code
