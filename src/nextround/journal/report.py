"""The report: the journey dashboard, run on a folder and saved as one HTML file.

The dashboard notebook runs in a kernel whose working folder is the folder of
workbooks (as it would in JupyterLab), and nbconvert turns the result into HTML
without any code. The page is self-contained: plots are embedded as PNG, styles are
inline, and the script tags nbconvert would load from the web (require.js, MathJax,
Mermaid, the widget renderer) are left out, since the dashboard needs none of them.
So it opens offline, in any browser, and can be emailed or kept as a record.
"""

from __future__ import annotations

import copy
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from nextround.core import i18n
from nextround.core.i18n import N_, _, current
from nextround.errors import NextroundError
from nextround.making.guidance import cell_comment, localise
from nextround.storage import files

NOTEBOOK = "journey"
DEFAULT_TIMEOUT_S = 600
TITLE = N_("Your journey so far — nextround")
#: The first line of a report's parameters cell, all a person sees of it while it is hidden.
COMMENT = cell_comment("Set when this report was made")

# The lab template without anything fetched from the web. Every block emptied here
# only loads a script; the content and its styles are untouched.
_OFFLINE_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""
_EXTERNAL_SCRIPT = re.compile(r"<script[^>]+src\s*=\s*[\"']?(?:https?:)?//", re.IGNORECASE)


def parameterised(name: str, values: dict[str, Any]) -> dict[str, Any]:
    """A shipped notebook with its parameters set, papermill's way (as JSON, not yet run), its
    guidance in the locale in force."""
    from nextround.making.workbook import inject, load_template
    from nextround.resources import notebook

    nb = inject(load_template(notebook(name)), values, metadata={}, comment=COMMENT)
    return localise(nb, current())  # in the language the report is made in


def journey_notebook(folder: str = ".", today: date | None = None, locale: str | None = None) -> dict[str, Any]:
    """The shipped dashboard notebook with its parameters set (as JSON, not yet run).

    It speaks `locale`, by default the one in force.
    """
    return parameterised(NOTEBOOK, {"folder": folder, "today": today.isoformat() if today else "",
                                    "locale": locale or i18n.current()})


def run_notebook(nb_json: dict[str, Any], folder: str | Path, *, timeout: int = DEFAULT_TIMEOUT_S) -> Any:
    """Execute a notebook with the kernel working in `folder`; return it (an nbformat node)."""
    import nbformat

    from nextround.making.run import run

    folder = Path(folder)
    if not folder.is_dir():
        raise NextroundError(_("is not a folder"), file=folder)
    nb = nbformat.reads(json.dumps(nb_json), as_version=4)
    run(nb, folder, timeout=timeout, file=folder, failure=_("the report could not be made: "))
    return nb


def run_dashboard(folder: str | Path, *, today: date | None = None, timeout: int = DEFAULT_TIMEOUT_S) -> Any:
    """Execute the dashboard on `folder` and return the notebook (an nbformat node)."""
    if not Path(folder).is_dir():
        raise NextroundError(_("is not a folder of workbooks"), file=folder)
    return run_notebook(journey_notebook(".", today), folder, timeout=timeout)


def to_html(nb: Any, title: str | None = None) -> str:
    """The executed dashboard as a self-contained HTML page with no code in it."""
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            # Warnings a library prints are for us, not for the reader of the report.
            cell.outputs = [o for o in cell.outputs if not (o.output_type == "stream" and o.name == "stderr")]
    exporter = HTMLExporter(
        extra_loaders=[DictLoader({"nextround_offline.html.j2": _OFFLINE_TEMPLATE})],
        template_file="nextround_offline.html.j2",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        # The page's language, so a screen reader reads it with the right sounds (nbconvert
        # takes the language alone: "en", "de").
        language_code=current().split("-")[0],
    )
    html, resources = exporter.from_notebook_node(nb, resources={"metadata": {"name": title or _(TITLE)}})
    if _EXTERNAL_SCRIPT.search(html):
        # A guard, not an expected path: the template above should leave none.
        raise NextroundError(_("the report would need scripts from the web; please report this as a bug"))
    return html


def write_report(
    folder: str | Path,
    output: str | Path,
    *,
    today: date | None = None,
    timeout: int = DEFAULT_TIMEOUT_S,
) -> Path:
    """Run the dashboard on `folder` and write it to `output` as HTML, in the language in force; its path."""
    output = _checked_output(output)
    return files.replace(output, to_html(run_dashboard(folder, today=today, timeout=timeout)))


def write_notebook_html(
    nb_json: dict[str, Any], folder: str | Path, output: str | Path, *, title: str, timeout: int = DEFAULT_TIMEOUT_S
) -> Path:
    """Run a parameterised notebook in `folder` and write it to `output` as HTML."""
    output = _checked_output(output)
    return files.replace(output, to_html(run_notebook(nb_json, folder, timeout=timeout), title))


def _checked_output(output: str | Path) -> Path:
    # Before the notebook runs, not after: a typo should not cost a kernel's run.
    output = files.writable(output)
    if output.suffix.lower() not in (".html", ".htm"):
        raise NextroundError(_("should end in .html"), file=output)
    return output
