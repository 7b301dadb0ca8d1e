"""What every form is made of: labelled fields, hints, status lines, and `Form` itself.

A form is built from the answers on disk, shows them, and on Save applies its
values to the answers as they are on disk at that moment (see `core.answers`),
then says in the form that it saved — or why it could not.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import ipywidgets as w
from ipywidgets.widgets.widget_string import HTMLStyle

from nextround.core import answers, i18n, messages
from nextround.core.answers import as_date
from nextround.core.i18n import N_, _
from nextround.errors import NextroundError
from nextround.notebook import aria, views
from nextround.render import palette
from nextround.render.html import Markup, join

if TYPE_CHECKING:
    from nextround.notebook.session import Session


LABEL_STYLE = {"description_width": "13em"}

_Handler = TypeVar("_Handler", bound=Callable[..., Any])


def speaking(handler: _Handler) -> _Handler:
    """`handler`, run in the language in force now, whenever it is called later.

    A widget's event (a click, a keystroke) reaches the kernel outside the cell that
    built the form, so its handler is tied to the form's language when it is registered.
    """
    locale = i18n.current()

    @functools.wraps(handler)
    def run(*args: Any, **kwargs: Any) -> Any:
        with i18n.using(locale):
            return handler(*args, **kwargs)

    return run  # type: ignore[return-value]


def wide() -> w.Layout:
    # A new Layout each time: a widget kept at module level would outlive the workbook
    # (warm kernels reuse the module), and be missing from the next one's widget state.
    return w.Layout(width="auto", max_width="760px")


# --- small building blocks ----------------------------------------------------------


def date_field(label: str, value: Any) -> w.DatePicker:
    return w.DatePicker(description=label, value=as_date(value), style=LABEL_STYLE, layout=w.Layout(width="24em"))


def text_field(label: str, value: str, placeholder: str = "") -> w.Text:
    return w.Text(description=label, value=value or "", placeholder=placeholder, style=LABEL_STYLE, layout=wide())


def text_area(label: str, value: str, rows: int = 4, placeholder: str = "") -> w.Textarea:
    return w.Textarea(
        description=label, value=value or "", rows=rows, placeholder=placeholder, style=LABEL_STYLE, layout=wide()
    )


def choice_field(label: str, options: Any, value: Any) -> w.Dropdown:
    # A blank option reads as broken; "—" reads as "not yet".
    labelled = [(option or "—", option) if isinstance(option, str) else option for option in options]
    return w.Dropdown(description=label, options=labelled, value=value, style=LABEL_STYLE,
                      layout=w.Layout(width="24em"))


# While a form is being built, its plain HTML widgets share one Layout and one style:
# one model each instead of one per widget, about a fifth of a workbook's widget
# models, which is time saved each time it opens or runs in a batch. Nothing is
# kept here once the form is built (a widget kept in a module would outlive it).
_SHARED: list[dict[str, Any]] = []


def html(value: str = "") -> w.HTML:
    """An HTML widget; inside a form being built, with the form's shared layout and style."""
    if not _SHARED:
        return w.HTML(value)
    shared = _SHARED[-1]
    if not shared:
        shared.update(layout=w.Layout(), style=HTMLStyle())
    return w.HTML(value, layout=shared["layout"], style=shared["style"])


class SharedLooks:
    """The span in which new HTML widgets share their look (a form's building)."""

    def __enter__(self) -> None:
        _SHARED.append({})

    def __exit__(self, *exc: object) -> None:
        _SHARED.pop()


def label_cell(text: str) -> w.HTML:
    """A label in the column of the fields' own labels: 13em wide, right-aligned."""
    cell = w.HTML(
        Markup('<div style="text-align:right;line-height:1.3;padding-top:6px">{}</div>').format(text),
        layout=w.Layout(width="13em", min_width="13em", margin="2px 6px 2px 2px"),
    )
    cell.add_class("nextround-row-label")  # names the row's group for a screen reader (see `aria`)
    return cell


def labelled_row(label: str, *widgets: w.Widget) -> w.HBox:
    """Widgets without a label of their own (toggle buttons, say), labelled like the others.

    A row of toggle buttons (or a box of them) is announced as a group named by the label.
    """
    for widget in widgets:
        if isinstance(widget, (w.ToggleButtons, w.Box)):
            aria.group(widget)
    row = w.HBox([label_cell(label), *widgets], layout=w.Layout(align_items="flex-start"))
    row.add_class("nextround-row")
    return row


def number_field(label: str, value: int, low: int, high: int) -> w.BoundedIntText:
    return w.BoundedIntText(value=value, min=low, max=high, description=label, style=LABEL_STYLE,
                            layout=w.Layout(width="20em"))


def dated_list(entries: list[dict[str, Any]]) -> Markup:
    """Logged entries, newest first, as an HTML list (empty when there are none)."""
    items = join(
        Markup("<li>{}: {}</li>").format(i18n.date_text(e.get("on")), e.get("note", "")) for e in reversed(entries)
    )
    return Markup('<ul style="line-height:1.45;margin:4px 0">{}</ul>').format(items) if items else Markup()


def heading(text: str) -> w.HTML:
    return html(Markup('<div style="font-weight:600;margin:12px 0 2px">{}</div>').format(text))


def own_layout(widget: w.Widget) -> w.Widget:
    """Give `widget` a layout of its own, so it can be shown and hidden alone.

    A form's plain HTML widgets share one layout (see `html`): hiding one through
    it would hide them all, the status line included.
    """
    widget.layout = w.Layout()
    return widget


#: The class of what sits under the fields, not under their labels (on a phone, labels
#: stand above their fields, and this moves back to the left edge).
BESIDE = "nextround-beside"


def hint(text: str, *, beside: bool = False) -> w.HTML:
    """A line of guidance; `beside` sets it under the fields rather than under the labels."""
    indent = "calc(13em + 10px)" if beside else "0"
    return html(
        Markup('<div class="{}" style="color:{};max-width:760px;margin:2px 0 4px {};line-height:1.45">{}</div>').format(
            BESIDE if beside else "", palette.MUTED_TEXT, indent, text)
    )


def beside(widget: w.Widget) -> w.Widget:
    """Mark `widget` as set under the fields (its own margin does that), not under the labels."""
    widget.add_class(BESIDE)
    return widget


def hook(widget: w.Widget, *names: str) -> w.Widget:
    """Give `widget` stable CSS classes, `nextround-<name>`, for styling and browser tests.

    Names are the Python attribute names with `_` as `-`, so a test in the browser
    finds `form.text` of the feedback form as `.nextround-feedback-text`.
    """
    for name in names:
        widget.add_class("nextround-" + name.replace("_", "-"))
    return widget


def hook_attributes(owner: Any, prefix: str) -> None:
    """Hook every widget attribute of `owner` (and every widget in a dict attribute)."""
    for attribute, value in vars(owner).items():
        if isinstance(value, w.Widget):
            hook(value, f"{prefix}-{attribute}")
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, w.Widget):
                    hook(item, f"{prefix}-{attribute}-{key}")


def draft_area(label: str, message: messages.Message, saved: str = "") -> w.Textarea:
    """A drafted message to edit and copy; the person's own edits win over the template.

    Tall enough to show the whole draft, so its sign-off is never hidden below a scroll.
    """
    text = saved or message.text
    return text_area(label, text, rows=rows_for(text))


def rows_for(text: str) -> int:
    """Rows to show all of `text`: long lines wrap at about 70 characters in a 760-pixel box."""
    lines = sum(max(1, -(-len(line) // 70)) for line in text.splitlines())
    return min(max(8, lines + 1), 28)


def status_line(text: str, kind: str) -> Markup:
    """A form's one-line status: `ok`, `warn` or `error`, with its mark and colour."""
    mark = {"ok": "✓", "warn": "!", "error": "✗"}[kind]
    return Markup('<span style="color:{};margin-left:10px">{} {}</span>').format(palette.STATUS[kind], mark, text)


def saving(workbook: Session, edit: Callable[[dict[str, Any]], Any]) -> tuple[dict[str, Any] | None, str]:
    """Save through the workbook: (what was saved, "") or (None, why not, for the form)."""
    try:
        return workbook.save(edit), ""
    except NextroundError as exc:
        return None, _("Not saved: {reason}").format(reason=exc)
    except OSError as exc:  # a full disk, a folder made read-only: say so in the form
        return None, _("Not saved: {reason}").format(reason=f"{exc.filename or workbook.store.path}: {exc.strerror}")


class Shown:
    """Something a notebook cell shows as its widget, with a status line to say how it went."""

    widget: w.Widget
    status: w.HTML

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)

    def _say(self, text: str, kind: str) -> None:
        self.status.value = status_line(text, kind)


class Form(Shown):
    """A section's form: its widgets, a Save button and a status line.

    A Save writes only the fields the person changed since the form showed them
    (`fields` compared with what was shown), so a form left open in another tab
    cannot undo this one's answers with its stale copy.
    """

    save_label = N_("Save")
    #: The answers section whose fields the form writes (see `write`).
    section = ""
    #: The form's name in CSS classes: `nextround-<name>`, `nextround-<name>-<field>`.
    hook_name = "form"

    def __init__(self, workbook: Session, doc: dict[str, Any] | None = None) -> None:
        # `doc`: the answers as the workbook read them, when the caller has them already.
        with SharedLooks():
            self._make(workbook, workbook.answers() if doc is None else doc)
        if workbook.problem:
            self._say(workbook.problem, "error")

    def _make(self, workbook: Session, doc: dict[str, Any]) -> None:
        self.workbook = workbook
        self.status = aria.live(html())
        self.save_button = w.Button(
            description=self.button_label(), icon="save", button_style="primary", layout=w.Layout(width="auto")
        )
        self.save_button.on_click(speaking(lambda button: self.save()))
        self.build(doc)
        self._shown = self.fields(doc)
        self._writing: dict[str, Any] = {}
        self._fields_doc = doc
        self._unsaved = False
        self.widget = w.VBox(
            [*self.children(), w.HBox([self.save_button, self.status], layout=w.Layout(align_items="center"))],
            layout=w.Layout(width="100%", max_width="800px"),
        )
        hook_attributes(self, self.hook_name)
        hook(self.widget, "form", self.hook_name)
        for field in _value_widgets(self):
            field.observe(speaking(self._changed), names="value")

    def button_label(self) -> str:
        """The Save button's words, in the form's language."""
        return _(self.save_label)

    def _changed(self, change: Any = None) -> None:
        """Say "unsaved changes" as soon as a field differs from what was last saved."""
        unsaved = self.fields(self._fields_doc) != self._shown
        if unsaved and not self._unsaved:
            self._say(_("Unsaved changes"), "warn")
        elif self._unsaved and not unsaved:
            self.status.value = ""
        self._unsaved = unsaved
        self.widget.remove_class("nextround-unsaved") if not unsaved else self.widget.add_class("nextround-unsaved")

    def build(self, doc: dict[str, Any]) -> None:
        """Make the widgets from the saved answers."""
        raise NotImplementedError

    def children(self) -> list[w.Widget]:
        """The widgets, in order, above the Save button."""
        raise NotImplementedError

    def fields(self, doc: dict[str, Any]) -> dict[str, Any]:
        """The form's values, as the fields it writes; `doc` is the answers they go into."""
        return {}

    def write(self, doc: dict[str, Any], changed: dict[str, Any]) -> None:
        """Put the changed fields into the answers (by default: into `section`)."""
        answers.set_fields(doc, self.section, changed)

    def edit(self, doc: dict[str, Any]) -> None:
        """Apply the form's changes to the answers as they are on disk now."""
        self._writing = self.fields(doc)
        changed = {k: v for k, v in self._writing.items() if k not in self._shown or self._shown[k] != v}
        self.write(doc, changed)

    def check(self) -> str | None:
        """A reason not to save yet (shown to the person), or None."""
        return None

    def saved(self, doc: dict[str, Any]) -> None:
        """Called after a successful save, with what was saved."""

    def save(self) -> bool:
        """Save the form; returns whether it worked. The form says which."""
        reason = self.check()
        if reason:
            self._say(reason, "warn")
            return False
        doc, why_not = saving(self.workbook, self.edit)
        if doc is None:
            self._say(why_not, "error")
            return False
        self._shown = self._writing
        self._fields_doc = answers.with_defaults(doc)
        self.saved(self._fields_doc)
        self._unsaved = False
        self.widget.remove_class("nextround-unsaved")
        self._say(_("Saved at {time}").format(time=doc["saved_at"][11:16]), "ok")
        return True


def _value_widgets(owner: Any) -> list[w.Widget]:
    """The widgets holding a form's values (fields, not buttons, views or status lines)."""
    found = []
    for value in vars(owner).values():
        items = value.values() if isinstance(value, dict) else (value,)
        found += [item for item in items
                  if isinstance(item, w.ValueWidget) and not isinstance(item, (w.HTML, w.Label))]
    return found


def checks_read_this_language() -> bool:
    """Whether the text checks have rules for the language in force (English only, for now)."""
    from nextround.checks import LANGUAGES

    return i18n.current().split("-")[0] in LANGUAGES


def english_only_note() -> w.HTML:
    """The one line a form shows where the checks would judge text in another language."""
    return html(views.checks_english_only())


def tone_view(draft: w.Textarea, what: str, *, note: bool = True) -> w.HTML:
    """A view of the tone check of `draft` (`what`: "reply", "thank_you" or "linkedin"), kept up to date.

    In a language the checks do not read, no judgement: the English-only line (with
    `note`), or nothing.
    """
    if not checks_read_this_language():
        return english_only_note() if note else html()
    from nextround.checks import check_tone

    view = html()

    def update(change: Any = None) -> None:
        view.value = views.tone_report(check_tone(draft.value), what=what) if draft.value.strip() else ""

    draft.observe(speaking(update), names="value")
    update()
    return view


def star_view(answer: w.Textarea) -> w.HTML:
    """A view of the STAR check of `answer`, kept up to date as it is typed (nothing where it cannot read it)."""
    view = html()
    if not checks_read_this_language():
        return view
    from nextround.checks import check_answer

    def update(change: Any = None) -> None:
        view.value = views.star_verdict(check_answer(answer.value)) if answer.value.strip() else ""

    answer.observe(speaking(update), names="value")
    update()
    return view


def refresh_draft(area: w.Textarea, suggested: str, message: messages.Message) -> str:
    """Show the newly drafted `message` if the person has not edited the old suggestion; the new suggestion."""
    if area.value == suggested and message.text != suggested:
        area.value = message.text
    return message.text


def own_text(value: str, template: messages.Message) -> str:
    """Keep a draft only when the person changed it, so template fixes still reach them."""
    return "" if value.strip() == template.text.strip() else value


def draft_tools(area: w.Textarea, address: Callable[[], str], name: str) -> w.HTML:
    """A Copy button and, where there is an address to write to, an "Open in email" link.

    Both act on the draft as it is now: the link is remade as the draft is edited, and
    the button copies the text box's current words, found by the CSS class
    `nextround-draft-<name>`: `name` must be unique on the page.
    """
    css = f"nextround-draft-{name}"
    area.add_class(css)
    view = w.HTML(layout=w.Layout())  # a layout of its own: forms show and hide it

    def update(change: Any = None) -> None:
        to = address().strip()
        link = (Markup(' <a class="nextround-mailto" href="{}" target="_blank" rel="noopener">{}</a>')
                .format(messages.mailto(to, messages.Message.from_text(area.value)), _("Open in email"))
                if to else Markup())
        view.value = Markup(
            '<div class="{}" style="margin:0 0 6px calc(13em + 10px)">'
            '<button type="button" class="nextround-copy" aria-label="{}" '
            "onclick=\"navigator.clipboard.writeText(document.querySelector('.{} textarea').value)"
            ".then(() => {{ this.textContent = '{}'; }})\">{}</button>{}{}</div>"
        ).format(BESIDE, _("Copy the draft"), css, _js_text(_("Copied")), _("Copy"), link, Markup("") if to else Markup(
            ' <span style="color:{}">{}</span>').format(
                palette.HINT_TEXT, _("(no email address noted, so no link to open)")))

    area.observe(speaking(update), names="value")
    update()
    return view


def _js_text(text: str) -> str:
    """Text to put inside a single-quoted JavaScript string in an HTML attribute (escaped again there)."""
    return text.replace("\\", "\\\\").replace("'", "\\'")
