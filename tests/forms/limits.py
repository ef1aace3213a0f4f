"""Plans at the model's limits: every text field as long as it may be, every list as full.

Validation accepts these plans, so every document must come out of them whole (issue 12, items 5
and 6). The text is filled in from the model's own declarations (`text_limit`, `MaxItems`), so
a field or a limit added later is filled too. Values with a format (phones, A-numbers, e-mail,
countries, US states and ZIP codes, languages, ids) stay valid; everything else is filled.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any, get_args

from pydantic import AfterValidator, BaseModel
from pydantic.fields import FieldInfo

from planner.model import (
    Address,
    Consulate,
    Contact,
    Employer,
    Hotline,
    MaxItems,
    Medication,
    Phone,
    Plan,
    text_limit,
)
from tests.conftest import example_plan
from tests.forms.documents import as_printed

Filler = Callable[[int, int], str]
"""(limit, serial number of the field) → a text of exactly `limit` characters."""

_WORDS = (
    "Otorrinolaringología", "María-Guadalupe", "Xicará", "desafortunadamente", "Nguyễn",
    "Thị", "Hồng", "Łukasz", "Wojciechowski-Brzęczyszczykiewicz", "&", "<b>", "recoger",
    "después", "de", "las", "seis", "Straße", "Ελένη", "Объединённые", "trabajo",
)  # fmt: skip
_UNBROKEN = "Supercalifragilisticexpialidocious-Parangaricutirimícuaro"
_KEEP = frozenset(
    {"id", "state", "postal_code", "country", "country_of_birth", "document_language"}
)
"""Plain text fields that hold a code: kept as the example has them (US addresses need them)."""
_LANGUAGES = ("es", "en", "vi", "pt", "fr", "ar", "ht", "zh", "ru", "pl")


def words_filler(limit: int, serial: int) -> str:
    """Realistic long words, with a long unbroken string in the middle. It starts with a mark
    of its own (`Q12Z`) and numbers every few words, so no stretch of it is like another's."""
    words = itertools.cycle(_WORDS[serial % len(_WORDS) :] + _WORDS[: serial % len(_WORDS)])
    text = f"Q{serial}Z "
    for count in itertools.count():
        if len(text) >= limit:
            break
        text += next(words) + (f" {count}" if count % 5 == 4 else "") + " "
        if len(text) > limit // 2 and _UNBROKEN not in text:
            text += (_UNBROKEN * (1 + limit // 400))[: max(1, limit // 3)] + " "
    text = text[:limit].rstrip()
    return text + "x" * (limit - len(text))


def unbroken_filler(limit: int, serial: int) -> str:
    """One string without a space or hyphen to break it at (the worst case for a narrow cell),
    starting with its own mark and numbered every 40 letters."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzÁÉÍÓÚáéíóúñ"
    text = f"Q{serial}Z"
    for count in itertools.count():
        if len(text) >= limit:
            break
        text += "".join(letters[(serial + count + i) % len(letters)] for i in range(40)) + str(
            count
        )
    return text[:limit]


def _long_email(limit: int) -> str:
    domain = "@example.org"
    return "m" * (limit - len(domain)) + domain


def _filled(model: BaseModel, fill: Filler, serials: Iterator[int], us_address: bool) -> None:
    """Fill `model`'s text fields, and those of the parts it holds, in place."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        limit = text_limit(info)
        if isinstance(value, BaseModel):
            _filled(value, fill, serials, us_address)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    _filled(item, fill, serials, us_address)
                elif name == "must_not_be_released_to":
                    value[index] = fill(limit or 300, next(serials))
        elif limit is not None and _is_free_text(model, name, info, us_address):
            text = _long_email(limit) if name == "email" else fill(limit, next(serials))
            object.__setattr__(model, name, text)  # no validation: the whole plan is checked


def _is_free_text(model: BaseModel, name: str, info: FieldInfo, us_address: bool) -> bool:
    """A typed answer with no format of its own (a phone or an A-number has one)."""
    if any(isinstance(m, AfterValidator) for m in info.metadata):
        return False  # PhoneText, ANumberText: canonical forms
    if isinstance(model, Address) and (model.country != "US" or not us_address):
        return name in {"street", "unit", "city", "state", "postal_code"}
    return name not in _KEEP


def _with_every_part(plan: Plan) -> Plan:
    """The example with every optional part present, so every field is there to be filled."""
    data: dict[str, Any] = plan.model_dump(mode="json")
    adult = data["adults"][0]
    adult["address"] = Address(street="1", city="Guatemala", country="GT").model_dump()
    adult["case"]["arresting_officer"] = "x"
    second = data["adults"][1]
    second.setdefault("employer", None)
    second["employer"] = second["employer"] or Employer(name="x").model_dump()
    second["consulate"] = second["consulate"] or Consulate(name="x").model_dump()
    for child in data["children"]:
        child["must_not_be_released_to"] = ["x"]
        child["health"]["medications"] = [Medication(name="x", dose="x", schedule="x").model_dump()]
        for key in ("conditions", "special_needs", "allergies"):
            child["health"][key] = "x"
        child["custody_orders"] = "x"
    for contact in data["emergency_contacts"]:
        contact["phones"] = [p or {} for p in contact["phones"]]
    data["emergency_contacts"][0]["address"] = Address(
        street="1", city="Tegucigalpa", country="HN"
    ).model_dump()
    data["money_notes"] = data["notes"] = "x"
    return Plan.model_validate(data)


def plan_at_text_limits(fill: Filler = words_filler, base: str = "large-tx.json") -> Plan:
    """An example plan with every text field as long as the model allows (lists as they are)."""
    plan = _with_every_part(example_plan(base))
    _filled(plan, fill, itertools.count(), us_address=True)
    return Plan.model_validate(plan.model_dump(mode="json"))


def plan_at_every_limit(fill: Filler = words_filler) -> Plan:
    """Every list as full as `MaxItems` allows, and every text field as long as its limit."""
    plan = _with_every_part(example_plan("large-tx.json"))
    data = plan.model_dump(mode="json")
    _full(data, Plan)
    _connected(data)
    full = Plan.model_validate(data)
    _filled(full, fill, itertools.count(), us_address=True)
    return Plan.model_validate(full.model_dump(mode="json"))


def _full(data: dict[str, Any], model: type[BaseModel]) -> None:
    """Every list in `data` (a dump of `model`) repeated up to its MaxItems, ids made unique."""
    for name, info in model.model_fields.items():
        value = data.get(name)
        inner = _part_of(info)
        if isinstance(value, dict) and inner is not None:
            _full(value, inner)
            continue
        if not isinstance(value, list):
            continue
        limit = next((m.limit for m in info.metadata if isinstance(m, MaxItems)), None)
        if limit is None:
            continue
        value[:] = _repeated(name, value, limit)
        if inner is not None:
            for item in value:
                _full(item, inner)


def _part_of(info: FieldInfo) -> type[BaseModel] | None:
    """The plan part a field holds: itself, in a list, or optional."""
    pending: list[object] = [info.annotation]
    while pending:
        annotation = pending.pop()
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return annotation
        pending.extend(get_args(annotation))
    return None


def _repeated(name: str, items: list[Any], limit: int) -> list[Any]:
    if name in {"languages", "family_languages"}:
        return list(_LANGUAGES[:limit])
    if name == "phones":
        return [
            Phone(number=f"+1713555{1000 + n:04d}").model_dump(mode="json") for n in range(limit)
        ]
    seeds = items or [_seed(name)]
    out = []
    for number in range(limit):
        item = seeds[number % len(seeds)]
        item = dict(item) if isinstance(item, dict) else item
        if isinstance(item, dict) and "id" in item:
            item["id"] = f"{name[:8]}-{number}"
        out.append(item)
    return out


def _seed(name: str) -> Any:
    return {
        "must_not_be_released_to": "x",
        "medications": Medication(name="x").model_dump(mode="json"),
        "local_hotlines": Hotline(name="x", phone="+17135550100").model_dump(mode="json"),
    }[name]


def _connected(data: dict[str, Any]) -> None:
    """Ids renumbered by `_full`, pointed at again: each child has a school, caregivers and
    people to be released to; each case an attorney; each paper an owner."""
    people = [p["id"] for p in data["adults"]] + [c["id"] for c in data["emergency_contacts"]]
    contacts = [c["id"] for c in data["emergency_contacts"]]
    for number, child in enumerate(data["children"]):
        child["school_id"] = data["schools"][number % len(data["schools"])]["id"]
        child["may_be_released_to"] = people[:40]
        child["care"]["primary_caregiver_id"] = contacts[0]
        child["care"]["alternate_caregiver_id"] = contacts[1]
    for adult in data["adults"]:
        if adult.get("case"):
            adult["case"]["attorney_id"] = data["attorneys"][0]["id"]
    owners = [a["id"] for a in data["adults"]] + [c["id"] for c in data["children"]]
    for number, document in enumerate(data["documents"]):
        document["belongs_to"] = owners[number % len(owners)]
    for contact in data["emergency_contacts"]:
        contact["date_of_birth"] = date(1980, 1, 1).isoformat()
    Contact.model_validate(data["emergency_contacts"][0])


def comes_out_in_order(printed: str, value: str) -> bool:
    """Whether all of `value` is in `printed`, in order, white space aside; pieces may be far
    apart (a cell continued on the next page comes after the rest of its row on this one).
    A piece is found from its first 24 characters, so it starts where the value's mark is."""
    typed = "".join(as_printed(value).split())
    text = "".join(printed.split())
    position = text.find(typed[:24])
    while position != -1 and typed:
        length = _common_prefix(text, position, typed)
        if length == 0:
            return False
        typed = typed[length:]
        position = text.find(typed[:24], position + length) if typed else position
    return not typed


def _common_prefix(text: str, start: int, typed: str) -> int:
    """How many characters of `typed` stand in `text` from `start` on."""
    length = 0
    limit = min(len(typed), len(text) - start)
    while length < limit and text[start + length] == typed[length]:
        length += 1
    return length


def free_text_values(plan: Plan) -> Iterator[tuple[str, str]]:
    """(field name, value) of every text filled in by `_filled`: what must come out on paper."""
    yield from _values(plan, True)


def _values(model: BaseModel, us_address: bool) -> Iterator[tuple[str, str]]:
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, BaseModel):
                yield from _values(item, us_address)
            elif _is_shown_text(model, name, info, item, us_address):
                yield name, str(item)


def _is_shown_text(
    model: BaseModel, name: str, info: FieldInfo, value: object, us_address: bool
) -> bool:
    """A filled-in text that must print as it is (an e-mail address may be shortened to fit)."""
    typed = text_limit(info) is not None or name == "must_not_be_released_to"
    filled = isinstance(value, str) and value != "" and typed
    return filled and name != "email" and _is_free_text(model, name, info, us_address)
