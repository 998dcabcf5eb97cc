"""Load the project's SQL files by name and split them into statements."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_PACKAGED = Path(__file__).resolve().parent / "_sql"
_SOURCE_TREE = Path(__file__).resolve().parent.parent / "sql"
_PARAMETER = re.compile(r"\$([A-Za-z_]\w*)")


def sql_dir() -> Path:
    """The `sql/` directory: the source tree's, or the copy packaged into a wheel."""
    return _SOURCE_TREE if _SOURCE_TREE.is_dir() else _PACKAGED


@cache
def load(name: str) -> str:
    """The text of `sql/<name>.sql` (name may contain a subdirectory, e.g. `views/x`)."""
    return (sql_dir() / f"{name}.sql").read_text(encoding="utf-8")


def statements(name: str) -> list[str]:
    """The statements of a SQL file, in order (statements end with `;` at a line's end)."""
    text = "\n".join(line for line in load(name).splitlines() if not line.lstrip().startswith("--"))
    return [part.strip() for part in re.split(r";\s*$", text, flags=re.MULTILINE) if part.strip()]


def parameters(statement: str) -> set[str]:
    """The named `$parameters` a statement uses, so that only those are bound."""
    return set(_PARAMETER.findall(statement))


def view_names() -> list[str]:
    """The analyst views, one file each under `sql/views/`, in name order."""
    return sorted(path.stem for path in (sql_dir() / "views").glob("*.sql"))
