"""The main module a pytest-xdist worker names (tests/conftest.py); it does nothing.

A worker's ``__main__`` has no file, which pyspark's Connect client takes for a
doctest run of its own (and exits). A named file must exist, though: a process
pool started with ``spawn`` (the world generator's) runs the parent's main file
in each child before its task.
"""
