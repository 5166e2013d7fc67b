"""The one-folder bundle's entry point (packaging/counterclaim.spec): `counterclaim` as the
installed command runs it, on a machine without Python."""

import multiprocessing

from counterclaim.cli import main

if __name__ == "__main__":
    # The pipeline's processes are started with "spawn": in the bundle each one is this
    # program again, told by its arguments to run the child's work instead of the CLI.
    # freeze_support() does that (and runs multiprocessing's resource tracker) before
    # the command line is read.
    multiprocessing.freeze_support()
    raise SystemExit(main())
