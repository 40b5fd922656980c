"""Field options of a mapping: each takes effect where it is accepted, or is an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxbench.ingestion.mapping import MappingError
from cxbench.ingestion.mapping_parse import load_mapping
from cxbench.ingestion.maturity_mapping import load_maturity_mapping

BASE = """
mapping_version: 1
fixed: {country: DE, wave: 2019}
keys: {respondent_id: id, brand_id: brand}
fields:
  gender: {column: sex, values: {1: female, 2: male}, missing: [99, "#NULL!"]}
  age: {column: age, missing: [-1, 999], out_of_range: missing}
  channel: {column: ch, values: {1: store, 2: web}, out_of_range: missing}
  interaction_date: {column: visited, missing: ["#NULL!"]}
defaults: {scale: [1, 5], missing: [9]}
statements: {int_2: q1}
outcomes:
  nps: rec
  loyalty: {column: stay, scale: [0, 10], missing: [-99]}
  csat: {column: sat, values: {1: 5, 2: 4, 3: 3, 4: 2, 5: 1}, missing: [8]}
coverage: {pillars: [integrity], outcomes: [nps, loyalty, csat]}
study: {id: test-study, name: A test questionnaire}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mapping.yaml"
    path.write_text(text)
    return path


def problems_of(tmp_path: Path, text: str) -> str:
    with pytest.raises(MappingError) as caught:
        load_mapping(write(tmp_path, text))
    return "\n".join(caught.value.problems)


def test_missing_codes_and_out_of_range_are_read_per_field(tmp_path: Path) -> None:
    mapping = load_mapping(write(tmp_path, BASE))
    assert mapping.fields["gender"].missing == ("99", "#NULL!")
    assert mapping.fields["gender"].out_of_range == "reject"
    assert mapping.fields["age"].missing == ("-1", "999")
    assert mapping.fields["age"].out_of_range == "missing"
    assert mapping.fields["channel"].out_of_range == "missing"
    assert mapping.fields["interaction_date"].missing == ("#NULL!",)


def test_outcomes_inherit_defaults_unless_they_override_them(tmp_path: Path) -> None:
    mapping = load_mapping(write(tmp_path, BASE))
    nps = mapping.outcomes["nps"]
    assert (nps.source_scale, nps.missing, nps.target_scale) == ((1.0, 5.0), ("9",), (0.0, 10.0))
    loyalty = mapping.outcomes["loyalty"]
    assert (loyalty.source_scale, loyalty.missing) == ((0.0, 10.0), ("-99",))


def test_an_inherited_missing_code_inside_an_outcome_scale_says_where_it_came_from(
    tmp_path: Path,
) -> None:
    text = BASE.replace(
        "loyalty: {column: stay, scale: [0, 10], missing: [-99]}",
        "loyalty: {column: stay, scale: [0, 10]}",
    )
    problems = problems_of(tmp_path, text)
    assert "outcomes.loyalty.missing: code 9 lies inside the scale 0-10" in problems
    assert "inherited from defaults" in problems


def test_outcome_codes_map_to_answers_on_the_scale(tmp_path: Path) -> None:
    csat = load_mapping(write(tmp_path, BASE)).outcomes["csat"]
    assert csat.values == {"1": 5.0, "2": 4.0, "3": 3.0, "4": 2.0, "5": 1.0}
    assert csat.missing == ("8",)
    broken = BASE.replace("5: 1}, missing: [8]", "5: 7}, missing: [4]")
    problems = problems_of(tmp_path, broken)
    assert "outcomes.csat.values: code 5 maps to 7, not a number in the scale 1-5" in problems
    assert "outcomes.csat.missing: code 4 is also in values" in problems


@pytest.mark.parametrize(
    ("field", "spec", "expected"),
    [
        ("age", "{column: age, labels: true}", "fields.age.labels: has no effect on this field"),
        ("age", "{column: age, values: {1: 20}}", "fields.age.values: has no effect"),
        (
            "interaction_date",
            "{column: d, out_of_range: missing}",
            "fields.interaction_date.out_of_range: has no effect",
        ),
        ("country", "{column: cc, missing: [99]}", "fields.country.missing: has no effect"),
        ("wave", "{column: yr, out_of_range: missing}", "fields.wave.out_of_range: has no effect"),
        (
            "gender",
            "{column: sex, out_of_range: missing}",
            "fields.gender.out_of_range: has no effect without values or labels",
        ),
        ("gender", "{column: sex, out_of_range: drop}", "fields.gender.out_of_range: one of"),
        ("gender", "{column: sex, labels: yes please}", "fields.gender.labels: true or false"),
        (
            "gender",
            "{column: sex, values: {1: female}, missing: [1]}",
            "fields.gender.missing: code(s) 1 are also in values",
        ),
        ("age", "{column: age, missing: [99]}", "fields.age.missing: code 99 is a plausible age"),
        (
            "gender",
            "{column: sex, values: {1: female, '01': male}}",
            "fields.gender.values: codes '1' and '01' are the same number",
        ),
    ],
)
def test_an_option_without_effect_is_an_error(
    tmp_path: Path, field: str, spec: str, expected: str
) -> None:
    """Each field is mapped alone (country and wave from columns, so they can be tested)."""
    specs = {"country": "cc", "wave": "yr", field: spec}
    fields = "".join(f"  {name}: {source}\n" for name, source in specs.items())
    text = BASE.replace("fixed: {country: DE, wave: 2019}", "fixed: {brand_id: B}").replace(
        "keys: {respondent_id: id, brand_id: brand}", "keys: {respondent_id: id}"
    )
    text = text[: text.index("fields:")] + "fields:\n" + fields + text[text.index("defaults:") :]
    assert expected in problems_of(tmp_path, text)


def test_key_options_without_effect_and_unknown_text_or_default_keys_are_errors(
    tmp_path: Path,
) -> None:
    text = (
        BASE.replace("respondent_id: id,", "respondent_id: {column: id, labels: true},")
        .replace("defaults: {scale: [1, 5]", "defaults: {column: x, scale: [1, 5]")
        .replace("coverage:", "text: {comments: remark}\ncoverage:")
    )
    problems = problems_of(tmp_path, text)
    assert "keys.respondent_id.labels: has no effect on this field" in problems
    assert "defaults.column: unknown option" in problems
    assert "text.comments: unknown option" in problems


def test_waves_from_1990_are_accepted_and_earlier_ones_refused(tmp_path: Path) -> None:
    assert load_mapping(write(tmp_path, BASE.replace("2019", "1990"))).fixed["wave"] == 1990
    assert "fixed.wave: a year between 1990 and 2100" in problems_of(
        tmp_path, BASE.replace("2019", "1989")
    )


def test_maturity_fields_refuse_labels_they_would_ignore(tmp_path: Path) -> None:
    text = """
mapping_version: 1
kind: maturity
fixed: {wave: 1995}
keys: {respondent_id: r, brand_id: {column: b, labels: true}}
fields: {role: {column: f, values: {1: cfo}}}
items: {mgmt_strategy: {column: q1, scale: [1, 3], values: {a: 1, b: 3}}}
"""
    with pytest.raises(MappingError) as caught:
        load_maturity_mapping(write(tmp_path, text))
    problems = "\n".join(caught.value.problems)
    assert "keys.brand_id.labels: has no effect" in problems
    assert "fields.role.values: has no effect" in problems
    assert "fixed.wave" not in problems and "mgmt_strategy" not in problems


def test_region_is_a_categorical_field_like_channel(tmp_path: Path) -> None:
    text = BASE.replace(
        "  interaction_date:",
        "  region: {column: reg, labels: true, missing: [9], out_of_range: missing}\n"
        "  interaction_date:",
    )
    region = load_mapping(write(tmp_path, text)).fields["region"]
    assert (region.column, region.labels, region.missing, region.out_of_range) == (
        "reg", True, ("9",), "missing",
    )  # fmt: skip
    assert load_mapping(write(tmp_path, text)).labelled_columns() == ["reg"]
    unmapped = text.replace("{column: reg, labels: true,", "{column: reg,")
    assert "fields.region.out_of_range: has no effect without values or labels" in problems_of(
        tmp_path, unmapped
    )
    assert "fields.region.row_number: has no effect" in problems_of(
        tmp_path, text.replace("{column: reg,", "{column: reg, row_number: false,")
    )


OUTCOMES_ONLY = """
mapping_version: 1
fixed: {country: NL, wave: 2024}
keys: {respondent_id: id, brand_id: brand}
outcomes: {nps: {column: rec, scale: [0, 10]}}
coverage: {pillars: [], outcomes: [nps]}
study: {id: nps-tracker, name: NPS tracker}
"""


def test_an_outcomes_only_questionnaire_declares_no_pillar(tmp_path: Path) -> None:
    mapping = load_mapping(write(tmp_path, OUTCOMES_ONLY))
    assert mapping.statements == {} and mapping.measured_statements() == ()
    assert (mapping.coverage.pillars, mapping.coverage.outcomes) == ((), ("nps",))
    assert mapping.coverage.partial


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("coverage: {pillars: [], outcomes: [nps]}\n", ""),
            "statements: none mapped; a questionnaire that asks only outcomes (an NPS tracker, "
            "say) must say so: coverage: {pillars: []}",
        ),
        (
            ("study: {id: nps-tracker, name: NPS tracker}\n", ""),
            "study: required: the questionnaire measures 0 of 30 catalogue statements",
        ),
        (
            ("outcomes: {nps: {column: rec, scale: [0, 10]}}", "statements: {int_2: q1}"),
            "statements.int_2: pillar integrity is not in coverage.pillars",
        ),
        (
            ("outcomes: {nps: {column: rec, scale: [0, 10]}}\n", ""),
            "coverage.pillars: [] declares an outcomes-only questionnaire, but no outcome",
        ),
        (("pillars: []", "pillars: none"), "coverage.pillars: 'all', a list of pillar ids, or []"),
    ],
)
def test_an_outcomes_only_questionnaire_must_say_so_and_name_its_study(
    tmp_path: Path, change: tuple[str, str], expected: str
) -> None:
    assert expected in problems_of(tmp_path, OUTCOMES_ONLY.replace(*change))


LATENT = BASE.replace(
    "statements: {int_2: q1}",
    "statements: {int_2: {column: IMAGE_LV, scale: [0, 100], missing: [-99], latent: true}}",
)


def test_a_latent_statement_keeps_its_declared_scale(tmp_path: Path) -> None:
    mapping = load_mapping(write(tmp_path, LATENT))
    item = mapping.statements["int_2"]
    assert (item.column, item.latent, item.source_scale, item.target_scale) == (
        "IMAGE_LV", True, (0.0, 100.0), (1.0, 10.0),
    )  # fmt: skip
    assert mapping.latent_statements() == ("int_2",)
    assert not any(outcome.latent for outcome in mapping.outcomes.values())
    assert load_mapping(write(tmp_path, BASE)).latent_statements() == ()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("nps: rec", "nps: {column: rec, latent: true}"),
            "outcomes.nps.latent: outcomes are answers",
        ),
        (("latent: true", "latent: yes please"), "statements.int_2.latent: true or false"),
        (
            ("defaults: {scale: [1, 5], missing: [9]}", "defaults: {latent: true}"),
            "defaults.latent: unknown option",
        ),
        (
            ("latent: true}", "latent: true, values: {1: 0}}"),
            "statements.int_2.values: a latent score is a number, not a code",
        ),
        (
            ("latent: true}}", "latent: true}, int_3: q3}"),
            "statements.int_2: a latent score measures pillar integrity alone; int_3 of the "
            "same pillar would count its items twice",
        ),
    ],
)
def test_latent_scores_are_for_statements_on_a_declared_scale_alone_in_their_pillar(
    tmp_path: Path, change: tuple[str, str], expected: str
) -> None:
    assert expected in problems_of(tmp_path, LATENT.replace(*change))


def test_a_latent_scale_must_be_declared_here_or_in_defaults(tmp_path: Path) -> None:
    undeclared = LATENT.replace("IMAGE_LV, scale: [0, 100],", "IMAGE_LV,").replace(
        "defaults: {scale: [1, 5], missing: [9]}", "defaults: {missing: [-99]}"
    )
    assert "statements.int_2.scale: required with latent: true" in problems_of(tmp_path, undeclared)
    in_defaults = undeclared.replace("{missing: [-99]}", "{scale: [0, 100], missing: [-99]}")
    assert load_mapping(write(tmp_path, in_defaults)).statements["int_2"].source_scale == (
        0.0,
        100.0,
    )
