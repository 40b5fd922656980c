"""Summary and record of an app load test: percentiles, errors, the benchmarks.md section.

Kept apart from the driver so the arithmetic and the wording can be tested without
starting a server. Latencies are of the interactions that succeeded; a failed one
(exception, error box, missing title, timeout, dropped connection) is counted and
its reason kept, and any failure fails the verdict whatever the times.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

from cxbench.benchmarks.results_file import BENCHMARKS_FILE, commit, say_not_recorded

#: Acceptance of issue 16: a client's page answers within a second at the 95th percentile.
TARGET_P95_S = 1.0
#: (page, kind, seconds, failure or None) of one interaction.
Row = tuple[str, str, float, str | None]


def percentiles(seconds: Iterable[float]) -> dict[str, float | int | None]:
    """Count, p50, p95 and max in milliseconds (None without a successful interaction)."""
    values = sorted(seconds)
    if not values:
        return {"n": 0, "p50_ms": None, "p95_ms": None, "max_ms": None}
    p95 = (
        statistics.quantiles(values, n=100, method="inclusive")[94]
        if len(values) > 1
        else values[0]
    )
    return {
        "n": len(values),
        "p50_ms": round(statistics.median(values) * 1000, 1),
        "p95_ms": round(p95 * 1000, 1),
        "max_ms": round(values[-1] * 1000, 1),
    }


def _grouped(rows: list[Row], column: int) -> dict[str, dict[str, object]]:
    """Percentiles and error count per value of ``column`` (0 = page, 1 = kind)."""
    groups: dict[str, dict[str, object]] = {}
    for name in dict.fromkeys(row[column] for row in rows):
        mine = [row for row in rows if row[column] == name]
        groups[name] = {
            **percentiles(row[2] for row in mine if row[3] is None),
            "errors": sum(1 for row in mine if row[3] is not None),
        }
    return groups


def summarise(rows: list[Row], settings: Mapping[str, object], context: Mapping[str, object]
              ) -> dict[str, object]:  # fmt: skip
    """The JSON result: per page, per kind, overall, errors, verdict, and the run's context."""
    overall = percentiles(row[2] for row in rows if row[3] is None)
    reasons = Counter(row[3] for row in rows if row[3] is not None)
    p95 = overall["p95_ms"]
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": _commit(),
        **settings,
        **context,
        "interactions_done": len(rows),
        "errors": sum(reasons.values()),
        "error_reasons": dict(reasons.most_common(10)),
        "overall": overall,
        "pages": _grouped(rows, 0),
        "kinds": _grouped(rows, 1),
        "target_p95_ms": TARGET_P95_S * 1000,
        "meets_target": bool(p95 is not None and p95 < TARGET_P95_S * 1000 and not reasons),
    }


def _commit() -> str:
    """The commit measured, so a section can be traced to the code."""
    return commit()


def _loads(loads: object) -> str:
    """Load averages as the other sections write them: ``1.0, 0.8, 0.7``."""
    return ", ".join(str(load) for load in loads)  # type: ignore[attr-defined]


def _ms(value: object) -> str:
    return "–" if value is None else f"{value} ms"


def _row(name: str, timing: Mapping[str, object]) -> str:
    p95 = timing["p95_ms"]
    verdict = "yes" if p95 is not None and p95 < TARGET_P95_S * 1000 else "**no**"
    return (
        f"| {name} | {timing['n']} | {_ms(timing['p50_ms'])} | {_ms(p95)} | "
        f"{_ms(timing['max_ms'])} | {timing['errors']} | {verdict} |"
    )


def markdown_section(result: Mapping[str, object]) -> str:
    """The section appended to docs/benchmarks.md for one run."""
    if result.get("url"):
        viewer = f"the app already running at {result['url']}"
    elif result.get("preview_client"):
        viewer = f"the preview of client `{result['preview_client']}`"
    else:
        viewer = "the app as `streamlit_command` serves it, local analyst (no login)"
    overall: Mapping[str, object] = result["overall"]  # type: ignore[assignment]
    lines = [
        f"\n## App under load ({result['sessions']} client sessions) ({result['date']})\n",
        f"Measured with `{result['command']}` at commit {result['commit']}: "
        f"{result['sessions']} concurrent sessions on {viewer}, each opening links, "
        "clicking through the menu and changing sidebar choices on the client pages "
        f"(up to {result['interactions']} interactions or {result['duration_s']:.0f} s, "
        f"0–{result['think_s']} s think time), after an untimed visit of every page. "
        "Time = request to the server's *script finished* over Streamlit's websocket "
        "(a protocol client, no browser rendering); a run with an exception, an error "
        "box or without its page title counts as an error. Machine: "
        f"{result['cpus']} cores, load average {_loads(result['load_before'])} before and "
        f"{_loads(result['load_after'])} after (shared with other jobs); the server used "
        f"{result['server_cpu_s']} CPU s ({result['server_cpu_ms_per_run']} ms per script "
        f"run, warm-up included) and the load client {result['client_cpu_s']} CPU s in "
        f"{result['wall_s']} s. "
        f"Target: p95 under {TARGET_P95_S * 1000:.0f} ms.\n",
        "| page | interactions | p50 | p95 | max | errors | p95 < 1 s |",
        "|---|---|---|---|---|---|---|",
    ]
    pages: Mapping[str, Mapping[str, object]] = result["pages"]  # type: ignore[assignment]
    kinds: Mapping[str, Mapping[str, object]] = result["kinds"]  # type: ignore[assignment]
    lines += [_row(page, timing) for page, timing in pages.items()]
    lines += [_row(f"*{kind}*", timing) for kind, timing in kinds.items()]
    lines.append(_row("**all**", {**overall, "errors": result["errors"]}))
    reasons: Mapping[str, int] = result["error_reasons"]  # type: ignore[assignment]
    lines.append("")
    if reasons:
        lines.append("Errors: " + "; ".join(f"{n}× {why}" for why, n in reasons.items()) + ".")
    lines.append(
        f"Verdict: {'meets' if result['meets_target'] else '**misses**'} the target "
        f"({result['interactions_done']} interactions, {result['errors']} errors).\n"
    )
    return "\n".join(lines)


def record(result: Mapping[str, object]) -> None:
    """Append the run's section to docs/benchmarks.md."""
    if BENCHMARKS_FILE is None:
        say_not_recorded()
        return
    with BENCHMARKS_FILE.open("a") as output:
        output.write(markdown_section(result))
