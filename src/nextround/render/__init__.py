"""Rendering: one palette, the HTML pieces and the charts every page is made of.

Notebook views, dashboards and reports draw with these, so a colour or a notice box
is defined once; `text` makes outside text safe for a spreadsheet cell or a line of
output. HTML is built with markupsafe: text is escaped as it goes in, and
only pieces built here (or marked safe on purpose) pass through as HTML. Charts are
matplotlib figures embedded as PNG. May import: `nextround.errors` and the domain
(`nextround.core`); never storage, services or faces.
"""
