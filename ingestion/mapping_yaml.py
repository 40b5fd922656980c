"""Reading a mapping's YAML strictly: no duplicate keys, no aliases, typos named with a fix.

PyYAML's ``safe_load`` lets the last of two equal keys win silently and expands
aliases, so ``a: &x [*y, *y, …]`` chains ("billion laughs") hang a load for
minutes. A mapping is a short hand-written file: a repeated key is a mistake,
an alias is never needed, and both are errors naming their line. Unknown keys
are reported with the nearest valid one (:func:`unknown_key`), so ``scal`` says
"did you mean scale?" instead of being ignored.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

import yaml


class MappingYamlError(ValueError):
    """YAML a mapping may not use (a duplicate key, an alias or anchor), with its line."""


class StrictLoader(yaml.SafeLoader):
    """``SafeLoader`` refusing duplicate keys and aliases/anchors."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise MappingYamlError(
                f"line {event.start_mark.line + 1}: YAML anchors and aliases (&name, *name) "
                "are not allowed in a mapping; write the value out"
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            try:
                first = seen.get(key)
            except TypeError:  # an unhashable key: SafeLoader's own error follows
                continue
            if first is not None:
                raise MappingYamlError(
                    f"line {line}: duplicate key {key!r} (first on line {first}); "
                    "keep one, the other would be ignored"
                )
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


def strict_yaml(text: str) -> Any:
    """The YAML document in ``text``, or :class:`MappingYamlError` / ``yaml.YAMLError``."""
    return yaml.load(text, Loader=StrictLoader)


def unknown_key(where: str, key: object, allowed: Iterable[str], what: str = "option") -> str:
    """``"<where>.<key>: unknown <what>; did you mean <nearest>?"`` listing the valid keys."""
    names = sorted(str(name) for name in allowed)
    nearest = difflib.get_close_matches(str(key), names, n=1, cutoff=0.6)
    hint = f"; did you mean {nearest[0]}?" if nearest else ""
    prefix = f"{where}.{key}" if where else str(key)
    return f"{prefix}: unknown {what}{hint} (valid: {', '.join(names)})"


def yaml_bool_hint(where: str, value: object) -> str | None:
    """For a YAML 1.1 boolean where text was meant (``country: NO``): how to quote it."""
    if not isinstance(value, bool):
        return None
    spelt, example = ("NO/no/off", "NO") if value is False else ("YES/yes/on", "yes")
    return (
        f"{where}: YAML read the unquoted value as {str(value).lower()} ({spelt} are booleans "
        f'in YAML); quote it: "{example}", not {example}'
    )
