"""Options every ``cxbench`` command shares: ``--version``, ``-v``/``--log-level``.

The project's modules log through :mod:`logging` (``log.info`` in ingestion, the
generator, the quality runner); nothing showed them until a handler was configured.
Logging is configured once per run, before the command: a rich handler on stderr
(stdout stays the command's output: tables, CSV, JSON), WARNING by default, ``-v``
INFO, ``-vv`` DEBUG, or an explicit ``--log-level``. The chosen level applies to the
project's own loggers (``cxbench.*``, ``cxcore.*``); other libraries keep WARNING so
that ``-vv`` shows our steps, not dbt's or Great Expectations' internals.
"""

from __future__ import annotations

import logging
from importlib.metadata import PackageNotFoundError, version
from typing import Annotated

import typer
from rich.console import Console
from rich.logging import RichHandler

from cxbench.console import console

#: Loggers whose level the options set (every module logs under its import name).
PROJECT_LOGGERS = ("cxbench", "cxcore")
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
#: Marks the handler this module installed, so a second run in one process (tests)
#: replaces it instead of printing every line twice.
HANDLER_NAME = "cxbench-cli"


def package_version() -> str:
    """The installed distribution's version (pyproject.toml's, through its metadata)."""
    try:
        return version("cxbench")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


def level_for(verbose: int, log_level: str | None) -> int:
    """``--log-level`` if given, else WARNING lowered one step per ``-v`` (down to DEBUG)."""
    if log_level is not None:
        return logging.getLevelName(log_level.upper())
    return {0: logging.WARNING, 1: logging.INFO}.get(verbose, logging.DEBUG)


def configure_logging(level: int) -> None:
    """Send log records to stderr through rich; the project's loggers at ``level``."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if h.get_name() == HANDLER_NAME]:
        root.removeHandler(handler)
    handler = RichHandler(console=Console(stderr=True), show_path=False, markup=False)
    handler.set_name(HANDLER_NAME)
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    for name in PROJECT_LOGGERS:
        logging.getLogger(name).setLevel(level)


def _show_version(value: bool) -> None:
    if value:
        console.print(f"cxbench {package_version()}", markup=False, highlight=False)
        raise typer.Exit()


def register(app: typer.Typer) -> None:
    """Add the global options to ``app`` (its callback runs before every command)."""

    @app.callback()
    def global_options(
        verbose: Annotated[
            int,
            typer.Option(
                "--verbose", "-v", count=True, help="Show progress messages (-vv: debug)."
            ),
        ] = 0,
        log_level: Annotated[
            str | None,
            typer.Option(
                "--log-level",
                metavar="LEVEL",
                help=f"Log level of cxbench's messages on stderr ({', '.join(LEVELS)}); "
                "overrides -v. Default WARNING.",
                case_sensitive=False,
            ),
        ] = None,
        show_version: Annotated[
            bool,
            typer.Option(
                "--version",
                callback=_show_version,
                is_eager=True,
                help="Print the installed version and exit.",
            ),
        ] = False,
    ) -> None:
        """Customer-experience benchmarking warehouse: Six-Pillar scores per company,
        sector and country."""
        if log_level is not None and log_level.upper() not in LEVELS:
            console.print(
                f"--log-level must be one of {', '.join(LEVELS)}, got {log_level!r}",
                style="red",
                markup=False,
            )
            raise typer.Exit(2)
        configure_logging(level_for(verbose, log_level))
