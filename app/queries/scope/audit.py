"""The data-quality tables: for analysts only."""

from __future__ import annotations

#: Data quality: file paths and respondent-level reject reasons are for analysts only.
AUDIT = """
create or replace macro load_batches() as table
select * from wh.raw.load_batches where viewer_is_analyst();

create or replace macro rejected_rows() as table
select * from wh.raw.rejected_rows where viewer_is_analyst();

create or replace macro quality_runs() as table
select * from wh.audit.quality_runs where viewer_is_analyst();

create or replace macro quality_results() as table
select * from wh.audit.quality_results where viewer_is_analyst();
"""
