"""Names in the reader's language that are data, not interface text: sector labels."""

from __future__ import annotations

#: ``sector_labels()``: one row per sector × language (en, nl, no, pl) with the name
#: to show; the same for every viewer (a sector name says nothing about a company).
SECTOR_LABELS = """
create or replace macro sector_labels() as table
select labels.sector_code, labels.language, labels.sector_label,
from wh.marts.dim_sector_label as labels;
"""

#: For a warehouse built before ``dim_sector_label`` existed: every language shows the
#: sector list's English name, so the pages still draw (untranslated) instead of failing.
ENGLISH_SECTOR_LABELS = """
create or replace macro sector_labels() as table
select sectors.sector_code, languages.language, sectors.sector_name as sector_label,
from wh.marts.dim_sector as sectors
cross join (values ('en'), ('nl'), ('no'), ('pl')) as languages (language);
"""
