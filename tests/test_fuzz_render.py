"""Fuzzing validate and render with the examples, changed in structure and in text.

A plan file is read, checked and, when it has no errors, its whole packet is rendered, all in
this process as `planner render` does it. Whatever the file holds, the only exception that may
come out is the documented one for a file that is not a plan (`PlanFileError`); a plan with
errors is refused (not rendered), and every case takes less than 10 seconds. The whole test
stops drawing new work after about a minute.
"""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Callable, Iterator
from typing import Any, get_args

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pydantic import AfterValidator, BaseModel

from forms.context import RenderOptions
from forms.packet import render_each
from planner.model import Plan, text_limit
from planner.packet import PacketDocumentKind
from planner.plan_file import PlanFileError, parse_plan_text
from planner.validation import check, has_errors
from tests.conftest import EXAMPLES, TODAY
from tests.forms.limits import unbroken_filler, words_filler

BUDGET_SECONDS = 50.0
"""After this long, further cases pass at once: the test stays near a minute on a slow machine."""
_started: list[float] = []

EXAMPLE_JSON = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in EXAMPLES}

ODD_TEXT = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "   \n\n  ",
            "\t",
            "😀👨‍👩‍👧🇬🇹",
            "محمد علي حداد",
            "שלום עליכם (בבית)",
            "e\u0301\u0301\u0301\u0301",
            "<b>&amp;</b>",
            "<img src='/etc/hostname'/>",
            "&",
            "<",
            "a < b & c > d",
            "Nguyễn Thị Hồng",
            "\u200d\u200c\ufeff",
            "王芳",
        ]
    ),
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=80),
    st.builds(
        lambda c, n: c * n, st.sampled_from(["W", "ñ", "😀", "م", "a\u0301"]), st.integers(50, 400)
    ),
)
"""Text a person may type or paste, and some they should not; never a lone surrogate (those
are refused when the file is read, elsewhere)."""

Json = Any
Mutation = Callable[[st.DrawFn, Json], None]


def _containers(data: Json) -> Iterator[Json]:
    """Every dict and list in the JSON, the whole plan first."""
    yield data
    children = data.values() if isinstance(data, dict) else data if isinstance(data, list) else []
    for child in children:
        if isinstance(child, dict | list):
            yield from _containers(child)


def _leaves(data: Json) -> list[tuple[Json, Any]]:
    """(container, key or index) of every value that is not a dict or a list."""
    found = []
    for container in _containers(data):
        keys = container.keys() if isinstance(container, dict) else range(len(container))
        found += [(container, key) for key in keys if not isinstance(container[key], dict | list)]
    return found


def _pick(draw: st.DrawFn, items: list[Any]) -> Any:
    return items[draw(st.integers(0, len(items) - 1))] if items else None


def drop_key(draw: st.DrawFn, data: Json) -> None:
    holder = _pick(draw, [c for c in _containers(data) if isinstance(c, dict) and c])
    if holder is not None:
        del holder[_pick(draw, sorted(holder))]


def duplicate_entry(draw: st.DrawFn, data: Json) -> None:
    holder = _pick(draw, [c for c in _containers(data) if isinstance(c, list) and c])
    if holder is not None:
        index = draw(st.integers(0, len(holder) - 1))
        holder.insert(index, copy.deepcopy(holder[index]))


def swap_values(draw: st.DrawFn, data: Json) -> None:
    """Two values of the same type trade places (a phone and a name, two ids, two dates)."""
    first = _pick(draw, _leaves(data))
    if first is None:
        return
    kind = type(first[0][first[1]])
    second = _pick(draw, [leaf for leaf in _leaves(data) if type(leaf[0][leaf[1]]) is kind])
    (a, i), (b, j) = first, second
    a[i], b[j] = b[j], a[i]


def _typed_text_limits(model: type[BaseModel] = Plan) -> dict[str, int]:
    """The fields a person types freely (no format, no code), in every plan part, by name, with
    the smallest limit a field of that name has."""
    limits: dict[str, int] = {}
    for name, info in model.model_fields.items():
        inner = _part_of(info.annotation)
        limit = text_limit(info)
        if inner is not None:
            for key, value in _typed_text_limits(inner).items():
                limits[key] = min(value, limits.get(key, value))
        elif limit is not None and not any(isinstance(m, AfterValidator) for m in info.metadata):
            limits[name] = min(limit, limits.get(name, limit))
    codes = {"id", "state", "postal_code", "country", "country_of_birth", "document_language"}
    return {name: limit for name, limit in limits.items() if name not in codes | {"email"}}


def _part_of(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next(filter(None, map(_part_of, get_args(annotation))), None)


TYPED_TEXT = _typed_text_limits()


def odd_text(draw: st.DrawFn, data: Json) -> None:
    """Odd text in place of, before or after a typed answer (a name, a note, a street)."""
    leaf = _pick(draw, [(c, k) for c, k in _leaves(data) if isinstance(c[k], str)])
    if draw(st.booleans()):
        typed = [
            (c, k)
            for c, k in _leaves(data)
            if isinstance(c, dict) and k in TYPED_TEXT and (c[k] is None or isinstance(c[k], str))
        ]
        leaf = _pick(draw, typed) or leaf
    if leaf is not None:
        container, key = leaf
        text = draw(ODD_TEXT)
        where = draw(st.sampled_from(["replace", "before", "after"]))
        old = container[key] or ""  # an optional answer left empty is typed into, too
        container[key] = {"replace": text, "before": text + old, "after": old + text}[where]


def at_limit(draw: st.DrawFn, data: Json) -> None:
    """A typed answer as long as the model lets it be: a 10,000-character note, a 100-character
    name, in words or in one unbroken string."""
    typed = [(c, k) for c, k in _leaves(data) if isinstance(c, dict) and k in TYPED_TEXT]
    leaf = _pick(draw, typed)
    if leaf is not None:
        container, key = leaf
        fill = draw(st.sampled_from([words_filler, unbroken_filler]))
        container[key] = fill(TYPED_TEXT[key], draw(st.integers(0, 99)))


def wrong_type(draw: st.DrawFn, data: Json) -> None:
    leaf = _pick(draw, _leaves(data))
    if leaf is not None:
        container, key = leaf
        container[key] = draw(st.sampled_from([None, 0, -1, 1.5, True, [], {}, "x" * 3]))


def unknown_key(draw: st.DrawFn, data: Json) -> None:
    holder = _pick(draw, [c for c in _containers(data) if isinstance(c, dict)])
    holder[draw(st.sampled_from(["nickname", "Notes", "given_name", "__proto__"]))] = "x"


MUTATIONS: list[Mutation] = [
    drop_key,
    duplicate_entry,
    swap_values,
    odd_text,
    wrong_type,
    unknown_key,
]
TEXT_HEAVY: list[Mutation] = [odd_text, odd_text, at_limit, swap_values, duplicate_entry]


@st.composite
def changed_examples(draw: st.DrawFn) -> tuple[str, Json]:
    name = draw(st.sampled_from(sorted(EXAMPLE_JSON)))
    data = copy.deepcopy(EXAMPLE_JSON[name])
    mutations = draw(st.sampled_from([MUTATIONS, TEXT_HEAVY, TEXT_HEAVY]))
    for _ in range(draw(st.integers(1, 6))):
        draw(st.sampled_from(mutations))(draw, data)
    return name, data


LAYOUTS = [("en", False), ("es", False), ("es", True)]


def _validate_and_render(text: str, language: str, bilingual: bool) -> None:
    """What `planner render` does in its process: read, check, and render only a valid plan."""
    try:
        reading = parse_plan_text(text)
    except PlanFileError:
        event("not a plan")
        return
    if reading.plan is None:
        event("structure refused")
        return
    problems = [*reading.problems, *check(reading.plan, TODAY)]
    if has_errors(problems):
        event("plan has errors")
        return
    event("rendered")
    options = RenderOptions(
        language=language,
        bilingual=bilingual,
        only=frozenset(kind.value for kind in PacketDocumentKind),
        today=TODAY,
    )
    for document in render_each(reading.plan, options):
        assert document.content


@settings(
    max_examples=200,
    deadline=10_000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=False,
)
@given(changed_examples(), st.sampled_from(LAYOUTS))
def test_changed_examples_are_refused_or_rendered_never_crash(
    example: tuple[str, Json], layout: tuple[str, bool]
) -> None:
    if not _started:
        _started.append(time.monotonic())
    if time.monotonic() - _started[0] > BUDGET_SECONDS:
        return
    _, data = example
    _validate_and_render(json.dumps(data, ensure_ascii=False), *layout)


def test_the_examples_themselves_render_in_every_layout() -> None:
    """The starting points are valid: fuzzing starts from plans that render."""
    for data in EXAMPLE_JSON.values():
        reading = parse_plan_text(json.dumps(data))
        assert reading.plan is not None
        assert not has_errors([*reading.problems, *check(reading.plan, TODAY)])
