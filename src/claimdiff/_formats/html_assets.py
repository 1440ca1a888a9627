"""The style sheet and script the HTML report carries inline (one self-contained file: no network, no CDN).

The script only reads and reorders the page's own elements: it filters by severity (``data-rank`` on
flags, table rows and group sections), sorts tables whose headers carry ``data-sort``, and reads the same
choices from the address's fragment (``#min=warning&sort=claims``), so that a link can open a filtered view.
Without the script the page shows everything, unsorted.
"""

from __future__ import annotations

__all__ = ["CSS", "JS", "MARK_COLOURS", "ORIGIN_COLOURS"]

#: One colour a mark (see ``series_view.MARKS``), chosen to be told apart on white.
MARK_COLOURS = {
    "contradiction": "#c62828",
    "lag": "#8e24aa",
    "discrepancy": "#ef6c00",
    "fall": "#000000",
    "revision": "#1565c0",
    "stale": "#757575",
    "mismatch": "#ad1457",
}

#: Colours of the origins' lines (Okabe-Ito, readable by people with colour-blindness), in turn.
ORIGIN_COLOURS = (
    "#0072b2",
    "#009e73",
    "#e69f00",
    "#56b4e9",
    "#d55e00",
    "#cc79a7",
    "#999933",
    "#444444",
)

CSS = """
:root { --error: #b71c1c; --warning: #a15c00; --info: #0d5f80; --ok: #1b5e20; --line: #d7dbe0; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2329;
       margin: 0 auto; max-width: 1180px; padding: 0 20px 40px; background: #fff; }
h1 { font-size: 1.6em; margin: 24px 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 1.25em; margin: 30px 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 3px; }
h3 { font-size: 1.05em; margin: 0 0 4px; overflow-wrap: anywhere; }
a { color: #0b57a4; }
.summary { margin: 2px 0; color: #39424b; }
.verdict { display: inline-block; font-weight: 600; padding: 3px 10px; border-radius: 4px; margin: 8px 0; }
.verdict.ok { background: #e8f5e9; color: var(--ok); }
.verdict.bad { background: #ffebee; color: var(--error); }
nav { position: sticky; top: 0; background: #fff; padding: 8px 0; border-bottom: 1px solid var(--line);
      z-index: 2; display: flex; flex-wrap: wrap; gap: 14px; align-items: center; }
nav .controls { margin-left: auto; }
#shown { color: #5b6670; font-size: 0.9em; margin-left: 8px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
td { overflow-wrap: break-word; }
#group-table td:nth-child(2) { min-width: 16em; }
#group-table th { white-space: normal; }
#group-table th:first-child { white-space: nowrap; }
.none { color: #9aa4ad; }
td.verdict-contradiction { color: var(--error); font-weight: 600; }
td.verdict-discrepancy, td.verdict-tolerance { color: var(--warning); }
th { background: #f3f5f7; font-weight: 600; white-space: nowrap; }
th[data-sort] { cursor: pointer; user-select: none; }
th[data-sort]::after { content: " \\2195"; color: #9aa4ad; }
th[aria-sort=ascending]::after { content: " \\2191"; color: #1d2329; }
th[aria-sort=descending]::after { content: " \\2193"; color: #1d2329; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.sev { display: inline-block; min-width: 4.6em; text-align: center; font-size: 0.8em; font-weight: 700;
       border-radius: 3px; padding: 0 5px; text-transform: uppercase; color: #fff; }
.sev-error { background: var(--error); } .sev-warning { background: var(--warning); }
.sev-info { background: var(--info); } .sev-none { background: #b0bac3; }
ol.flags, ul.flags { list-style: none; padding: 0; margin: 6px 0; }
.flag { padding: 5px 0 5px 10px; border-left: 4px solid var(--line); margin: 4px 0; }
.flag.error { border-color: var(--error); } .flag.warning { border-color: var(--warning); }
.flag.info { border-color: var(--info); }
.flag .kind { font-weight: 600; } .flag .refs { display: block; color: #5b6670; font-size: 0.88em; }
.group { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; margin: 12px 0; }
.group p { margin: 2px 0; }
.group.contradiction { border-left: 5px solid var(--error); }
.group.discrepancy, .group.tolerance { border-left: 5px solid var(--warning); }
.claims td:first-child { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; }
tr.dissenting td { background: #fff4f4; } tr.past td { color: #6b747c; }
.status { font-size: 0.85em; color: #5b6670; }
:target { outline: 3px solid #ffca28; outline-offset: 2px; }
.more { font-style: italic; color: #5b6670; }
.charts { display: flex; flex-wrap: wrap; gap: 18px; }
figure.series { margin: 0; width: 356px; }
figure.series figcaption { font-size: 0.9em; font-weight: 600; overflow-wrap: anywhere; }
figure.series svg { display: block; }
.legend { font-size: 0.8em; color: #39424b; display: flex; flex-wrap: wrap; gap: 4px 12px; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 3px;
          vertical-align: -1px; }
.line-swatch { display: inline-block; width: 14px; height: 3px; margin-right: 3px; vertical-align: 3px; }
[hidden] { display: none !important; }
footer { margin-top: 40px; color: #6b747c; font-size: 0.85em; }
"""

JS = """
(function () {
  "use strict";
  var RANKS = {all: 0, info: 1, warning: 2, error: 3};
  var select = document.getElementById("min-severity");
  var shown = document.getElementById("shown");
  function count(selector) {
    var all = document.querySelectorAll(selector), n = 0;
    for (var i = 0; i < all.length; i++) { if (!all[i].hidden) { n++; } }
    return [n, all.length];
  }
  function apply() {
    var least = Number(select.value);
    var items = document.querySelectorAll("[data-rank]");
    for (var i = 0; i < items.length; i++) {
      items[i].hidden = Number(items[i].getAttribute("data-rank")) < least;
    }
    var g = count("#group-table tbody tr"), f = count("#flag-list > li");
    shown.textContent = "Showing " + g[0] + " of " + g[1] + " groups and " + f[0] + " of " + f[1] + " flags on this page";
  }
  function key(cell, numeric) {
    var v = cell.getAttribute("data-value");
    if (numeric) { return v === null || v === "" ? -Infinity : Number(v); }
    return (v === null ? cell.textContent : v).toLowerCase();
  }
  function sortBy(th, ascending) {
    var row = th.parentNode, index = Array.prototype.indexOf.call(row.children, th);
    var body = th.closest("table").tBodies[0], rows = Array.prototype.slice.call(body.rows);
    var numeric = th.getAttribute("data-sort") === "num";
    if (ascending === undefined) { ascending = th.getAttribute("aria-sort") !== "ascending"; }
    rows.sort(function (a, b) {
      var x = key(a.cells[index], numeric), y = key(b.cells[index], numeric);
      return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
    });
    for (var i = 0; i < rows.length; i++) { body.appendChild(rows[i]); }
    for (var j = 0; j < row.children.length; j++) { row.children[j].removeAttribute("aria-sort"); }
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  var heads = document.querySelectorAll("th[data-sort]");
  for (var i = 0; i < heads.length; i++) {
    heads[i].tabIndex = 0;
    heads[i].addEventListener("click", function (e) { sortBy(e.currentTarget); });
    heads[i].addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortBy(e.currentTarget); }
    });
  }
  select.addEventListener("change", apply);
  var params = new URLSearchParams(location.hash.slice(1));
  if (params.has("min") && RANKS.hasOwnProperty(params.get("min"))) { select.value = String(RANKS[params.get("min")]); }
  if (params.has("sort")) {
    var th = document.querySelector("#group-table th[data-key='" + CSS.escape(params.get("sort")) + "']");
    if (th) { sortBy(th, params.get("order") !== "desc"); }
  }
  apply();
})();
"""
