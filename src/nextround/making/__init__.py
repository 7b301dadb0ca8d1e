"""Making and running workbooks: one per rejection, many from a spreadsheet.

`workbook` injects a rejection's parameters into the shipped notebook (papermill's
conventions, our own validation); `batch` reads a CSV and makes one workbook per
row; `run` executes a notebook in a fresh kernel; `kernels` keeps warm kernels for
running many. May import: the domain, the checks, storage; never a face.
"""
