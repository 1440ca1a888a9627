"""The verbs of speech and report, and the words around them that say whether they report.

"said", "according to" and "estimated" report; "claimed responsibility", "confirmed cases" and "double-counted"
do not; "put", "recorded" and "show" report only when their subject can speak ("The floods put 300 people at
risk" reports nothing); "found" and "suggest" report only after a document ("An initial rapid assessment found
that ..."). :mod:`claimdiff._extract._attribution` reads the sentences with these.
"""

from __future__ import annotations

import re

from claimdiff._extract._roles import ANAPHORS
from claimdiff._extract._text import alternation

__all__ = [
    "ALSO_ACTIONS",
    "BASIS_VERBS",
    "BREAKDOWN_BY",
    "CLAUSE_ENDS",
    "DOCUMENT_SUBJECT",
    "DOCUMENT_VERBS",
    "MODIFIES",
    "NOT_SPEECH",
    "NOUNS",
    "NOUN_NEXT",
    "SPEECH",
    "STANDARD",
    "TOLD_ENDS",
    "VERB",
    "VERB_NEXT",
]

# fmt: off
#: The verbs of speech and report, as a regular expression (each is followed by the end of a word).
SPEECH = alternation(
    [
        "said", "says", "say", "told", "tells", "reported", "reports", "stated", "states", "announced",
        "announces", "confirmed", "confirms", "added", "adds", "claimed", "claims", "claim", "described",
        "describes", "detailed", "details", "cited", "cites", "asserted", "asserts", "indicated", "indicates",
        "wrote", "writes", "estimated", "estimates", "noted", "notes", "posted", "posts", "tweeted", "put",
        "puts", "counted", "counts", "recorded", "records", "registered", "registers", "listed", "lists", "tallied", "tallies", "documented",
        "warned", "indicate", "verified", "putting", "reporting", "saying", "announcing", "confirming", "estimate", "confirm", "report", "show", "shows", "showed",
        "issued", "issues", "released", "releases", "published", "notified", "notifies", "informed", "informs",
        "tell", "announce", "write", "warn", "warns", "fear", "fears", "feared", "believe", "believes",
        "believed", "telling", "stating", "adding", "noting", "claiming", "estimating", "indicating",
        "asserting", "commented", "comments", "expect", "expects", "found", "finds", "suggest", "suggests",
        "suggested", "stressed", "stresses", "emphasised", "emphasized", "explained", "explains", "reiterated",
        "acknowledged", "disclosed", "concluded", "concludes", "revealed", "reveals",
    ]
)
VERB = re.compile(
    # (a letter looked for first: a place that holds none is passed over at once)
    rf"(?=[a-z])\b(?:(?:had|has|have|also|later|earlier|further|previously|only|already|just|now|again|so\s+far|thus\s+far)\s+)*(?:(?P<verb>{SPEECH})\b|"
    r"(?P<revised>(?:revised|updated|corrected|raised|lowered)(?=\s+(?:(?:its|their|his|her|the)\b|"
    r"(?:(?:up|down)(?:wards?)?\s+)?to\s+\d))|"
    r"(?:gave|given|gives|give|giving)(?=\s+(?:an?|the|its|their|his|her|new|updated|latest)\s+(?:[a-z]+\s+)?"
    r"(?:update|figures?|toll|statement|briefing|estimate|tally|account|breakdown)\b)))"
)
#: What follows a speech verb when it is not speech: "claimed responsibility", "double-counted".
NOT_SPEECH = re.compile(
    r"\s+(?:responsibility|credit|victory|control|(?:the\s+|(?:more than\s+|over\s+|at least\s+|about\s+|nearly\s+|"
    r"some\s+)?[\d,]+\s+|[a-z]+(?:-[a-z]+)?\s+)?lives?)\b"
    r"|(?<=reporting)\s+(?:from|in)\s"  # "Ana Vell reporting from Kyiv": where a reporter is, no speech
)
#: A participle before the thing counted modifies it: "confirmed cases", "recorded deaths", "registered IDPs".
MODIFIES = re.compile(
    r"\s+(?:(?:or|and)\s+[a-z]+\s+)?(?:cases|deaths|infections|fatalities|casualties|injuries|patients|victims|people|persons|idps|"
    r"refugees|figures?|numbers?|tolls?)\b"
)
NOUNS = frozenset({"reports", "report", "estimates", "estimate", "claims", "counts", "records", "details", "notes", "posts", "states",
                    "lists", "fear", "fears"})
# fmt: on


#: Report verbs that are action verbs too ("The floods put 300 people at risk", "the city recorded 40 mm"):
#: their subject is a speaker only when it is a body or a person, never a thing (ANNOTATION.md rule 16).
ALSO_ACTIONS = frozenset(
    {"put", "puts", "putting", "recorded", "records", "registered", "registers", "counted", "counts",
     "listed", "lists", "show", "shows", "showed", "issued", "issues", "released", "releases", "published",
     "described", "describes", "detailed", "details", "verified", "notified", "notifies", "informed",
     "informs", "cited", "cites", "posted", "posts"}
)  # fmt: skip


#: Verbs a document reports with ("An assessment found that", "figures suggest", "data show"): their subject is
#: a speaker only when it is a document or the figures of a body; after a speaker's verb it is that speaker's basis.
BASIS_VERBS = frozenset(
    {"found", "finds", "suggest", "suggests", "suggested", "show", "shows", "showed", "indicate", "indicates",
     "indicated", "concluded", "concludes"}
)  # fmt: skip
#: Of those, the verbs whose subject must be a document: people "find" bodies and "suggest" plans, and
#: "concluded" a meeting; "The command's initial assessment concluded this airstrike killed one" reports.
DOCUMENT_VERBS = frozenset(
    {"found", "finds", "suggest", "suggests", "suggested", "concluded", "concludes"}
)
#: A document or a body's figures closing the phrase before a verb: "an initial rapid assessment", "figures by X".
DOCUMENT_SUBJECT = re.compile(
    r"\b(?:assessments?|surveys?|study|studies|investigations?|inquiry|inquiries|reviews?|analys[ie]s|census|"
    r"evaluations?|missions?|figures|data|reports?|results|findings|estimates?|records|statistics|intelligence|"
    r"information|monitoring|tally|count)\b(?:\s+(?:by|from|of)\s+[^,;:.]{1,80}?)?\s+(?:also\s+|have\s+|has\s+|had\s+)?$"
)
#: What follows "by" in a breakdown: one bare singular noun ("by province", "by age"); an agent is a name, a
#: plural or a noun with its determiner ("by humanitarian partners", "by police" is a body: ANAPHORS).
BREAKDOWN_BY = re.compile(rf"\s*(?!(?:{'|'.join(sorted(ANAPHORS))})\b)[a-z]+(?<!s)\s*")
#: A verb of report after an agent's name: "by humanitarian partners suggest 17,489" (the agent ends before it).
VERB_NEXT = re.compile(rf"\s+(?:{SPEECH})\b")

#: A verb that closes its clause: "..., the ministry said, adding ...", "..., it said on Telegram;", "..., OCHA
#: said in a flash update on the disaster, issued ..." (where or how it spoke, up to the clause's end).
CLAUSE_ENDS = re.compile(
    r"(?:\s+(?:[a-z]+\s+){0,3}?(?:[a-z]+))?\s*[,;:\"”)–—-]|\s+(?:in|on|at|during|via|through)\s+"
    r"(?:(?!that\b)[a-z'’-]+\s+){0,10}?(?!that\b)[a-z'’-]+\s*[,;:.!?\"”)–—-]"
)
#: "told" and whom it told, closing the clause: "..., an official told VOA's French to Africa Service."
TOLD_ENDS = re.compile(r"(?:\s+(?!that\b)[^\s,.;:\"“”\d]+){1,8}\s*(?:[,;:]|[.!?\"”]*\s*$)")
#: A document of rules, never a speaker: "the EU case definition", "WHO criteria", "the guidelines".
STANDARD = re.compile(
    r"\b(?:definitions?|criteria|guidelines?|standards?|directives?|protocols?)\b"
)
#: What follows a word of report when it is a noun: "reports of 40 deaths", "fears among residents", "flood fear
#: in Mahanadi" (a verb of report takes its complement, never "of").
NOUN_NEXT = re.compile(r"\s+(?:of|among)\b|(?<=fear)\s+in\b|(?<=fears)\s+in\b")
