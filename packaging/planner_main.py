"""The bundled command line's entry point (PyInstaller runs a script, not an entry point)."""

import sys

from planner.cli import main

sys.exit(main())
