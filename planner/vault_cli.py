"""The `planner vault` command group: its arguments here, its actions in `planner.vault_actions`.

`planner vault init|list|show|history|save|delete|export|import|purge|passwd|pin|recovery|backup|
reminders`.
Exit codes: 0 done, 2 the command or a file was wrong, 3 the vault refused (locked, wrong
passphrase or PIN, damaged, no keyring …). Passphrases and PINs never come from the command line:
the terminal (no echo), or standard input with `--passphrase-stdin`, one a line.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from planner.i18n import SUPPORTED_LANGUAGES


def run(args: argparse.Namespace) -> int:
    from planner.vault_actions import run as run_action

    return run_action(args)


def register(commands: Any) -> None:
    """Add `planner vault …` to the `planner` command's subcommands."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=SUPPORTED_LANGUAGES, default="en")
    common.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="read passphrases and recovery codes from standard input, one a line",
    )
    vault = commands.add_parser(
        "vault", help="the encrypted household vault (FAMILY_PLANNER_HOME selects its folder)"
    )
    actions = vault.add_subparsers(dest="vault_action", required=True, metavar="ACTION")

    def action(name: str, help_text: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = actions.add_parser(name, help=help_text, parents=[common])
        parser.set_defaults(run=run)
        return parser

    init = action("init", "create the vault and print its recovery code")
    init.add_argument("--passphrase", action="store_true", help="use a passphrase, not the keyring")
    listing = action("list", "list the households")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    show = action("show", "print a household's plan as JSON")
    show.add_argument("household", metavar="ID")
    show.add_argument("--revision", type=int, help="an older revision (see 'history')")
    history = action("history", "list a household's kept revisions")
    history.add_argument("household", metavar="ID")
    save = action("save", "save a plan file into the vault")
    save.add_argument("file", type=Path, metavar="FILE")
    save.add_argument("--household", metavar="ID", help="as a new revision of this household")
    delete = action("delete", "delete a household so it can no longer be read")
    delete.add_argument("household", metavar="ID")
    export = action("export", "write one household to a passphrase-protected file")
    export.add_argument("household", metavar="ID")
    export.add_argument("file", type=Path, metavar="FILE")
    import_ = action("import", "read a household from an exported file")
    import_.add_argument("file", type=Path, metavar="FILE")
    purge = action("purge", "delete households not updated since a date")
    purge.add_argument(
        "--not-updated-since", type=date.fromisoformat, required=True, metavar="YYYY-MM-DD"
    )
    passwd = action("passwd", "set or change the passphrase, or go back to the keyring")
    passwd.add_argument("--keyring", action="store_true", help="keep the key in the OS keyring")
    action("pin", "choose a new navigator PIN (keyring mode): the keyring alone no longer opens")
    backup = action("backup", "copy the whole vault, still encrypted, into one file")
    backup.add_argument("file", type=Path, metavar="FILE")
    action("recovery", "make a new recovery code (the old one stops working)")
    reminders = action("reminders", "what is due soon: reviews and caregiver papers to renew")
    reminders.add_argument(
        "--days", type=int, default=7, metavar="N", help="due within N days, late ones too"
    )
    reminders.add_argument(
        "--ics", type=Path, metavar="FILE", help="write every reminder to a calendar file instead"
    )
    reminders.add_argument(
        "--names", action="store_true", help="name the households, not only their short codes"
    )
