"""The wizard's pages, one class a section: `ui.pages.<section>` holds `<Section>Page` (see
planner/flow.py for the order). Each module is imported when its page is first built, so start-up
loads only the first."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from importlib import import_module

from planner.flow import ORDER, SectionId
from ui.i18n import Words
from ui.pages.base import SectionPage


def _build(section_id: SectionId, words: Words, later: bool = False) -> SectionPage:
    module = import_module(f"ui.pages.{section_id.value}")
    page_type: type[SectionPage] = getattr(module, f"{section_id.value.title()}Page")
    return page_type(words, later=later)


PAGES: dict[SectionId, Callable[..., SectionPage]] = {s: partial(_build, s) for s in ORDER}
