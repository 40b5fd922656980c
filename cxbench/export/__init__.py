"""``cxbench export``: the marts (or the published rankings) as files, with their meaning.

An export folder holds one file per table (Parquet or CSV) or one workbook (Excel),
a data dictionary generated from the dbt docs, and ``manifest.json`` saying what
was exported from which build, with row counts and checksums. The modules each do
one job: :mod:`.request` (what is asked, how it refuses), :mod:`.tables` (what may be
exported, read from the warehouse),
:mod:`.dbt_docs` (the descriptions), :mod:`.dictionary`, :mod:`.formats` (the file
writers), :mod:`.folder` (atomic writing), :mod:`.manifest`, :mod:`.run` (the
export itself) and :mod:`.cli` (the command).
"""
