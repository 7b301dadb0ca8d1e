"""The class tools: a careers class's exercise handed out, collected and summarised.

`course` owns the course folder's layout (as nbgrader's `CourseDirectory` does);
`roster` reads who is in the class (a plain CSV, a Canvas or Moodle export);
`generate` deals workbooks from a roster; `handout` is the one notebook posted to
the whole class that becomes each student's workbook; `uploads` finds and reads
handed-in files one at a time; `collect` identifies and stores them without ever
running them, checking who the LMS says handed each in (`layouts`) and comparing
times as instants (`times`); `assign` files a held one by hand; `summary` keeps only
what students shared and withholds small groups; `report` draws the class report;
`grades` writes the scores back in the LMS's own format; `feedback` writes each
student their own page back. May import every
layer below (domain, checks, storage, rendering, making, journal); never `notebook`,
`api` or `cli`.
"""
