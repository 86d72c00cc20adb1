"""A focused Adaptive Card validator: the elements, properties and values Mentorbot uses.

No JSON schema of Adaptive Cards ships in any installed package (the Teams SDK has pydantic
models that accept extra fields), so this checks, against the 1.5 schema that
`microsoft_teams.cards.AdaptiveCard` targets: each element's type and required properties,
that no property is unknown, enum values, the version each feature needs, unique input ids,
and that every Teams mention entity's text appears in the card.
"""

from __future__ import annotations

import re
from typing import Any

VERSION = "1.5"
SIZES = {"default", "small", "medium", "large", "extraLarge"}
WEIGHTS = {"default", "lighter", "bolder"}
COLORS = {"default", "dark", "light", "accent", "good", "warning", "attention"}
SPACINGS = {"default", "none", "small", "medium", "large", "extraLarge", "padding"}
ACTION_STYLES = {"default", "positive", "destructive"}
CHOICE_STYLES = {"compact", "expanded", "filtered"}
COMMON = {"type", "id", "spacing", "separator", "isVisible"}
INPUT = COMMON | {"label", "isRequired", "errorMessage", "value"}

# element type → (required properties, allowed properties, version it needs)
ELEMENTS: dict[str, tuple[set[str], set[str], str]] = {
    "TextBlock": (
        {"text"},
        COMMON | {"wrap", "size", "weight", "color", "isSubtle", "maxLines", "horizontalAlignment"},
        "1.0",
    ),
    "Image": (
        {"url"},
        COMMON | {"altText", "horizontalAlignment", "width", "height", "style"},
        "1.0",
    ),
    "Input.Text": ({"id"}, INPUT | {"isMultiline", "maxLength", "placeholder", "style"}, "1.0"),
    "Input.ChoiceSet": (
        {"id", "choices"},
        INPUT | {"style", "isMultiSelect", "placeholder"},
        "1.0",
    ),
    "Input.Date": ({"id"}, INPUT | {"min", "max", "placeholder"}, "1.0"),
    "Input.Time": ({"id"}, INPUT | {"min", "max", "placeholder"}, "1.0"),
}
ACTIONS: dict[str, tuple[set[str], set[str], str]] = {
    "Action.Execute": ({"title"}, {"type", "title", "verb", "data", "style", "id"}, "1.4"),
    "Action.Submit": ({"title"}, {"type", "title", "data", "style", "id"}, "1.0"),
}
NEWER = {"label": "1.3", "errorMessage": "1.3", "isRequired": "1.3"}
CARD_KEYS = {"type", "$schema", "version", "body", "actions", "msteams"}


def _v(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("."))


def _check(node: dict[str, Any], where: str, spec: dict, version: str) -> list[str]:
    kind = node.get("type")
    if kind not in spec:
        return [f"{where}: unknown type {kind!r}"]
    required, allowed, since = spec[kind]
    problems = [f"{where}: {kind} needs {p!r}" for p in sorted(required - node.keys())]
    problems += [
        f"{where}: {kind} has unknown property {p!r}"
        for p in sorted(node.keys() - allowed - required)
    ]
    needs = [since, *(NEWER[p] for p in node if p in NEWER)]
    if kind == "Input.ChoiceSet" and node.get("style") == "filtered":
        needs.append("1.5")
    problems += [f"{where}: {kind} needs version {n}" for n in needs if _v(n) > _v(version)]
    enums = {
        "size": SIZES,
        "weight": WEIGHTS,
        "color": COLORS,
        "spacing": SPACINGS,
        "style": CHOICE_STYLES if kind == "Input.ChoiceSet" else ACTION_STYLES,
    }
    for prop, values in enums.items():  # the schema's enums are case-insensitive
        if prop in node and str(node[prop]).lower() not in {v.lower() for v in values}:
            problems.append(f"{where}: {prop}={node[prop]!r} is not one of {sorted(values)}")
    for prop in ("text", "title", "label", "errorMessage", "placeholder", "value", "verb"):
        if prop in node and not isinstance(node[prop], str):
            problems.append(f"{where}: {prop} must be a string")
    if kind == "TextBlock" and not str(node.get("text", "")).strip():
        problems.append(f"{where}: empty TextBlock")
    if kind == "Input.ChoiceSet":
        for choice in node.get("choices") or []:
            if set(choice) != {"title", "value"} or not all(
                isinstance(v, str) for v in choice.values()
            ):
                problems.append(f"{where}: a choice needs a string title and value")
    formats = {"Input.Date": r"\d{4}-\d{2}-\d{2}", "Input.Time": r"\d{2}:\d{2}"}
    if kind in formats and node.get("value") and not re.fullmatch(formats[kind], node["value"]):
        problems.append(f"{where}: {kind} value {node['value']!r} is malformed")
    if "data" in node and not isinstance(node["data"], dict):
        problems.append(f"{where}: data must be an object")
    return problems


def validate_card(card: Any) -> list[str]:
    """Every problem found in `card`; an empty list means it is valid."""
    if not isinstance(card, dict) or card.get("type") != "AdaptiveCard":
        return ["not an AdaptiveCard"]
    problems = [f"card has unknown property {p!r}" for p in sorted(card.keys() - CARD_KEYS)]
    version = card.get("version")
    if version != VERSION:
        return [*problems, f"version must be {VERSION}, not {version!r}"]
    body, actions = card.get("body") or [], card.get("actions") or []
    if not body:
        problems.append("card has no body")
    for index, element in enumerate(body):
        problems += _check(element, f"body[{index}]", ELEMENTS, version)
    for index, action in enumerate(actions):
        problems += _check(action, f"actions[{index}]", ACTIONS, version)
    if len(actions) > 6:
        problems.append("Teams shows at most 6 actions")
    ids = [e["id"] for e in body if "id" in e]
    if len(ids) != len(set(ids)):
        problems.append(f"input ids are not unique: {ids}")
    texts = " ".join(str(e.get("text", "")) for e in body)
    for entity in (card.get("msteams") or {}).get("entities") or []:
        mentioned = entity.get("mentioned") or {}
        if entity.get("type") != "mention" or not mentioned.get("id") or not mentioned.get("name"):
            problems.append(f"malformed mention entity {entity}")
        elif entity.get("text") not in texts:
            problems.append(f"mention {entity.get('text')!r} is not in the card's text")
    return problems
