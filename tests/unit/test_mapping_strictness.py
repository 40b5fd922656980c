"""Reading a mapping strictly: typos named with their fix, no duplicate keys, no aliases."""

from __future__ import annotations

import time

import pytest

from cxbench.ingestion.id_text import normal_id
from cxbench.ingestion.mapping_yaml import (
    MappingYamlError,
    strict_yaml,
    unknown_key,
    yaml_bool_hint,
)
from cxbench.ingestion.readers.encoding import canonical_encoding


def test_a_misspelt_key_names_the_nearest_valid_one() -> None:
    assert unknown_key("defaults", "scal", ["scale", "missing", "offset"]).startswith(
        "defaults.scal: unknown option; did you mean scale?"
    )
    assert "did you mean" not in unknown_key("text", "weather", ["comment"])


def test_duplicate_keys_are_errors_at_any_depth_with_their_lines() -> None:
    with pytest.raises(MappingYamlError, match=r"line 3: duplicate key 'b' \(first on line 2\)"):
        strict_yaml("a:\n  b: 1\n  b: 2\n")
    assert strict_yaml("a: {b: 1}\nc: {b: 2}\n") == {"a": {"b": 1}, "c": {"b": 2}}


def test_an_alias_bomb_is_refused_at_once() -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    levels += [f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]"
               for n in range(9)]  # fmt: skip
    started = time.monotonic()
    with pytest.raises(MappingYamlError, match="line 1: YAML anchors and aliases"):
        strict_yaml("\n".join(levels))
    assert time.monotonic() - started < 1


@pytest.mark.parametrize(("value", "shown"), [(False, '"NO", not NO'), (True, '"yes", not yes')])
def test_yaml_booleans_where_text_was_meant_say_how_to_quote(value: bool, shown: str) -> None:
    hint = yaml_bool_hint("fixed.country", value)
    assert hint is not None and shown in hint
    assert yaml_bool_hint("fixed.country", "NO") is None


def test_transform_codecs_are_not_encodings() -> None:
    assert canonical_encoding("windows-1252") == "cp1252"
    for name in ("rot13", "base64", "zlib"):
        with pytest.raises(ValueError, match="not a text encoding"):
            canonical_encoding(name)


@pytest.mark.parametrize(
    ("found", "stored"),
    [("B1\u200b", "B1"), ("\ufeffB1", "B1"), ("B\t1", "B1"), ("\uff22\uff11", "B1"),
     ("B\u00ad1", "B1"), ("Café", "Café")],
)  # fmt: skip
def test_ids_are_nfkc_without_invisible_characters(found: str, stored: str) -> None:
    assert normal_id(found) == stored
