"""Helpers shared by the ``ikm`` commands: options, error handling, safe output files.

Imports nothing heavy, so every command module can use it at load time.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Any

import click

from .errors import IkmError, ValidationFailed
from .terminal import printable

CRITERIA_OPTION = click.option(
    "--criteria",
    "criteria",
    multiple=True,
    type=click.Path(path_type=Path),
    metavar="PATH",
    help="Extra criteria pack: a .yaml file or a folder of them (repeatable).",
)

TODAY_OPTION = click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="The day overdue points are judged against (default: the system date).",
)


def echo(message: str, err: bool = False) -> None:
    """Print a line that may hold user text: control characters shown as escapes."""
    click.echo(printable(message), err=err)


def _fail(message: str, code: int = 1) -> None:
    echo(message, err=True)
    sys.exit(code)


def handles_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn domain errors into a clear message on stderr and exit 1; never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except IkmError as exc:
            _fail(f"ikm: {exc}" if not isinstance(exc, ValidationFailed) else str(exc))
        except KeyboardInterrupt:
            _fail("ikm: interrupted", 130)

    return wrapper


@contextmanager
def atomic_output(path: Path, mode: str = "wb") -> Iterator[Any]:
    """Write to a temporary file beside ``path`` and move it in place only on success."""
    path = Path(path)
    if path.is_dir():
        raise IkmError(f"{path}: is a folder; give a file name")
    if not path.parent.exists():
        raise IkmError(f"{path}: folder {path.parent} does not exist")
    tmp = path.with_name(f".{path.name}.part")
    try:
        with open(tmp, mode) as handle:
            yield handle
        tmp.replace(path)
    except OSError as exc:
        raise IkmError(f"{path}: cannot write file ({exc.strerror})") from None
    finally:
        tmp.unlink(missing_ok=True)


DATABASE_OPTION = click.option(
    "--database",
    "database",
    metavar="URL",
    envvar="IKM_DATABASE_URL",
    help="sqlite:///FILE, postgresql://USER@HOST/DB or a SQLite file "
    "(default: IKM_DATABASE_URL, else ikm.sqlite3 in IKM_DATA_DIR).",
)


def open_database(database: str | None):  # type: ignore[no-untyped-def]
    """The store named by ``--database`` (else IKM_DATABASE_URL, else the embedded default)."""
    from .store import open_store

    return open_store(database or None)
