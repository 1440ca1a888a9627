"""Who said it: "X said", "according to X", "X told Y", quoted statements, pronouns, "Via X" lines.

This module finds where a sentence credits its figures; :mod:`claimdiff._extract._sources` reads the
name of the body it credits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from claimdiff._extract._citations import based_on, cited_source, each_reporter, figure_of
from claimdiff._extract._constructions import (
    CLAUSE_BETWEEN,
    OPENER,
    OWN_TOLL,
    POSSESSED,
    QUOTED_AS,
    a_body,
    authors_from,
    closing_tag,
    has,
    headline,
    named_or_role,
    names_someone,
    noun_after_adjective,
    own_clause,
    owner,
    press_passed,
    quoted_speaker,
    relayed,
    says_nothing,
    through,
)
from claimdiff._extract._pointers import Attribution, with_person
from claimdiff._extract._sources import ANAPHORS, canonical_source
from claimdiff._extract._speech import (
    ALSO_ACTIONS,
    BASIS_VERBS,
    BREAKDOWN_BY,
    CLAUSE_ENDS,
    DOCUMENT_SUBJECT,
    DOCUMENT_VERBS,
    MODIFIES,
    NOT_SPEECH,
    NOUN_NEXT,
    NOUNS,
    STANDARD,
    TOLD_ENDS,
    VERB,
    VERB_NEXT,
)
from claimdiff._extract._subjects import (
    APPOSED_ROLE,
    ROLE,
    cut,
    inverted,
    set_off_before,
    subject,
)
from claimdiff._extract._subjects import told as told_to
from claimdiff._extract._text import alternation, quote_at
from claimdiff._extract._time import CALENDAR_WORDS, MONTH_PATTERN
from claimdiff._model.claim import SourceKind
from claimdiff._model.numbers import NUMBER_WORDS

# the citations re-exported
__all__ = ["CITING", "attributions", "cited_source", "figure_of"]

# fmt: off
#: "is said to have", "were reported to be": not a statement; "confirmed to AFP" is one (see _TOLD_TO).
_TO = re.compile(r"\s+to\s+(?!(?:the\s+)?[A-Z])")
#: A speech verb and the outlet it spoke to: "confirmed to AFP", "said to Reuters" (via that outlet).
_TOLD_TO = re.compile(r"\s+to\s+(?=(?:the\s+)?[A-Z])")
#: "by" before a time is a deadline, not an agent: "tallied by 4 p.m.", "by Monday", "by the end of May".
_NOT_TIME = (rf"(?!\d|(?:the\s+)?(?:end|middle|close|time)\s+of\b|(?:{MONTH_PATTERN})|(?:noon|midnight|then|now|"
             rf"today|tonight|tomorrow|yesterday|{'|'.join(sorted(CALENDAR_WORDS))})\b)")
_REPORTED_TO = re.compile(r"\b(?:were|was|been|are|is)\s+(?:reported|notified|submitted)\s+to\s+(?!(?:be|have|been|had)\b)(?P<who>[^,.;:\"“”()]{2,80})")
_BY = re.compile(r"\b(?:statement|estimate|report|figures?|count|tally|data|compiled|compilation|survey)\b"
                 rf"[^.;:\"“”]{{0,40}}?\bby\s+{_NOT_TIME}(?P<who>[^,.;:\"“”()]{{2,80}})")
#: A passive report verb and its agent: "44 deaths were reported by the ministry", "confirmed by officials".
_PASSIVE_BY = re.compile(
    r"\b(?:were|was|been|are|is|being)\s+(?:officially\s+)?(?:reported|confirmed|recorded|registered|verified|"
    r"documented|counted|announced|notified|informed|alerted|released|published|issued)(?:\s+to\s+[^,.;:\"“”()]{2,40}?)?"
    rf"(?:\s+(?:on\s+)?(?:{'|'.join(sorted(CALENDAR_WORDS))}|earlier|later|also|again|first|initially))?"
    rf"(?:\s+|,\s*(?:all|most|mostly|mainly|both)\s+)by\s+(?!an?\s){_NOT_TIME}"
    r"(?P<who>[^,.;:\"“”()]{2,80})"
)
#: What an agent reported, after its name: "by the ministry of two confirmed cases".
_REPORTED_WHAT = re.compile(
    r"\s+(?:(?:of|about|on)\s+(?=\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|a|an|some|several|"
    r"more|over|at|nearly|about|around|almost|up)\b)|that\b)"
)
#: An agent that is a method, not a body: "confirmed by laboratory testing", "by DNA tests".
_METHOD = re.compile(r"\b(?:tests?|testing|laborator(?:y|ies)|labs?|pcr|sequencing|analysis|culture|autops(?:y|ies))\b")
_ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,.;:\"“”()]{2,80})")
#: "per X" before a name, read on the text as written ("per the Disaster Agency"; "per day" names no one).
_PER = re.compile(r"\bper\s+(?P<who>(?:the\s+)?[A-Z][^,.;:\"“”()]{1,80})")
CITING = re.compile(r"\b(?:citing|quoting|(?:who|which|that)\s+(?:cited|quoted)|with reference to|referring to)\s+(?P<who>[^,.;:\"“”()]{2,80}?)(?=\s+(?:indicate|indicates|indicated|said|say|"
                     r"says|show|shows|showed|report|reports|reported|put|puts|suggest|suggests|that|as)\b|[,.;:()]|$)")
#: The words CITING cannot match without: a sentence with none of them is not searched for it.
_CITING_WORDS = ("citing", "quoting", "cited", "quoted", "with reference to", "referring to")
_PASSIVE_BEFORE = re.compile(r"\b(?:were|was|is|are|be|been|being|it is|widely|an?|the)\s+$")
#: A number and at most two words before a noun that is also a verb: "six command posts", "12 reports" are counted.
_COUNTED_BEFORE = re.compile(
    rf"(?<![\w.,])(?:\d[\d,]*|{alternation(w for w in NUMBER_WORDS if ' ' not in w)})(?:\s+[a-z][\w-]*){{0,2}}\s+$"
)
#: A determiner, possessive, closed-class adjective or preposition before a word: it is a noun ("its first
#: report", "amid fears that").
_DETERMINED = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our|this|that|these|those|more|many|some|several|few|other|further|no|"
    r"any|multiple|numerous|amid|despite|with|over|of)\s+"
    r"(?:(?:first|latest|last|new|initial|preliminary|daily|weekly|final|previous|official|separate|own)\s+)?$"
)
# fmt: on


def _speaks(found: Attribution) -> bool:
    """Whether a subject names someone who can report.

    A body or office by its kind, a proper name, unnamed reports (ANNOTATION.md rule 18), or a
    pointer back to a speaker ("it", "the ministry"); not a thing ("the floods", "satellite images").
    """
    if found.source is None:
        named = found.resolve(None) if found.refers_to else None
        return (
            named is None
            or any(w in ANAPHORS for w in found.refers_to.split())
            or (named.source is not None and named.source.kind is not SourceKind.UNKNOWN)
        )
    words = found.source.name.split()
    return (
        found.source.kind is not SourceKind.UNKNOWN
        or any(w[:1].isupper() for w in words[1:])
        or (len(words) == 1 and (words[0].isupper() or not words[0].endswith("s")))
        or words[-1].lower() in {"reports", "report"}
        or words[-1].lower()
        in _PEOPLE  # "Field teams report", "Aid workers put the toll at" (rule 18)
    )


#: Head nouns of people who can report, unnamed: "field teams", "aid workers", "witnesses" (ANNOTATION.md rule 18).
_PEOPLE = frozenset(
    {"teams", "workers", "officials", "sources", "residents", "witnesses", "volunteers", "responders", "partners",
     "staff", "doctors", "medics", "rescuers", "activists", "monitors", "observers", "agencies", "authorities",
     "enumerators", "informants"}
)  # fmt: skip
#: What may follow a verb that closes its sentence: "..., Xinhua reported on Monday."
_TAIL = re.compile(r"(?:\s+[a-z]+){0,3}\s*[.!?\"”]*\s*")
#: The auxiliary of a progressive before its verb: "are putting", "has been reporting".
_PROGRESSIVE = re.compile(r"\b(?:is|are|was|were|has been|have been|had been)\s+$")
#: The next sentence saying whose the sentence before is: "That is according to initial information from X."
_NEXT_SAYS_WHOSE = re.compile(
    r"[.!?]?\s*(?:that|this)(?:\s+is|\s+was|'s|’s)\s+(?:all\s+|also\s+)?according\s+to\s+"
    r"(?P<who>[^,.;:\"“”()]{2,100})"
)
#: A noun phrase right after a verb that opens its clause: "..., said the report" (its subject, named).
_INVERTED_NP = re.compile(r"\s+(?:the|a|an|its|their)(?:\s+[a-z'’-]+){1,5}\s*(?:[,.;:]|$)")
#: A second verb of one subject: "Shi put the toll at two and said ...".
_AND_BEFORE = re.compile(r"\band\s+(?:also\s+)?$")
#: A speech verb right after a comma or a closing quotation mark: "..., said the ministry".
_OPENS_CLAUSE = re.compile(r"[,\"”]\s*$")


def attributions(
    text: str, low: str, start: int, end: int, quotes: Sequence[tuple[int, int]]
) -> list[tuple[int, Attribution]]:
    """Every attribution in the sentence ``text[start:end]`` outside quotations, with its offset.

    ``low`` is ``text`` folded to lower case (same offsets); patterns run on it, names are cut from ``text``.
    """
    out: list[tuple[int, Attribution]] = []

    def quoted(pos: int) -> bool:
        return quote_at(quotes, pos) is not None

    # each pattern is run only on a sentence with the words it cannot match without
    reported_to = has(low, ("reported", "notified", "submitted"), start, end)
    by = has(low, ("by",), start, end)  # the agent's "by" of _BY and _PASSIVE_BY
    for m in (
        _REPORTED_TO.finditer(low, start, end) if reported_to else ()
    ):  # "131 cases were reported to CDC": the body counting them
        if " by " in m.group("who"):
            continue  # "reported to WHO by the ministry": the ministry reported them (the agent, below)
        found = canonical_source(cut(text, m.start("who"), m.group("who")))
        if names_someone(found) and not quoted(m.start()):
            out.append((m.start(), found))
    for m in (
        _BY.finditer(low, start, end) if by else ()
    ):  # "compiled ... by the Iraq Body Count", "a statement by the minister"
        if _PASSED_ON.search(m.group(0)):
            continue  # "the ministry's figures, cited by Reuters": Reuters passed them on, it wrote none
        # "by X that ...", "figures by X suggest 17,489": X, the agent ending before what it reported
        what = _REPORTED_WHAT.search(low, m.start("who"), m.end("who")) or VERB_NEXT.search(
            low, m.start("who"), m.end("who")
        )
        agent = text[m.start("who") : m.end("who") if what is None else what.start()]
        if BREAKDOWN_BY.fullmatch(agent):
            continue  # "Data by province show": a breakdown, no agent
        found = canonical_source(agent)
        if names_someone(found) and not quoted(m.start()):
            out.append((m.start(), found))
    for m in (
        _PASSIVE_BY.finditer(low, start, end) if by else ()
    ):  # "44 deaths were reported by the ministry"
        if _METHOD.search(m.group("who")):
            continue
        # "notified by the ministry of two confirmed cases": the agent ends before what it reported
        what = _REPORTED_WHAT.search(low, m.start("who"), m.end("who"))
        agent_end = m.end("who") if what is None else what.start()
        to = (  # "confirmed by X to AFP": via AFP ("by X with reference to Y" is a citation)
            None
            if CITING.search(low, m.start("who"), agent_end)
            else _TO_OUTLET.search(low, m.start("who"), agent_end)
        )
        found = _citing_within(text, low, m.start("who"), agent_end if to is None else to.start())
        if to is not None and found is not None:
            found = attrs.evolve(
                found, via=(*found.via, *told_to(text, low, to.end() - 1, agent_end))
            )
        if names_someone(found) and not quoted(m.start()):
            parts = each_reporter(text, m.end("who"), end)
            # "reported by Greece (45), Italy (42)": each its own; the total no one's (F10)
            if parts:
                out += [(m.end("who"), attrs.evolve(found, reaches_back=False)), *parts]
            else:
                out.append((m.start(), found))
    if has(low, (" from ",), start, end):  # "an update from Central Command": its author
        out += [(at, a) for at, a in authors_from(text, start, end) if not quoted(at)]
    tellers: list[tuple[int, Attribution]] = []
    owned = OWN_TOLL.finditer(low, start, end) if has(low, ("'s", "’s"), start, end) else ()
    for m in owned:  # "The government's death toll is 715": the government's
        found = owner(text, low, start, m.start())
        if found is not None and not quoted(m.start()):
            out.append((m.start(), found))
    opener = OPENER.match(text, start, end)
    if opener is not None:  # "OCHA: 40 people killed in floods": a body's name opening a headline
        found = canonical_source(opener.group("who"))
        head = opener.group("who").split()[-1]  # "Government response:" is a heading, not a body
        if (
            found is not None
            and found.source is not None
            and a_body(found.source)
            and (head[:1].isupper() or head.lower() in ANAPHORS)
        ):
            out.append((start, found))
    tag = closing_tag(text, start, end) if has(low, (":", " -", "–", "—"), start, end) else None
    if (
        tag is not None
    ):  # "Toll in Libya is at least 90: UN": the headline's own attribution, closing it
        out.append((end, tag))
    per = _PER.finditer(text, start, end) if has(low, ("per ",), start, end) else ()
    according = (
        _ACCORDING.finditer(low, start, end) if has(low, ("according to",), start, end) else ()
    )
    for m in [*according, *per]:
        if STANDARD.search(low, m.start("who"), m.end("who")):
            continue  # "as per the EU case definition": a rule the figures meet, no speaker
        found = _citing_within(text, low, m.start("who"), m.end("who"))
        relayed_by = relayed(text, low, m.start("who"), m.end("who"), end)
        if relayed_by is not None:  # "according to X as quoted by Y": X's, through Y (rule 18c)
            found = relayed_by
        role = APPOSED_ROLE.match(low, m.end("who"), end)
        if role is not None and ROLE.search(
            role.group("role")
        ):  # "according to Ann Lee, a spokeswoman for the agency,": the body she speaks for
            body = canonical_source(cut(text, m.end("who") + 2, role.group("role")))
            found = (
                found
                if body is None
                else with_person(body, cut(text, m.start("who"), m.group("who")))
            )
        cites = (
            CITING.match(low, m.end("who") + 2)
            if low[m.end("who") : m.end("who") + 1] == ","
            else None
        )
        if cites is not None and found is not None and found.source is not None:
            # "according to Reuters, citing police, 12 died": the police's, through Reuters
            cited = named_or_role(
                canonical_source(cut(text, cites.start("who"), cites.group("who")))
            )
            if cited is not None and cited.source is not None:
                found = Attribution(cited.source, via=(found.source, *found.via))
        # "according to the data": the figures of the speaker just named ("the report" may be another's)
        pointer = (
            found is not None and found.source is None and _THE_DATA.match(low, m.start("who"))
        )
        if (names_someone(found) or pointer) and found is not None and not quoted(m.start()):
            clause = own_clause(low, start, m.start())
            if clause is not None:
                # "over 50 have died, and the figure is even higher according to your agency": the
                # "according to" of a coordinated clause, not set off by a comma, is that clause's only
                out.append((clause, attrs.evolve(found, reaches_back=False)))
                continue
            out.append((m.start(), found))
            if _TAIL.fullmatch(low, m.end("who"), end):  # "X said ..., according to TASS"
                tellers.append((m.start(), found))
    citing = [
        (m.start(), named_or_role(canonical_source(cut(text, m.start("who"), m.group("who")))))
        for m in (CITING.finditer(low, start, end) if has(low, _CITING_WORDS, start, end) else ())
    ]
    quoted_as: list[tuple[int, int]] = []
    quoting = QUOTED_AS.finditer(low, start, end) if has(low, ("quot",), start, end) else ()
    for m in quoting:  # "TASS quoted the ministry as saying": the ministry
        spoke = quoted_speaker(text, low, start, m)
        if spoke is not None and not quoted(m.start()):
            out.append((m.start(), spoke))
            quoted_as.append((m.start(), m.end()))
    titled: bool | None = None  # whether the sentence is a title-case headline, read when needed
    verbs: list[Attribution] = []  # the subjects of the sentence's speech verbs so far
    said_to = start  # where the last speech verb ends: a later subject begins after it
    for m in VERB.finditer(low, start, end):
        verb_at = m.start("verb") if m.group("verb") else m.start("revised")
        if m.group("verb") in NOUNS and (
            VERB.match(low, m.end() + 1)
            or noun_after_adjective(low, start, verb_at)
            or _DETERMINED.search(low, max(start, verb_at - 60), verb_at)
            or _ACCORDING_BEFORE.search(low, max(start, verb_at - 130), verb_at)
            or NOUN_NEXT.match(low, m.end())
            or _COUNTED_BEFORE.search(low, max(start, verb_at - 40), verb_at)
            or POSSESSED.search(low, max(start, verb_at - 40), verb_at)
        ):
            continue  # "initial reports indicate", "in its first report": a noun, not the verb
        if (
            quoted(verb_at)
            or any(a < verb_at < b for a, b in quoted_as)
            or (_PASSIVE_BEFORE.search(low, start, verb_at) and not m.group(0).endswith("ing"))
            or (m.group("verb") and _TO.match(text, m.end()))
            or _BY_AGENT.match(low, m.end())  # "cited by Reuters": a passive, its agent read apart
            or low.endswith(
                "to ", max(start, verb_at - 3), verb_at
            )  # "unable to say": an infinitive
            or not (text[verb_at].islower() or (titled := headline(titled, text, start, end)))
            or low[verb_at - 1 : verb_at] == "-"  # "United States", "lab-confirmed"
            or NOT_SPEECH.match(low, m.end())
            or MODIFIES.match(
                low, m.end()
            )  # "48 new confirmed cases", "the number of reported deaths": an adjective
            or (  # "29 new confirmed EVD cases": an adjective before a named disease's cases
                _IN_A_COUNT.search(low, max(start, verb_at - 30), verb_at)
                and _NAMED_CASES.match(text, m.end())
            )
            or low[max(start, verb_at - 7) : verb_at].endswith(("double-", "double ", "re-"))
        ):
            continue
        # "are putting the toll at": the subject ends before the auxiliary of the progressive
        aux = _PROGRESSIVE.search(low, start, m.start()) if m.group(0).endswith("ing") else None
        before = m.start() if aux is None else aux.start()
        # "..., said X": the verb opens its clause, its subject follows it
        ing = m.group(0).endswith("ing")
        if ing and not verbs and out and _OPENS_CLAUSE.search(low, start, m.start()):
            # "According to the official, ..., saying that ...": the participle goes on with that speaker
            found = out[-1][1]
        elif (
            _OPENS_CLAUSE.search(low, start, m.start())
            and not (ing or m.group("verb") in {"told", "tells"})
            and not set_off_before(low, start, m.start())
        ):  # "..., said X"; never "..., told X" (X listens) nor "..., saying" (a participle)
            found = inverted(text, low, m.end(), end)
            if found is None and not _INVERTED_NP.match(low, m.end()):  # "X, the governor, said"
                found = subject(text, low, start, before)
        elif verbs and (_AND_BEFORE.search(low, start, m.start()) or m.group(0).endswith("ing")):
            # "Shi put the toll at two and said 422 were injured", "X issued a statement saying":
            # the same subject as the verb before
            found = verbs[-1]
        else:
            found = subject(text, low, said_to, before) or inverted(text, low, m.end(), end)
            if found is not None and verbs and not CLAUSE_BETWEEN.search(low, said_to, before):
                # "Reuters reported that the ministry said ...": the ministry's, through Reuters
                found = through(found, out[-1][1] if out else verbs[-1])
        if m.group("verb") in BASIS_VERBS:
            document = DOCUMENT_SUBJECT.search(low, max(said_to, verb_at - 120), verb_at)
            if document is None and m.group("verb") in DOCUMENT_VERBS:
                continue  # "Rescuers found 12 bodies": an action; "An assessment found that": a report
            if (
                document is not None
                and verbs
                and found is not None
                and not CLAUSE_BETWEEN.search(low, said_to, before)
            ):
                # "X said that data showed N ...": the basis names no second speaker (ANNOTATION.md C13)
                found = verbs[-1]
        if found is None or (
            (m.group("verb") in ALSO_ACTIONS or m.group("verb") in NOUNS) and not _speaks(found)
        ):
            # "The floods put 300 people at risk", "Satellite images show", "rocked southern states":
            # no speaker
            continue
        if says_nothing(m.group("verb"), found):
            continue  # "Initial assessment concluded", "the Update published on 7 August": a document's
        if verbs and found.points_to(verbs[-1]):
            found = verbs[-1]  # "X said that it had recorded N": "it" is X, named in this sentence
        verbs.append(found)
        if m.group("verb") in {"told", "tells"}:
            found = attrs.evolve(found, via=found.via + told_to(text, low, m.end(), end))
        elif to := _TOLD_TO.match(text, m.end()):  # "confirmed to AFP": the outlet it spoke to
            found = attrs.evolve(found, via=found.via + told_to(text, low, to.end() - 1, end))
        for cite_at, cited in citing:
            if (
                cited is not None
                and cited.source is not None
                and found.source
                and (0 < cite_at - m.end() < 40 or start <= cite_at < verb_at)
            ):
                # "X said, citing Y" and "Media reports citing Y indicate": Y, through X
                head = (
                    canonical_source(cut(text, start, low[start:cite_at].rstrip(" ,")))
                    if cite_at < verb_at
                    else found
                )
                via = head.source if head is not None and head.source is not None else found.source
                found = Attribution(cited.source, via=(via, *found.via))
            elif cited is not None and cited.source is not None and 0 < cite_at - m.end() < 40:
                # "The ministry said, citing hospital officials": the officials' (the pointer unresolved)
                found = Attribution(cited.source, via=found.via)
        if not (
            _OPENS_CLAUSE.search(low, start, m.start())
            or _TAIL.fullmatch(low, m.end(), end)
            or CLAUSE_ENDS.match(low, m.end(), end)
            or (m.group("verb") in {"told", "tells"} and TOLD_ENDS.match(low, m.end(), end))
        ):  # "N died and the ministry said M were hurt": the verb's complement follows it
            found = attrs.evolve(found, reaches_back=False)
        out.append((verb_at, found))
        said_to = m.end()
        if _TAIL.fullmatch(low, m.end(), end) and found.source is not None:
            tellers.append((verb_at, found))
    out.sort(key=lambda pa: pa[0])
    based = based_on(text, low, start, end) if not out else None
    if based is not None and not quoted(based[0]):
        out.append(
            based
        )  # "..., based on official figures from the ministry": the ministry's (C13)
    after = _NEXT_SAYS_WHOSE.match(low, end)
    # "... 325 damaged. That is according to local authorities.": this sentence's
    if after is not None:
        found = _citing_within(text, low, after.start("who"), after.end("who"))
        if names_someone(found):
            out.append((end, found))
    teller = max(tellers, key=lambda pa: pa[0], default=None)
    if teller is not None and teller[1].source is not None and out[0][0] < teller[0]:
        # "OCHA said 473 people died, Xinhua reported": the teller closing the sentence passed it on;
        # "According to TASS, one died, the mayor said": the press opening it did (ANNOTATION.md 18c)
        told = (teller[1].source, *teller[1].via)
        passed = [(at, press_passed(a, teller[1])) for at, a in out if at < teller[0]]
        out = [
            (at, a if at >= teller[0] else dict(passed)[at] or attrs.evolve(a, via=(*a.via, *told)))
            for at, a in out
        ]
        if not any(p for _, p in passed):
            # the teller only passed the sentence's figures on: the speaker carried on is who it quoted
            out = [(at, a) for at, a in out if at != teller[0]]
    return out


#: Figures named by a definite noun alone: "the data", "the figures", "the latest statistics".
_THE_DATA = re.compile(
    r"the\s+(?:latest\s+|same\s+|official\s+)?(?:data|figures|statistics|tally|report|statement)\s*$|"
    r"the\s+(?:latest\s+|same\s+|official\s+)?(?:data|figures|statistics|tally|report|statement)\b(?=\s*[,.;])"
)
#: "according to" before a word, in its clause: the word is its object, a noun ("according to a Premium Times report").
_ACCORDING_BEFORE = re.compile(r"\baccording\s+to\s+[^,.;:\"“”]{0,120}$")
#: A count being named before a participle: "29 new ", "1,200 suspected ".
_IN_A_COUNT = re.compile(r"(?:\d|\b(?:new|additional|more|further|suspected|probable))\s+$")
#: A disease's name, then its cases: " EVD cases", " COVID-19 deaths".
_NAMED_CASES = re.compile(
    r"\s+(?:[A-Z][\w-]*\s+){1,2}(?i:cases|deaths|infections|fatalities|patients|victims)\b"
)
#: A passive's agent after its verb: "cited by Reuters", "reported by the ministry".
_BY_AGENT = re.compile(
    r"\s+by\b(?!\s+(?:tele)?phone\b|\s+e-?mail\b|\s+video\b|\s+text\b|\s+radio\b|\s+satellite\b|\s+letter\b)"
)  # "said by telephone": how, not who
#: A participle of passing on before "by": the agent relayed the figures, it did not author them.
_PASSED_ON = re.compile(r"\b(?:cited|quoted|relayed|carried|picked up)\s+by\b")
#: "to" before the outlet an agent spoke to: "confirmed by the ministry to AFP".
_TO_OUTLET = re.compile(r"\s+to\s+(?!(?:be|have|been|had|date)\b)")


def _citing_within(text: str, low: str, start: int, end: int) -> Attribution | None:
    """The agent ``text[start:end]`` names, or the body it cites, through it.

    "by Reuters citing local authorities" is the authorities' figure, through Reuters.
    """
    m = CITING.search(low, start, end)
    if m is None or m.start() == start:
        return canonical_source(text[start:end])
    teller = canonical_source(text[start : m.start()])
    cited = named_or_role(canonical_source(cut(text, m.start("who"), m.group("who"))))
    if cited is None or cited.source is None:
        return teller
    if teller is None or teller.source is None:
        return cited
    return Attribution(cited.source, via=(teller.source, *teller.via))
