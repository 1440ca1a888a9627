"""How a report is shown: the core names the views of a report; the package says which module makes each.

The core knows nothing of files, text or pages (the layers' contract), yet ``Report.to_text()``,
``to_html()`` and ``to_dataframe()`` are methods of a core object. So the core keeps a table of views by
name, and the package (``claimdiff/_views.py``, above every layer) fills it with where each view is made,
as ``"module:function"``; the module is imported when the view is first asked for, so importing
claimdiff imports neither pandas nor the page templates.

>>> from claimdiff._core.views import view
>>> view("text").__name__
'report_text'
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

__all__ = ["register_view", "view"]

_WHERE: dict[str, str] = {}


def register_view(name: str, target: str) -> None:
    """Say which function makes the view ``name`` of a report: ``target`` is ``"module:function"``."""
    module, sep, function = target.partition(":")
    if not sep or not module or not function:
        raise ValueError(f"view {name!r}: {target!r} is not 'module:function'")
    _WHERE[name] = target


def view(name: str) -> Callable[..., Any]:
    """The function that makes the view ``name`` of a report, imported on first use.

    Raises:
        LookupError: No module makes that view (the package registers text, html, html_summary and frame).
    """
    target = _WHERE.get(name)
    if target is None:
        raise LookupError(
            f"no module makes the {name!r} view of a report (known: {', '.join(sorted(_WHERE))})"
        )
    module, _, function = target.partition(":")
    found: Callable[..., Any] = getattr(importlib.import_module(module), function)
    return found
