"""Where each view of a report is made: the package wires the core's views to the layers above it.

The core (:mod:`claimdiff._core.views`) may not import the formats layer; this module, above every
layer, tells it which module makes the text, the HTML page and the tables of a report.
"""

from claimdiff._core.views import register_view

register_view("text", "claimdiff._formats.text_report:report_text")
register_view("html", "claimdiff._formats.html_report:report_html")
register_view("html_summary", "claimdiff._formats.html_report:report_html_summary")
register_view("frame", "claimdiff._formats.export:report_frame")
