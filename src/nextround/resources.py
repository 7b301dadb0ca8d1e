"""Where the shipped notebooks and message templates are.

In a wheel they travel inside the package (`nextround/notebooks`,
`nextround/templates`); in a source checkout they sit at the top of the
repository, where people edit them.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def shipped(folder: str) -> Path:
    """The folder of shipped `notebooks` or `templates`."""
    inside = _PACKAGE / folder
    if inside.is_dir():
        return inside
    checkout = _PACKAGE.parent.parent / folder
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"nextround's {folder} folder is missing from this installation")


def notebook(name: str) -> Path:
    """A shipped notebook, e.g. `notebook("rejection_workbook")`."""
    return shipped("notebooks") / f"{name}.ipynb"
