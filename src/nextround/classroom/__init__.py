"""The class tools: a careers class's exercise handed out, collected and summarised.

`course` owns the course folder's layout (as nbgrader's `CourseDirectory` does);
`generate` deals workbooks from a roster; `collect` finds, identifies and stores
submissions without ever running them, checking who the LMS says handed each in
(`layouts`) and comparing times as instants (`times`); `summary` keeps only what students shared
and withholds small groups; `report` draws the class report. May import every
layer below (domain, checks, storage, rendering, making, journal); never `notebook`,
`api` or `cli`.
"""
