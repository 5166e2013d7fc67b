"""The one text shortener, in each of the ways its callers cut a text."""

from counterclaim.text import shorten

SENTENCE = "NATO is  a hostile\norganisation, Peskov said on Tuesday"


def test_a_short_text_is_left_whole_with_its_spaces_squeezed() -> None:
    assert shorten(SENTENCE, 100) == "NATO is a hostile organisation, Peskov said on Tuesday"
    assert shorten("NATO is hostile", 15) == "NATO is hostile"


def test_each_cut_ends_the_start_where_its_caller_wants() -> None:
    assert shorten(SENTENCE, 21) == "NATO is a hostile or…"  # a table cell
    assert shorten(SENTENCE, 21, cut="word") == "NATO is a hostile…"  # a reason quoting it
    assert shorten(SENTENCE, 19, cut="trim") == "NATO is a hostile…"  # a title
    assert shorten("Peskovsaid", 5, cut="word") == "Pesk…"  # no space: cut anywhere


def test_the_ellipsis_may_follow_the_limit() -> None:
    assert shorten(SENTENCE, 20, ellipsis_within=False) == "NATO is a hostile or…"


def test_the_command_line_keeps_the_spaces() -> None:
    assert shorten("NATO\nis hostile", 8, squeeze=False) == "NATO\nis…"
