"""Old path of the workbook a notebook's cells call, kept for workbooks already made.

Workbooks made before the package was laid out in layers say
`from nextround.session import Workbook`; they keep opening, running and refilling.
New code imports `nextround.notebook.workbook.Workbook`.
"""

from nextround.notebook.workbook import Workbook

__all__ = ["Workbook"]
