from counterclaim.nlp.quotes import find_quotes


def quoted(text: str) -> list[str]:
    return [text[s:e] for s, e in find_quotes(text)]


def test_straight_and_curly_quotes() -> None:
    assert quoted('He said "we will win" and “never lose”.') == ["we will win", "never lose"]


def test_apostrophes_are_not_quotes() -> None:
    assert quoted("Russia's army isn't retreating, NATO's chief said.") == []


def test_quote_running_over_paragraphs_continues_when_the_next_opens_with_a_mark() -> None:
    text = "The ministry said: “Our troops advance.\n\n“The enemy retreats,” it added."
    (inside,) = quoted(text)
    assert inside.startswith("Our troops advance.") and inside.endswith("The enemy retreats,")


def test_unclosed_quote_ends_at_the_paragraph() -> None:
    text = "He said: “It is over.\n\nThe next paragraph is narration."
    assert quoted(text) == ["It is over."]


def test_short_single_quotes_are_scare_quotes_long_ones_are_speech() -> None:
    text = (
        "The so-called ‘spy balloons’ were seen. She said ‘we will not accept this at all’ today."
    )
    assert quoted(text) == ["we will not accept this at all"]
