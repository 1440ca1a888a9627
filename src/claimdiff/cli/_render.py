"""What the command line prints: the text report, its colours, and text made safe for a terminal.

The report's text itself is written by :mod:`claimdiff._formats.text_report` (also :meth:`Report.to_text`);
this module decides whether a stream gets colour.
"""

from __future__ import annotations

import os
from typing import TextIO

from claimdiff._formats.text_report import Style, report_text, terminal_safe

__all__ = ["Style", "render_text", "terminal_safe", "use_colour"]

#: The text report (kept under its old name for the command line's callers).
render_text = report_text


def use_colour(stream: TextIO, choice: str = "auto") -> bool:
    """Whether to colour what goes to ``stream``: ``always``, ``never``, or (``auto``) a terminal without ``NO_COLOR``.

    ``NO_COLOR`` set to anything but the empty string turns colour off (https://no-color.org).
    """
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR", ""):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
