"""The notebook faces: what a person sees and fills in, in JupyterLab and Voilà.

`session` is the service under a workbook's forms (its answers, saves, listeners);
`workbook` is the face its cells call; `forms` holds one form per section; `views`
the read-only HTML; `home` the home notebook's form and list; `app` serves a
workbook as a form-only web app. May import every layer below (domain, checks,
storage, rendering, making, journal); never `classroom`, `api` or `cli`.
"""
