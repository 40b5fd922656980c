"""All SQL of the app, one module per page (``warehouse`` for the connection, ``shared``
for what several pages use): parameterised, read-only queries on the marts (contract §4).

The warehouse file is attached ``READ_ONLY`` to an in-memory DuckDB connection,
because a second ``duckdb.connect`` to the same path in one process hands back the
already-open database, and an open connection keeps reading the old file after a
refresh swaps a new one in with ``os.replace``. The cached connection is keyed on
the file's path, inode and modification time (:class:`WarehouseFile`), so a swap
yields a new key, a new connection and new cached results, without a restart.

Every query function takes that key as its first argument: it is part of the
``st.cache_data`` key, so a swapped file never serves stale results. User choices
only ever travel as ``?`` parameters.
"""

from __future__ import annotations

from cxbench.app.queries.compare import (
    CompanyScore,
    benchmark_pillars,
    company_score,
    cx_index_trend,
    leader_gaps,
    pillar_scores,
    pillar_trend,
    sector_leader,
)
from cxbench.app.queries.compare_changes import nps_benchmarks, pillar_changes, pillar_comparisons
from cxbench.app.queries.drivers import explained_variance, pillar_importance
from cxbench.app.queries.maturity import (
    MATURITY_TABLES,
    maturity_available,
    maturity_links,
    maturity_organisations,
    maturity_profile,
    maturity_stage,
)
from cxbench.app.queries.methodology import (
    methodology_coverage,
    methodology_parameters,
    studies_measured,
)
from cxbench.app.queries.quality import (
    inactive_batches,
    latest_batches,
    quality_results,
    quality_runs,
    reject_reasons,
)
from cxbench.app.queries.rankings import movers, ranking, sector_leaders, sectors_scored
from cxbench.app.queries.sectors import sector_profiles
from cxbench.app.queries.shared import (
    CANONICAL_STUDY,
    countries,
    index_pillars,
    organisations,
    pillar_coverage,
    pillar_labels,
    sector_labels,
    studies,
    waves,
)
from cxbench.app.queries.warehouse import (
    ANALYST,
    REQUIRED_COLUMNS,
    Viewer,
    WarehouseFile,
    WarehouseUnavailable,
    open_warehouse,
)

__all__ = [
    "ANALYST",
    "CANONICAL_STUDY",
    "MATURITY_TABLES",
    "REQUIRED_COLUMNS",
    "CompanyScore",
    "Viewer",
    "WarehouseFile",
    "WarehouseUnavailable",
    "benchmark_pillars",
    "company_score",
    "countries",
    "cx_index_trend",
    "explained_variance",
    "inactive_batches",
    "index_pillars",
    "latest_batches",
    "leader_gaps",
    "maturity_available",
    "maturity_links",
    "maturity_organisations",
    "maturity_profile",
    "maturity_stage",
    "methodology_coverage",
    "methodology_parameters",
    "movers",
    "nps_benchmarks",
    "open_warehouse",
    "organisations",
    "pillar_changes",
    "pillar_comparisons",
    "pillar_coverage",
    "pillar_importance",
    "pillar_labels",
    "pillar_scores",
    "pillar_trend",
    "quality_results",
    "quality_runs",
    "ranking",
    "reject_reasons",
    "sector_labels",
    "sector_leader",
    "sector_leaders",
    "sector_profiles",
    "sectors_scored",
    "studies",
    "studies_measured",
    "waves",
]
