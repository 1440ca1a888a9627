"""Source names: one name per body, however a text writes it.

"Russian Defence Ministry", "Russian Ministry of Defence", "Russia's MoD" and "the russian
ministry of defense" are one source. :func:`canonical_source` folds the spelling (case, a
leading "the", "defense"/"defence", a country's name and adjective, word order of "X
ministry"/"ministry of X") and then looks the result up in a built-in table of common
bodies and in the caller's own aliases.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

__all__ = ["SOURCE_ALIASES", "bodies_named", "canonical_source", "source_key"]

#: Common bodies: any spelling (after folding) -> the name claimdiff writes.
SOURCE_ALIASES: Mapping[str, str] = {
    "mod": "Ministry of Defence",
    "ministry of defence": "Ministry of Defence",
    "defence ministry": "Ministry of Defence",
    "russian mod": "Russian Ministry of Defence",
    "russian ministry of defence": "Russian Ministry of Defence",
    "russian defence ministry": "Russian Ministry of Defence",
    "russia ministry of defence": "Russian Ministry of Defence",
    "ukrainian ministry of defence": "Ukrainian Ministry of Defence",
    "ukrainian defence ministry": "Ukrainian Ministry of Defence",
    "ukrainian air force": "Ukrainian Air Force",
    "air force of ukraine": "Ukrainian Air Force",
    "ocha": "OCHA",
    "un ocha": "OCHA",
    "unocha": "OCHA",
    "office for the coordination of humanitarian affairs": "OCHA",
    "un office for the coordination of humanitarian affairs": "OCHA",
    "united nations office for the coordination of humanitarian affairs": "OCHA",
    "ohchr": "OHCHR",
    "un human rights office": "OHCHR",
    "united nations human rights office": "OHCHR",
    "un human rights": "OHCHR",
    "united nations human rights": "OHCHR",
    "office of the un high commissioner for human rights": "OHCHR",
    "un office of the high commissioner for human rights": "OHCHR",
    "who": "WHO",
    "world health organization": "WHO",
    "world health organisation": "WHO",
    "un health agency": "WHO",
    "united nations health agency": "WHO",
    "iom": "IOM",
    "international organization for migration": "IOM",
    "international organisation for migration": "IOM",
    "un migration agency": "IOM",
    "unhcr": "UNHCR",
    "united nations high commissioner for refugees": "UNHCR",
    "un high commissioner for refugees": "UNHCR",
    "office of the united nations high commissioner for refugees": "UNHCR",
    "office of the un high commissioner for refugees": "UNHCR",
    "united nations refugee agency": "UNHCR",
    "un refugee agency": "UNHCR",
    "unicef": "UNICEF",
    "wfp": "WFP",
    "world food programme": "WFP",
    "world food program": "WFP",
    "icrc": "ICRC",
    "international committee of the red cross": "ICRC",
    "echo": "DG ECHO",
    "dg echo": "DG ECHO",
    "european civil protection and humanitarian aid operations": "DG ECHO",
    "un": "United Nations",
    "united nations": "United Nations",
    "sohr": "Syrian Observatory for Human Rights",
    "syrian observatory for human rights": "Syrian Observatory for Human Rights",
    "msf": "Médecins Sans Frontières",
    "doctors without borders": "Médecins Sans Frontières",
    "medecins sans frontieres": "Médecins Sans Frontières",
    "gaza ministry of health": "Gaza Ministry of Health",
    "unrwa": "UNRWA",
    "un relief and works agency for palestine refugees in the near east": "UNRWA",
    "united nations relief and works agency for palestine refugees in the near east": "UNRWA",
    "un relief and works agency": "UNRWA",
    "united nations relief and works agency": "UNRWA",
    "un agency for palestinian refugees": "UNRWA",
    "ap": "Associated Press",
    "associated press": "Associated Press",
    "the associated press": "Associated Press",
    "afp": "AFP",
    "agence france presse": "AFP",
    "agence france-presse": "AFP",
    "reuters": "Reuters",
}
_COUNTRY_ADJECTIVES = {
    "russia": "russian",
    "ukraine": "ukrainian",
    "israel": "israeli",
    "syria": "syrian",
    "iran": "iranian",
    "turkey": "turkish",
    "afghanistan": "afghan",
    "yemen": "yemeni",
    "sudan": "sudanese",
    "nigeria": "nigerian",
    "pakistan": "pakistani",
    "india": "indian",
}
_SPELLING = {
    "defense": "defence",
    "organisation": "organization",
    "programme": "programme",
    "u.n.": "un",
    "u.n": "un",
}


@functools.lru_cache(maxsize=4096)  # a pure function of the name; the same names recur in a text
def source_key(name: str) -> str:
    """A source's name folded for comparison: lower case, "the" and possessives dropped, spellings unified.

    >>> source_key("Russia's Defense Ministry") == source_key("the Russian defence ministry")
    True
    >>> source_key("Ministry of Defence of Russia")
    'russian ministry of defence'
    """
    low = name.casefold().replace("’", "'").replace("u.n.", "un")
    words = [_SPELLING.get(w, w) for w in re.findall(r"[\w'-]+", low)]
    if words[:1] == ["the"]:
        words = words[1:]
    # "Russia's MoD" and "Russia MoD" are the Russian MoD; "air force of Ukraine" keeps its noun.
    words = [_COUNTRY_ADJECTIVES.get(w[:-2], w[:-2]) if w.endswith("'s") else w for w in words]
    if words:
        words[0] = _COUNTRY_ADJECTIVES.get(words[0], words[0])
    text = " ".join(words)
    m = re.fullmatch(r"ministry of (\w+(?: affairs)?) of (?:the )?(\w+)", text)
    if m:
        text = f"{_COUNTRY_ADJECTIVES.get(m.group(2), m.group(2))} ministry of {m.group(1)}"
    m = re.fullmatch(
        r"(?:(\w+) )?(defence|health|interior|foreign affairs|foreign|emergencies) ministry", text
    )
    if m:
        text = f"{m.group(1) + ' ' if m.group(1) else ''}ministry of {m.group(2)}"
    return text


def canonical_source(name: str, aliases: Mapping[str, str] | None = None) -> str:
    """The one name a source is known by: the caller's aliases first, then the built-in table.

    >>> canonical_source("Russia's MoD")
    'Russian Ministry of Defence'
    >>> canonical_source("UN Human Rights Office")
    'OHCHR'
    >>> canonical_source("Kyiv city administration", aliases={"kyiv city administration": "KCMA"})
    'KCMA'
    >>> canonical_source("Regional governor Oleh Kiper")
    'Regional governor Oleh Kiper'

    Args:
        name: The source as a text or a file writes it.
        aliases: Extra spellings -> the name to use; matched after the same folding.
    """
    key = source_key(name)
    if aliases:
        own = {source_key(k): v for k, v in aliases.items()}
        if key in own:
            return own[key]
    return SOURCE_ALIASES.get(key, name.strip())


def _body_pattern() -> re.Pattern[str]:
    names = sorted((k for k in SOURCE_ALIASES if " " in k), key=len, reverse=True)
    acronyms = sorted(
        (k.upper() for k in SOURCE_ALIASES if " " not in k and len(k) >= 3), key=len, reverse=True
    )
    spelled = "|".join(re.escape(n).replace("\\ ", r"\s+") for n in names)
    return re.compile(
        rf"(?i:\b(?:the\s+)?(?P<name>{spelled})\b)|\b(?P<acronym>{'|'.join(acronyms)})\b"
    )


_BODIES = _body_pattern()


def bodies_named(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """Where ``text[start:end]`` names a body the built-in table knows, with its one name.

    >>> bodies_named("In Ethiopia, the Office for the Coordination of Humanitarian Affairs and WHO are assessing.")
    [(13, 'OCHA'), (73, 'WHO')]
    """
    out: list[tuple[int, str]] = []
    for m in _BODIES.finditer(text, start, len(text) if end is None else end):
        key = source_key(m.group("name") or m.group("acronym"))
        if key in SOURCE_ALIASES:
            out.append((m.start(), SOURCE_ALIASES[key]))
    return out
