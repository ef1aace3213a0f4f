"""The bundled window's entry point (PyInstaller runs a script, not an entry point)."""

import sys

from ui.app import main

sys.exit(main())
