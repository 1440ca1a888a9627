"""Who a figure is credited to, and under which name: the speakers a text names as it is read.

The reader (:mod:`claimdiff._extract._reader`) carries the last speaker named ("it said", "the
ministry said"), a paragraph's closing citation, a heading's source, the wire a passage came
through and a known body the paragraph names, and asks here for the speaker of each figure: a
quotation's speaker, else the attribution nearest before it in its sentence, else after it, else
what the paragraph carries. The outlet and wire close the chain of who passed the figure on.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

from claimdiff._extract._attribution import attributions
from claimdiff._extract._citations import cited_after_stop
from claimdiff._extract._constructions import has
from claimdiff._extract._gazetteer_reads import known
from claimdiff._extract._placing import Placing
from claimdiff._extract._pointers import Attribution
from claimdiff._extract._sources import canonical_source as canonical_source_of
from claimdiff._extract._sources import member_named
from claimdiff._extract._speaker_labels import titled_label
from claimdiff._extract._speech import VERB
from claimdiff._extract._text import Block, Sentence, quote_at, sentences
from claimdiff._model.aliases import canonical_source
from claimdiff._model.claim import Source

__all__ = ["Crediting"]

#: A report verb with no one named: "it was reported that", "it is said", "it has been estimated".
_IMPERSONAL = re.compile(
    r"\bit\s+(?:is|was|has\s+been|had\s+been)\s+(?:also\s+)?(?:reported|said|stated|claimed|estimated|"
    r"alleged|believed)\b"
)
#: Verbs of expecting and fearing: a speaker of these alone states no figure the next sentence goes on with
#: ("Authorities expect the toll to rise. More than 3,000 people were inside": the outlet's; C14, rule 16).
_FORETELLING = ("expect", "expects", "fear", "fears", "feared", "warn", "warns", "warned")
#: An auxiliary of the passive right before a verb: "will be found", "was reported".
_PASSIVE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+$")
#: _IMPERSONAL's verbs: a sentence with none of them is not searched for it.
_IMPERSONAL_VERBS = ("reported", "said", "stated", "claimed", "estimated", "alleged", "believed")
#: A line naming whose release the text is: "From a Combined Joint Task Force Operation Inherent Resolve News Release".
_RELEASE = re.compile(
    r"\s*From\s+(?:an?\s+|the\s+)?(?P<who>[A-Z][^\n]{2,120}?)\s+(?i:(?:news|press|media)\s+release|"
    r"press\s+statement|statement)\s*"
)
#: A line saying whose words the text sums up: "This is a summary of what was said by UNHCR spokesperson Ron
#: Redmond – to whom quoted text may be attributed – at today's press briefing" (the issuer, like a release's).
_SUMMARY = re.compile(
    r"\s*This\s+is\s+a\s+summary\s+of\s+what\s+was\s+said\s+by\s+(?P<who>[^\n,–—]{2,120}?)"
    r"(?:\s*[–—-]?\s+to\s+whom\s[^\n]*|\s+at\s[^\n]*|,[^\n]*)?\s*"
)
#: A line heading a speech with whose words follow: "Vladimir Putin's opening remarks:" (ANNOTATION.md C7: a
#: heading line naming one source is the origin of the figures the body credits to no one else).
_REMARKS = re.compile(
    r"\s*(?P<who>[A-Z][^\n:]{2,80}?)['’]s\s+(?:(?:opening|closing|concluding|introductory|final)\s+)?"
    r"(?:remarks|speech|address|statement)(?:\s+(?:at|to|on)\s[^\n:]{1,80})?:\s*"
)
#: A line heading a statement with its author: "Statement by Foreign Minister Ana Vell on the attack", "Statement
#: of the Ministry of Foreign Affairs" (C7: the origin of the figures the body credits to no one else).
_STATEMENT_BY = re.compile(
    r"\s*(?:(?:Joint|Official|Press)\s+)?[Ss]tatement\s+(?:by|of|from)\s+(?:the\s+)?(?P<who>[A-Z][^\n.:]{2,100}?)"
    r"(?:\s+(?:on|regarding|concerning|about|in\s+connection\s+with)\s[^\n.:]{1,120})?\s*"
)
#: A speaker's label opening a line of a transcript: "Sergei Shoigu: ", "President of Russia Vladimir Putin: ".
#: Never one a figure follows ("Inside ECs: 540 families"): a list's item names its part, no speaker.
_LABEL = re.compile(r"[ \t]*(?P<who>[A-Z][^:\n]{2,120}?):[ \t]+(?=[^\s\d])")
_LABEL_LINE = re.compile(r"^[ \t]*(?P<who>[A-Z][^:\n]{2,120}?):[ \t]+(?=[^\s\d])", re.MULTILINE)
#: Words a label joins a title's capitalised words with: "Minister of Civil Defence, Emergencies and ...".
_LABEL_JOINERS = frozenset({"of", "the", "and", "for", "on"})
#: A line that separates parts of a text: "* * *", "---".
_SEPARATOR = re.compile(r"\s*(?:[*\-_=~]\s*){3,}")
#: What ends a sentence at the end of a block ("." but also a closing quotation mark or bracket).
_ENDS_SENTENCE = ".!?:;\"”’'…)"


#: Words of a label that name a place or a part of a report, never a person: "Central Region:", "Key Figures:".
_NOT_PEOPLE = frozenset(
    {"region", "province", "state", "district", "county", "area", "areas", "city", "governorate", "oblast",
     "zone", "department", "island", "islands", "update", "overview", "summary", "situation", "response",
     "needs", "highlights", "note", "notes", "source", "sources", "background", "figures", "total",
     "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}
)  # fmt: skip


#: A body's proper name: capitalised words and the joiners inside them ("Ministry of Health", "Civil Defence Agency").
_PROPER_NAME = re.compile(
    r"(?:(?:[A-Z]\.){2,}\s+)?[A-Z][\w'’-]*(?:\s+(?:(?:of|for|on|and)\s+(?:the\s+)?)?[A-Z][\w'’-]*)+"
)  # "U.S. Africa Command": the initials of a name are part of it
#: How far back a pointer looks for a body's name (characters): a few paragraphs.
_LOOK_BACK = 4000
#: A quotation mark opening a quotation.
_OPENING_QUOTES = frozenset('"“')


def _without_footnotes(body: str) -> str:
    """A block without the footnote marks closing it, after its sentence's end: "... died later. [5]", "...[4][5]"."""
    end = len(body.rstrip())
    while end and body[end - 1] == "]":
        mark = body.rfind("[", max(0, end - 32), end)
        if mark < 0 or "\n" in body[mark:end]:
            break
        end = mark
        while end and body[end - 1].isspace():
            end -= 1
    return body[:end]


def _left_open(body: str) -> bool:
    """Whether a block ends inside a quotation: an opening mark with no closing one after it."""
    return body.count('"') % 2 == 1 or body.count("“") > body.count("”")


def _a_name(label: str) -> bool:
    """Whether a label is a person's name, with or without their title: capitalised words closing on two."""
    words = label.replace(",", " ").split()
    return (
        2 <= len(words) <= 16
        and all(w[:1].isupper() or w in _LABEL_JOINERS for w in words)
        and all(w[:1].isupper() and w.isalpha() and not w.isupper() for w in words[-2:])
    )


@attrs.define(kw_only=True)
class Crediting(Placing):
    """The speakers a text has named so far, and the origin and outlets of each figure read from them."""

    outlet: Source
    previous: Attribution | None = None
    lead_in: Attribution | None = None
    carried: Attribution | None = (
        None  # the speaker of the paragraph so far: attribution carries forward
    )
    wire: Source | None = None
    aliases: Mapping[str, str] | None = None
    ids: dict[str, int] = attrs.Factory(dict)
    names: dict[Source, Source] = attrs.Factory(
        dict
    )  # sources read -> under the names the alias tables give them
    body: Attribution | None = (
        None  # a known body the paragraph names ("UNHCR is calling for calm"): its speaker
    )
    unscanned: list[tuple[int, int]] = attrs.Factory(
        list
    )  # the paragraph's sentences not yet read for a known body
    cited: Attribution | None = (
        None  # "(OCHA, 22 Jun 2022)" closing a paragraph: the source of its figures
    )
    heading_source: Attribution | None = (
        None  # "Madagascar - Flood (Media)": a heading's one source, its text's
    )
    #: "From a Combined Joint Task Force News Release": whose release the text is, the origin of the figures
    #: its body credits to no one (ANNOTATION.md C7)
    issuer: Attribution | None = None
    #: the sentence's attributions, as read
    said_now: list[tuple[int, Attribution]] = attrs.Factory(list)
    #: a transcript's speaker, from their label to the next one
    turn: Attribution | None = None
    #: the block read before: whether this one goes on with its sentence
    block_before: Block | None = None
    #: whether the text is a transcript, read when a block opens on a label
    dialogue: bool | None = None
    #: whether the sentence just read only expected, feared or warned: its speaker carries no further
    foretold: bool = False

    def carried_into(self, block: Block) -> Attribution | None:
        """The speaker a block is read with until its own sentences name one.

        A block that goes on with the sentence the block before left open (a line wrapped inside a
        paragraph, "... following the arrival of a traveller from / Tanzania ...") keeps that
        sentence's speaker (ANNOTATION.md rule 16: to the end of its paragraph). In a transcript (two
        or more speakers' labels opening lines: "Sergei Shoigu: Mr Prime Minister, ..."), a label's
        speaker says everything up to the next label or heading, in every paragraph of the turn.
        """
        before, self.block_before = self.block_before, block
        if (
            self.cited is None
        ):  # "... in Deraa. (Reuters)": a parenthesis closing the paragraph cites it
            self.cited = cited_after_stop(self.text[block.start : block.end])
        release = (
            _RELEASE.fullmatch(self.text, block.start, block.end)
            or _SUMMARY.fullmatch(self.text, block.start, block.end)
            or _REMARKS.fullmatch(self.text, block.start, block.end)
            or _STATEMENT_BY.fullmatch(self.text, block.start, block.end)
        )
        if release is not None:
            issuer = canonical_source_of(release.group("who"))
            self.issuer = issuer if issuer is not None and issuer.source is not None else None
            return None
        label = _LABEL.match(self.text, block.start, block.end)
        if label is not None and (
            (self._a_speaker(label.group("who")) and self._transcript())
            or titled_label(
                label.group("who")
            )  # one office holder's turn: a transcript all the same
        ):
            said = canonical_source_of(label.group("who"))
            self.turn = said if said is not None and said.source is not None else None
            if self.turn is not None:
                self.previous = self.turn
            return self.turn
        if block.heading or _SEPARATOR.fullmatch(self.text, block.start, block.end):
            self.turn = None
        if self.turn is not None:
            return self.turn
        if (
            before is not None
            and self.previous is not None
            and self.text[block.start : block.start + 1] in _OPENING_QUOTES
            and _left_open(self.text[before.start : before.end])
        ):
            # a quotation running on into the next paragraph (the paragraph before ends inside it, this
            # one opens on a quotation mark): the words of the speaker it was attributed to
            return self.previous
        open_before = (
            before is not None
            and before.paragraph == block.paragraph
            and (
                not before.heading or before.list_item
            )  # a bullet wrapped early looks like a heading
            and not block.heading
            and not block.list_item
            and _without_footnotes(self.text[before.start : before.end])[-1:] not in _ENDS_SENTENCE
        )
        return self.carried if open_before else None

    def _a_speaker(self, label: str) -> bool:
        """Whether a line's label names a person speaking ("Sergei Shoigu"), not a place or a section."""
        words = {w.lower() for w in label.split()}
        return _a_name(label) and not words & _NOT_PEOPLE and not known(self.gazetteer, label)

    def _transcript(self) -> bool:
        """Whether two or more different speakers' labels open lines of the text (read once)."""
        if self.dialogue is None:
            names = {
                m.group("who")
                for m in _LABEL_LINE.finditer(self.text)
                if self._a_speaker(m.group("who"))
            }
            self.dialogue = len(names) >= 2
        return self.dialogue

    def last_speaker(self, block: Block, quotes: list[tuple[int, int]]) -> Attribution | None:
        """The last speaker a block names, read sentence by sentence from its end (each read once)."""
        for s in reversed(sentences(self.text, block)):
            said = attributions(self.text, self.low, s.start, s.end, quotes)
            if said:
                return said[-1][1].resolve(self.previous)
        return None

    def named_body(self) -> Attribution | None:
        """The first known body the paragraph names so far ("UNHCR is calling for calm"): its speaker.

        Only a member body of the organisation whose own channel the outlet is (:func:`member_named`,
        ANNOTATION.md rule 18b). The sentences are read for one only when a figure needs it, in order,
        each once.
        """
        while self.body is None and self.unscanned:
            start, end = self.unscanned.pop(0)
            self.body = member_named(self.outlet, self.text, start, end)
        return self.body

    def _speaker(
        self,
        at: int,
        quotes: list[tuple[int, int]],
        speakers: list[Attribution | None],
        said: list[tuple[int, Attribution]],
    ) -> Attribution | None:
        inside = quote_at(quotes, at)
        who = None if inside is None else speakers[inside]
        resolved = None if who is None else who.resolve(self.previous)
        if resolved is not None:
            return resolved
        before = [a for pos, a in said if pos < at]
        if before:
            return before[-1]
        after = [a for pos, a in said if pos > at and a.reaches_back]
        if after:
            return after[0]
        return (
            self.carried
            or self.cited
            or self.lead_in
            or self.named_body()
            or self.heading_source
            or self.issuer
        )

    def speakers_of(
        self, s: Sentence, quotes: list[tuple[int, int]]
    ) -> list[tuple[int, Attribution]]:
        """The speakers a sentence names, each with its offset, pointers back resolved.

        A sentence that says only that something "was reported" ("Furthermore, it was reported that 15
        civilians were killed") names no one and says so: the speaker carried from the sentences
        before does not reach it (ANNOTATION.md rule 16: publicly reported figures are the outlet's).
        """
        if self.foretold:
            # the sentence before only expected or feared (ANNOTATION.md C14): its speaker was the origin
            # of its own figures, and states none of the sentences after it (rule 16)
            self.carried, self.foretold = None, False
        said = [
            (at, self._resolved(a, at))
            for at, a in attributions(self.text, self.low, s.start, s.end, quotes)
        ]
        if said and has(self.low, _FORETELLING, s.start, s.end):
            verbs = [  # "more bodies will be found": a passive, no speaker's verb
                m.group("verb")
                for m in VERB.finditer(self.low, s.start, s.end)
                if not _PASSIVE.search(self.low, max(s.start, m.start() - 12), m.start())
            ]
            self.foretold = (
                all(v in _FORETELLING for v in verbs if v)
                and any(verbs)
                and not has(self.low, ("according to",), s.start, s.end)
            )
        if (
            not said
            and has(self.low, _IMPERSONAL_VERBS, s.start, s.end)
            and _IMPERSONAL.search(self.low, s.start, s.end)
        ):
            self.carried = None
        self.said_now = [(at, a) for at, a in said if a is not None]
        return self.said_now

    def _resolved(self, said: Attribution, at: int) -> Attribution | None:
        """``said`` with a pointer back resolved to the speaker it means.

        A pointer that fits no speaker named before is the body of its noun the text last named by
        name, speaking or not ("the enclave's Ministry of Health has updated its breakdown ... the
        ministry said": the Ministry of Health), else the noun's own body (ANNOTATION.md rule 16).
        """
        found = said.resolve(self.previous)
        if (
            said.source is not None
            or not said.refers_to
            or found is None
            or found.source is not said.alone
        ):
            return found
        head = said.refers_to.split()[-1]
        named = None
        for m in _PROPER_NAME.finditer(self.text, max(0, at - _LOOK_BACK), at):
            if head in m.group(0).lower().split():
                named = m
        body = None if named is None else canonical_source_of(named.group(0))
        if body is None or body.source is None or not said.points_to(body):
            return found
        return Attribution(body.source, via=said.via, people=found.people)

    def own_reporter(self, start: int, end: int) -> Attribution | None:
        """The reporter the sentence names between ``start`` and ``end``: a list item's own ("Italy (42)")."""
        return next(
            (a for at, a in self.said_now if start <= at < end and not a.reaches_back), None
        )

    def chain_of(self, who: Attribution | None) -> tuple[Source, tuple[Source, ...]]:
        chain: list[Source] = []
        if who is not None and who.source is not None:
            chain = [self._named(who.source), *(self._named(v) for v in who.via)]
        if self.wire is not None:
            chain.append(self.wire)
        chain.append(self.outlet)
        deduped: list[Source] = []
        for src in chain:
            if all(src.key != d.key for d in deduped):
                deduped.append(src)
        return deduped[0], tuple(deduped[1:])

    def _named(self, source: Source) -> Source:
        """The source under the one name the alias tables give it."""
        named = self.names.get(source)
        if (
            named is None
        ):  # the alias table is folded on every lookup: each source is looked up once per text
            name = canonical_source(source.name, self.aliases)
            named = self.names[source] = (
                source if name == source.name else attrs.evolve(source, name=name)
            )
        return named

    def make_id(self, source: Source, metric: str, counted: str | None) -> str:
        who = "-".join(re.findall(r"[a-z0-9]+", source.name.lower())[:3]) or "source"
        what = "-".join(re.findall(r"[a-z0-9]+", f"{metric} {counted or ''}".lower()))
        base = f"{who}-{what}"
        n = self.ids.get(base, 0) + 1
        self.ids[base] = n
        return base if n == 1 else f"{base}-{n}"
