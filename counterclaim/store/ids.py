"""Public ids of stored things: a prefix and the row id ("sp12", "st40", "ln7")."""

from counterclaim.store.errors import LibraryError

SPEAKER = "sp"
STATEMENT = "st"
LINK = "ln"
SIDE = "sd"
ARTICLE = "ar"


def public_id(prefix: str, row_id: int) -> str:
    return f"{prefix}{row_id}"


def row_id(prefix: str, public: str) -> int:
    """The row id in `public`; `LibraryError` if it is not a `prefix` id."""
    digits = public.removeprefix(prefix)
    if digits == public or not digits.isdigit():
        raise LibraryError(f"'{public}' is not a {prefix}<number> id")
    return int(digits)
