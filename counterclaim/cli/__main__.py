"""`python -m counterclaim.cli`, as the tests run the command."""

from counterclaim.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
