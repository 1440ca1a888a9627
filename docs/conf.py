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
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = f"claimdiff {release}"
html_static_path: list[str] = []

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_preserve_defaults = True  # show defaults as written, not the repr of big tables
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_attr_annotations = True
napoleon_use_ivar = True  # "Attributes:" as fields of the class: attrs fields are documented once

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
        (r"py:.*", r"(attrs|attr|pint|hypothesis|pandas|yaml|jsonschema)(\..*)?"),
        (r"py:.*", r"(datetime|collections\.abc|typing|types|enum|os|argparse|zoneinfo)\..*"),
        (r"py:(class|exc|obj|func|data)", (r"(ValueError|TypeError|LookupError|KeyError|AttributeError|ImportError|"
                                           r"Exception|ExceptionGroup|BaseExceptionGroup|float|int|str|bool|None|"
                                           r"tuple|list|dict|object|type|Any|Iterable|Mapping|Sequence|Callable)")),
        (r"py:class", r"(dt|st|os)\..*"),
    ]
nitpick_ignore_regex = [
    *globals().get("nitpick_ignore_regex", []),
    (r"py:exc", r"InvalidArgument"),  # hypothesis.errors.InvalidArgument, named as hypothesis' docs do
    (r"py:class", r"claimdiff\._.*"),  # private modules: their public names are documented under claimdiff
]


def setup(app: object) -> None:
    """Run napoleon on every docstring except those of attributes, properties and data.

    napoleon reads an attribute docstring's first line as ``type: description``, so
    "The identity used to count origins: the name, case-folded." would become a type.
    """
    from sphinx.ext import napoleon  # noqa: PLC0415 - only when Sphinx runs this file

    app.setup_extension("sphinx.ext.napoleon")  # type: ignore[attr-defined]
    listeners = app.events.listeners["autodoc-process-docstring"]  # type: ignore[attr-defined]
    listeners[:] = [entry for entry in listeners if entry.handler is not napoleon._process_docstring]  # noqa: SLF001

    def process(app_: object, what: str, name: str, obj: object, options: object, lines: list[str]) -> None:
        if what not in {"attribute", "property", "data"}:
            napoleon._process_docstring(app_, what, name, obj, options, lines)  # noqa: SLF001

    app.connect("autodoc-process-docstring", process)  # type: ignore[attr-defined]
