"""``python -m cxbench``: the same command as the ``cxbench`` script."""

from cxbench.cli import app

app(prog_name="cxbench")
