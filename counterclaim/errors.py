"""The errors a user can act on, under one base class.

Each says in one line what is wrong and what to do. The command line prints it and exits
with its `exit_code`; anything else that escapes is a bug and keeps its traceback. The
classes live beside the code that raises them:

- `counterclaim.cli.UsageError`: bad arguments or input files (exit 2)
- `counterclaim.ingest.ImportError_`: an article that cannot be read (exit 2)
- `counterclaim.evaluate.GoldFormatError`: a gold file of the wrong shape (exit 2)
- `counterclaim.report.ReportError`: nothing to report on (exit 2)
- `counterclaim.files.NotAFileError`: a folder, device or pipe to write over (exit 2)
- `counterclaim.store.LibraryError`: a library that cannot be opened or used (exit 1)
- `counterclaim.nlp.models.PipelineMissing`: no English spaCy pipeline (exit 1)

The bottom layer: plain Python, importing nothing of counterclaim.
"""

CANNOT_RUN = 1
"""Exit status when the library or the installation is what needs putting right."""

BAD_INPUT = 2
"""Exit status when what the user gave (arguments, files) is what needs putting right."""


class CounterclaimError(Exception):
    """Something the user can put right; the message, one line, says what to do."""

    exit_code: int = CANNOT_RUN
