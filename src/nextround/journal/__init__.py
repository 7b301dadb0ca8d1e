"""The journal across workbooks: every answers file in a folder, read into tables.

`tables` loads a folder into a `Journal` of pandas DataFrames; `reminders` lists
what is due and writes the calendar; `dashboard` draws the journey's panels;
`report` runs the journey notebook into one offline HTML page; `export` writes the
tables as CSV or Excel. May import: the domain, the checks, storage, rendering and
`making` (the report runs a notebook); never a face.
"""
