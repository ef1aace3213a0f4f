"""The federal numbers a plan prints (detainee locator, EOIR, ICE, ORR), loaded from resources/."""

from __future__ import annotations

import tomllib
from datetime import date
from functools import cache

from pydantic import BaseModel, ConfigDict

from planner.resources import resource


class PublicService(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    phone: str = ""
    url: str = ""
    hours_key: str = ""
    """Catalogue key for the hours, which are said in words in each language."""
    confirmed: bool
    """False when only a secondary source backs it: documents add "confirm" beside it."""


class PublicNumbers(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    checked: date
    detainee_locator: PublicService
    eoir_case_information: PublicService
    eoir_portal: PublicService
    ice_detention_information: PublicService
    orr_parent_hotline: PublicService


@cache
def public_numbers() -> PublicNumbers:
    with resource("public", "numbers.toml").open("rb") as file:
        return PublicNumbers.model_validate(tomllib.load(file))
