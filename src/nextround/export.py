"""Old path of `export`, kept for scripts that call `nextround.export.export(...)`.

New code imports `nextround.journal.export`.
"""

from nextround.journal.export import export

__all__ = ["export"]
