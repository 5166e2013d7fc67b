"""The one error the store raises for things the user can act on."""


class LibraryError(Exception):
    """A library file cannot be opened, migrated or used; the message says what to do."""
