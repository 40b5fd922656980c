"""The default limit on a batch's share of rejected rows, and why it is strict.

A file whose rows are rejected by the thousand is almost always a wrong
mapping (a misnamed column, a scale of 1–5 declared for a 0–10 item, the
wrong delimiter), not a file with a few bad respondents. Loading its good
rows anyway puts a biased remainder into the benchmark: the rows that pass
a wrong scale are the low answers. So a batch with more than 5% rejected
rows writes nothing and the load prints its commonest reasons; a file that
really has that many bad rows is loaded on purpose with ``--max-reject-rate``.
5% is well above what clean deliveries reject — the real public files
through the shipped example mappings and the generated worlds reject 0% —
and well below what a wrong mapping rejects (usually every row, at least a
whole item's worth of rows).

Kept in a module of its own, free of imports, so the CLI can show the default
in its help without loading the ingestion stack.
"""

DEFAULT_MAX_REJECT_RATE = 0.05
#: How many of the commonest reject reasons a refused batch prints.
REASONS_SHOWN = 5
