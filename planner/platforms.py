"""What the program does differently on Windows, macOS and Linux, one decision a function.

Each function takes the platform (`sys.platform`: "win32", "darwin", "linux" …) with the real one
as default, so every branch is tested on any computer. The file-handling modules ask these
instead of testing `os.name` where they stand, so all that differs is read in one place:

- Permissions. On Linux and macOS the vault's folder is made 0700 and its files 0600. Windows has
  no such modes (Python's chmod there only sets the read-only attribute, which would stop SQLite
  writing), so nothing is changed: the vault lives in the user's profile
  (`%LOCALAPPDATA%\\family-planner`), whose access list lets in only that user, SYSTEM and the
  administrators, and new files inherit it. A portable folder on a USB stick has no such list
  (FAT and exFAT keep no owner): there the encryption alone protects the plans.
- Hard links. A new vault is published with a hard link, which never replaces a file. FAT and
  exFAT have none; the fallback is a rename, which on Windows never replaces either, and on POSIX
  does, so there the program looks first (a moment's race between two programs creating a vault
  on the same stick at once).
- Flushing. Linux and macOS flush a folder's new entries with fsync on the folder; Windows cannot
  open a folder that way, and NTFS journals its folders. macOS's fsync stops at the drive's
  cache: only F_FULLFSYNC reaches the disk, so there SQLite is told to use it, and so are packets.
- Worker processes. Rendering may fork workers on Linux only (see `can_fork_workers`).
- Keyring. The `keyring` package picks the backend: the Windows Credential Locker, the macOS
  Keychain, the Secret Service elsewhere. A frozen bundle must carry the one its platform uses.
- Where the data lives: the platform's user data folder, unless `FAMILY_PLANNER_HOME` names one
  or the program runs in portable mode (below).

Portable mode, for a clinic's USB stick: a bundled program that finds the file
`family-planner-portable.txt` beside its executable (beside the `.app` on macOS) keeps its vault
in the folder `family-planner-data` there, not in the computer's user data folder (a vault in
keyring mode still keeps its key in that computer's keyring: a stick wants passphrase mode).
`FAMILY_PLANNER_HOME` still wins. A program run by a Python installation has no portable mode: its
executable is Python's.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Final

from platformdirs.api import PlatformDirsABC

PORTABLE_MARKER: Final = "family-planner-portable.txt"
PORTABLE_FOLDER: Final = "family-planner-data"

KEYRING_BACKENDS: Final = {
    "win32": "keyring.backends.Windows.WinVaultKeyring",
    "darwin": "keyring.backends.macOS.Keyring",
}
"""The backend `keyring` chooses on each platform (the Secret Service on others, KWallet's when
a KDE session has no Secret Service)."""

DEFAULT_KEYRING: Final = "keyring.backends.SecretService.Keyring"


def is_windows(platform: str = sys.platform) -> bool:
    return platform == "win32"


def uses_unix_permissions(platform: str = sys.platform) -> bool:
    """Whether folders and files are made private with modes (0700, 0600): not on Windows,
    where the profile's access list does it and chmod would only make a file read-only."""
    return not is_windows(platform)


def can_sync_folder(platform: str = sys.platform) -> bool:
    """Whether a folder can be opened and fsync'd, to make its new entries survive a power cut
    (Windows cannot open a folder as a file; NTFS journals folder changes itself)."""
    return not is_windows(platform)


def needs_full_fsync(platform: str = sys.platform) -> bool:
    """Whether fsync leaves data in the drive's cache, so F_FULLFSYNC is needed (macOS)."""
    return platform == "darwin"


def rename_never_replaces(platform: str = sys.platform) -> bool:
    """Whether renaming onto an existing file fails rather than replacing it (Windows): then,
    without hard links, a rename alone publishes a new vault safely."""
    return is_windows(platform)


def can_fork_workers(platform: str = sys.platform) -> bool:
    """Whether rendering may fork worker processes: on Linux only. Windows has no fork; macOS
    has one, but its system libraries are not safe across it (Python spawns there instead)."""
    return platform.startswith("linux")


def keyring_backend(platform: str = sys.platform) -> str:
    """The class of the keyring backend `keyring` uses on this platform, as "module.Class"."""
    return KEYRING_BACKENDS.get(platform, DEFAULT_KEYRING)


def data_dirs(app: str, platform: str = sys.platform) -> PlatformDirsABC:
    """platformdirs' folders for the platform: `%LOCALAPPDATA%\\app` on Windows (the local
    profile: a roaming one would copy the vault to a server at every log-off; the folder itself
    is asked of Windows, so it can only be computed there), `~/Library/Application Support/app`
    on macOS, `$XDG_DATA_HOME/app` (`~/.local/share/app`) elsewhere."""
    if is_windows(platform):
        from platformdirs.windows import Windows

        return Windows(app, appauthor=False, roaming=False)
    if platform == "darwin":
        from platformdirs.macos import MacOS

        return MacOS(app, appauthor=False)
    from platformdirs.unix import Unix

    return Unix(app, appauthor=False)


def user_data_folder(app: str, platform: str = sys.platform) -> Path:
    return Path(data_dirs(app, platform).user_data_dir)


def program_folder(executable: str, platform: str = sys.platform) -> Path:
    """The folder a person sees the program in: the executable's, or on macOS the one holding
    the `.app` when the executable is inside one (`X.app/Contents/MacOS/x`)."""
    path = Path(executable)
    bundle = path.parent.parent.parent
    in_app = path.parent.parts[-2:] == ("Contents", "MacOS") and bundle.suffix == ".app"
    return bundle.parent if platform == "darwin" and in_app else path.parent


def portable_home(
    executable: str | None = None, frozen: bool | None = None, platform: str = sys.platform
) -> Path | None:
    """The portable vault folder when a bundled program has the marker file beside it, else
    None. Defaults: `sys.executable` and whether the program is a frozen bundle."""
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    if not frozen:
        return None
    folder = program_folder(executable or sys.executable, platform)
    return folder / PORTABLE_FOLDER if (folder / PORTABLE_MARKER).is_file() else None
