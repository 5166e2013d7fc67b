"""The one error the store raises for things the user can act on."""

from counterclaim.errors import CounterclaimError


class LibraryError(CounterclaimError):
    """A library file cannot be opened, migrated or used; the message says what to do."""
