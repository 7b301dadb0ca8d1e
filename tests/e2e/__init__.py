"""The workbook in a real browser: JupyterLab and `nextround app`, driven by Playwright.

A package, so this folder's conftest does not shadow the `conftest` module that
the other tests import helpers from.
"""
