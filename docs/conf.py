"""Sphinx configuration for claimdiff's documentation (build: ``sphinx-build -W -n docs docs/_build/html``)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import claimdiff  # noqa: E402

project = "claimdiff"
author = "The claimdiff developers"
copyright = "the claimdiff developers"
release = version = claimdiff.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
# api-examples.md is no page: its examples are shown under their names in the API reference (_EXAMPLES).
exclude_patterns = ["_build", "api-examples.md"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = f"claimdiff {release}"
html_static_path = ["_static"]
html_css_files = ["wrap.css"]

autodoc_member_order = "bysource"
autodoc_typehints = "description"
# Types only for documented parameters: an attrs class documents its fields once, each as an
# attribute entry (see _field_docs), and a "Parameters" list of the same names would only repeat them.
autodoc_typehints_description_target = "documented"
autodoc_preserve_defaults = True  # show defaults as written, not the repr of big tables
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_attr_annotations = True
napoleon_use_ivar = True  # what "Attributes:" keeps after _field_docs moved the fields out: a list

nitpicky = True

# Offline by default: the build machines reach package registries only, so intersphinx cannot
# fetch inventories and no installed package ships them. Set CLAIMDIFF_DOCS_ONLINE=1 to link to
# Python, attrs, pint, hypothesis and pandas; offline, references into them stay plain text.
_EXTERNAL = {
    "python": "https://docs.python.org/3",
    "attrs": "https://www.attrs.org/en/stable",
    "pint": "https://pint.readthedocs.io/en/stable",
    "hypothesis": "https://hypothesis.readthedocs.io/en/latest",
    "pandas": "https://pandas.pydata.org/docs",
}
if os.environ.get("CLAIMDIFF_DOCS_ONLINE") == "1":
    intersphinx_mapping = {name: (url, None) for name, url in _EXTERNAL.items()}
else:
    intersphinx_mapping = {}
    nitpick_ignore_regex = [
        (r"py:.*", r"(attrs|attr|pint|hypothesis|pandas|pyarrow|numpy|yaml|jsonschema)(\..*)?"),
        (r"py:.*", r"(datetime|collections\.abc|typing|types|enum|os|argparse|zoneinfo)\..*"),
        (
            r"py:(class|exc|obj|func|data)",
            (
                r"(ValueError|TypeError|LookupError|KeyError|AttributeError|ImportError|"
                r"Exception|ExceptionGroup|BaseExceptionGroup|float|int|str|bool|None|"
                r"tuple|list|dict|object|type|Any|Iterable|Mapping|Sequence|Callable)"
            ),
        ),
        (r"py:class", r"(dt|st|os)\..*"),
    ]
nitpick_ignore_regex = [
    *globals().get("nitpick_ignore_regex", []),
    (
        r"py:exc",
        r"InvalidArgument",
    ),  # hypothesis.errors.InvalidArgument, named as hypothesis' docs do
    (
        r"py:class",
        r"claimdiff\._.*",
    ),  # private modules: their public names are documented under claimdiff
]
nitpick_ignore_regex.append(
    (r"py:class", r"UnitInfo")
)  # Claim.unit_info: an internal record, described in words
python_use_unqualified_type_names = True


def _public_paths() -> None:
    """Document every public name where users import it from (``claimdiff``, ``claimdiff.truth``...), not its private module.

    Only this Sphinx process sees the change: the installed package keeps its real module paths.
    """
    for module, name in _public_names():
        obj = getattr(module, name)
        if getattr(obj, "__module__", "").startswith("claimdiff._"):
            # Instances (policies, tables) refuse: they keep their class's module.
            with __import__("contextlib").suppress(AttributeError, TypeError):
                obj.__module__ = module.__name__  # type: ignore[attr-defined]


def _public_names() -> list[tuple[object, str]]:
    """Every public name, with the module users import it from."""
    import importlib  # noqa: PLC0415

    names: list[tuple[object, str]] = [(claimdiff, n) for n in claimdiff.__all__]
    for sub in _SUBMODULES:
        module = importlib.import_module(f"claimdiff.{sub}")
        names += [(module, n) for n in module.__all__]
    return names


#: The public submodules whose names are documented under them (the API page has a section for each).
_SUBMODULES = (
    "truth",
    "formats",
    "relations",
    "tolerance",
    "hedges",
    "vocabulary",
    "places",
    "sources",
)

_public_paths()


def _converter_type(field: object) -> str | None:
    """What a field's converter accepts, from its first parameter's annotation ("Metric | str")."""
    import inspect  # noqa: PLC0415

    converter = getattr(field, "converter", None)
    if converter is None:
        return None
    try:
        params = list(inspect.signature(converter).parameters.values())
    except (TypeError, ValueError):
        return None
    if not params or params[0].annotation is inspect.Parameter.empty:
        return None
    return str(params[0].annotation)


def _attrs_signature(cls: type) -> str:
    """The constructor of an attrs class as a user calls it: real defaults, the types converters accept."""
    import attrs  # noqa: PLC0415

    init = cls.__dict__.get("__init__")
    code = getattr(init, "__code__", None)
    if code is not None and not code.co_filename.startswith("<attrs generated"):
        return _written_signature(cls)  # a hand-written __init__ (Claim): its own parameters
    parts: list[str] = []
    star = False
    for f in attrs.fields(cls):
        if not f.init:
            continue
        if f.kw_only and not star:
            parts.append("*")
            star = True
        name = f.alias or f.name.lstrip("_")
        kind = _converter_type(f) or (
            f.type if isinstance(f.type, str) else getattr(f.type, "__name__", None)
        )
        text = f"{name}: {kind}" if kind else name
        if f.default is attrs.NOTHING:
            parts.append(text)
            continue
        if isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]
            factory = f.default.factory  # type: ignore[union-attr]
            named = getattr(factory, "__name__", "<lambda>")
            shown = (
                "..." if named == "<lambda>" else f"{named}()"
            )  # computed: the docstring says how
        else:
            shown = _shown_default(f.default)
        parts.append(f"{text}={shown}" if not kind else f"{text} = {shown}")
    return "(" + ", ".join(parts) + ")"


def _shown_default(value: object) -> str:
    """A default as a reader writes it: a public name, ``Hedge.RANGE``, ``-inf``; ``...`` for a big table."""
    public = [n for m, n in _public_names() if getattr(m, n) is value]
    shown = public[0] if public else repr(value)
    if isinstance(value, __import__("enum").Enum):
        shown = f"{type(value).__name__}.{value.name}"
    return "..." if len(shown) > 40 else shown  # a big table: the docstring says what it is


def _written_signature(cls: type) -> str:
    """The parameters of a hand-written ``__init__`` as written (annotations are strings here).

    A private field's alias (``Claim``'s ``notes``, the slot ``attrs.evolve`` refills) is left out:
    users never pass it.
    """
    import inspect  # noqa: PLC0415

    import attrs  # noqa: PLC0415

    private = {f.alias for f in attrs.fields(cls) if f.name.startswith("_")}
    init = cls.__dict__["__init__"]
    # The values themselves: autodoc_preserve_defaults puts the source text (``-_INF``) in the signature.
    real = dict(init.__kwdefaults__ or {})
    positional = [
        p.name
        for p in inspect.signature(init).parameters.values()
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    real.update(zip(positional[::-1], (init.__defaults__ or ())[::-1], strict=False))
    parts: list[str] = []
    star = False
    for p in inspect.signature(cls).parameters.values():
        if p.name in private:
            continue
        if p.kind is p.KEYWORD_ONLY and not star:
            parts.append("*")
            star = True
        text = p.name
        if p.annotation is not p.empty:
            text += f": {p.annotation if isinstance(p.annotation, str) else p.annotation.__name__}"
        if p.default is not p.empty:
            shown = _shown_default(real.get(p.name, p.default))
            text += f" = {shown}" if p.annotation is not p.empty else f"={shown}"
        parts.append(text)
    return "(" + ", ".join(parts) + ")"


_GROUPED = __import__("re").compile(
    r"^(\s+)([A-Za-z_][A-Za-z0-9_]*(?:, [A-Za-z_][A-Za-z0-9_]*)+):(\s.*)?$"
)


def _split_grouped_attributes(lines: list[str]) -> None:
    """``low, high: The interval.`` under Attributes becomes one entry per name (napoleon reads one name)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        m = _GROUPED.match(lines[i])
        if not m:
            out.append(lines[i])
            i += 1
            continue
        indent, names, first = m.group(1), m.group(2).split(", "), (m.group(3) or "").strip()
        body = [first] if first else []
        i += 1
        while (
            i < len(lines)
            and lines[i].strip()
            and len(lines[i]) - len(lines[i].lstrip()) > len(indent)
        ):
            body.append(lines[i].strip())
            i += 1
        together = ", ".join(f"``{n}``" for n in names)
        out.extend(f"{indent}{n}: {' '.join(body)} (One of {together}.)" for n in names)
    lines[:] = out


def _field_docs(lines: list[str], cls: object) -> dict[str, list[str]]:
    """Take the entries of an attrs class's "Attributes:" section that name its fields out of ``lines``.

    Each field is then documented once, as its own entry (a link target, with its type), instead of in a
    list under the class and again as a bare entry. Entries naming properties stay in the list.
    """
    import attrs  # noqa: PLC0415

    if not (isinstance(cls, type) and attrs.has(cls)):
        return {}
    fields = {f.name for f in attrs.fields(cls)}
    start = next((i for i, line in enumerate(lines) if line.strip() == "Attributes:"), None)
    if start is None:
        return {}
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (
        not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent
    ):
        end += 1
    moved: dict[str, list[str]] = {}
    kept: list[str] = []
    current: list[str] = kept
    for line in lines[start + 1 : end]:
        entry = _ENTRY.match(line)
        if entry and len(entry.group(1)) == indent + 4:
            name = entry.group(2)
            current = moved.setdefault(name, []) if name in fields else kept
            if current is kept:
                kept.append(line)
            else:
                current.append(entry.group(3).strip())
        elif current is kept:
            kept.append(line)
        else:
            current.append(line.strip())
    while kept and not kept[-1].strip():
        kept.pop()
    lines[start:end] = ([lines[start], *kept, ""] if kept else []) if moved else lines[start:end]
    return moved


_ENTRY = __import__("re").compile(r"^(\s*)([A-Za-z_][A-Za-z0-9_]*):(\s.*|)$")

#: Field descriptions moved out of their class's docstring, by the field's full name.
_MOVED: dict[str, list[str]] = {}


def _examples() -> dict[str, list[str]]:
    """The examples of ``api-examples.md`` by full name: its prose and its doctest lines, fences dropped."""
    examples: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in (
        (Path(__file__).parent / "api-examples.md").read_text(encoding="utf-8").splitlines()
    ):
        if line.startswith("## "):
            current = examples.setdefault(line[3:].strip(), [])
        elif current is not None and not line.startswith("```"):
            current.append(line)
    return {name: [*lines, ""] for name, lines in examples.items()}


#: The first line of a Google-style section, before which an example goes.
_SECTION = __import__("re").compile(
    r"^(Args|Arguments|Attributes|Raises|Returns|Yields|Notes?|See Also):\s*$"
)

#: Examples for names whose docstrings (in private modules) have none yet, by full name.
_EXAMPLES = _examples()


def setup(app: object) -> None:
    """Run napoleon on every docstring except those of attributes, properties and data.

    napoleon reads an attribute docstring's first line as ``type: description``, so
    "The identity used to count origins: the name, case-folded." would become a type.
    """
    from sphinx.ext import napoleon  # noqa: PLC0415 - only when Sphinx runs this file

    app.setup_extension("sphinx.ext.napoleon")  # type: ignore[attr-defined]
    listeners = app.events.listeners["autodoc-process-docstring"]  # type: ignore[attr-defined]
    napoleon_process = napoleon._process_docstring  # noqa: SLF001 - replaced by process() below
    listeners[:] = [entry for entry in listeners if entry.handler is not napoleon_process]

    def process(
        app_: object, what: str, name: str, obj: object, options: object, lines: list[str]
    ) -> None:
        if what == "attribute" and not "".join(lines).strip() and name in _MOVED:
            lines[:] = _MOVED[name]
        if name in _EXAMPLES and not any(line.lstrip().startswith(">>>") for line in lines):
            at = next((i for i, line in enumerate(lines) if _SECTION.match(line)), len(lines))
            lines[at:at] = ["", *_EXAMPLES[name]]
        if what not in {"attribute", "property", "data"}:
            _split_grouped_attributes(lines)
            if what == "class":
                for field, text in _field_docs(lines, obj).items():
                    _MOVED[f"{name}.{field}"] = [" ".join(line for line in text if line)]
            napoleon._process_docstring(app_, what, name, obj, options, lines)  # noqa: SLF001

    def signature(
        _app: object,
        what: str,
        _name: str,
        obj: object,
        _options: object,
        _sig: str | None,
        ret: str | None,
    ) -> tuple[str, str | None] | None:
        import attrs  # noqa: PLC0415

        if what == "class" and isinstance(obj, type) and attrs.has(obj):
            return _attrs_signature(obj), ret
        return None

    def public_name(_app: object, env: object, node: object, contnode: object) -> object:
        """A short name in a docstring or annotation (``Precision``, ``Report.to_dict``) -> where users import it from."""
        target = str(node.get("reftarget", ""))  # type: ignore[attr-defined]
        head = target.partition(".")[0]
        for module, name in _public_names():
            if name == head and not target.startswith("claimdiff."):
                full = f"{getattr(module, '__name__', 'claimdiff')}.{target}"
                domain = env.get_domain("py")  # type: ignore[attr-defined]
                return domain.resolve_xref(
                    env, node["refdoc"], _app.builder, node["reftype"], full, node, contnode
                )  # type: ignore[attr-defined,index]
        return None

    app.connect("missing-reference", public_name)  # type: ignore[attr-defined]
    app.connect("autodoc-process-docstring", process)  # type: ignore[attr-defined]
    app.connect("autodoc-process-signature", signature)  # type: ignore[attr-defined]
