"""Attribution: who is reported as saying what, from the dependency parse and the quotes.

Forms covered: "X said (that) ...", "“...,” X said", "X said: “...”" (the quote may run
over several sentences), "according to X, ...", "X has claimed ...", "X maintains that
...", framing verbs ("slams NATO as ...", "called NATO a ..."), "..., a source close to X
said" at the end of a sentence, "was denied by X", "assured residents that ...",
"reports that ...". "as reported by X" names the source of the report, not a speaker, and
is skipped. Importing this package registers the ``cc_attribution`` component.
"""

from counterclaim.nlp.attribution.finder import AttributionFinder, make_attribution
from counterclaim.nlp.attribution.spans import Attribution, mention_span

__all__ = ["Attribution", "AttributionFinder", "make_attribution", "mention_span"]
