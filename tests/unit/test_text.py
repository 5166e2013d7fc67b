"""The one text shortener, in each of the ways its callers cut a text."""

from counterclaim.text import shorten, visible

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


def test_control_characters_are_shown_as_escapes_on_one_line() -> None:
    name = "evil\n\x1b[31mred\r\tname\x7f\x9b\u2028\u202etxt.exe"
    assert visible(name) == "evil\\n\\x1b[31mred\\r\\tname\\x7f\\x9b\\u2028\\u202etxt.exe"
    assert "\n" not in visible(name) and "\x1b" not in visible(name)


def test_a_file_names_bytes_that_are_not_utf8_show_as_the_bytes() -> None:
    assert visible(b"caf\xe9.txt".decode("utf-8", "surrogateescape")) == "caf\\xe9.txt"


def test_everything_else_is_left_as_it_is() -> None:
    for text in ("C:\\Users\\ed\\Café Marée.txt", "Annika Sørensen", "حلف الناتو", "🇺🇦😀 ‘x’"):
        assert visible(text) == text
    assert visible(visible("a\nb\x1b")) == visible("a\nb\x1b")


def test_a_text_of_several_lines_can_keep_its_line_breaks() -> None:
    assert visible("NATO said:\n\x1b[2Jno threat", keep_lines=True) == (
        "NATO said:\n\\x1b[2Jno threat"
    )
