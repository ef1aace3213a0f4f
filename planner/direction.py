"""The invisible characters that steer the direction of text, named once for every part that
must treat them: validation (refuses the overrides), the documents (never draw any of them, and
drop a family's overrides), and the command line (escapes them all, so a name cannot turn a
terminal line around)."""

from __future__ import annotations

from typing import Final

OVERRIDE_RANGES: Final = "\u202a-\u202e\u2066-\u2069"
"""Embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI), as a
regular-expression character range: they reorder the letters around them."""

OVERRIDES: Final = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
MARKS: Final = frozenset("\u061c\u200e\u200f")
"""The Arabic letter mark, the left-to-right and right-to-left marks: they reorder nothing
around them, and right-to-left keyboards type them."""

BIDI_CONTROLS: Final = OVERRIDES | MARKS
"""Every character that steers the order of a line and is never drawn."""
