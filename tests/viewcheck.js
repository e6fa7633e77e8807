// In-page measurements for issue 18 ("every number in view"), evaluated by tests/viewcheck.py.
// Pure reads of the laid-out page: nothing here changes the DOM, scrolls or waits.
// Coordinates are CSS px relative to the top of the document (y) and the viewport (x).

// A number as the portal writes it: 1.234.567 · 59,37 · ± 101.000 · 2024-S1 · 32.15.05 · 3/16.
// Digits glued to letters (v1, km2, S3) or inside an address (/32-15-05/, 127.0.0.1:8000) are
// not numbers a reader reads.
const NUMBER = /(?<![\p{L}\p{N}_\/:.,-])(?:[±~≈<>]\s?)?[-−]?\d+(?:[.,/]\d+)*(?:-S[12]|-\d+)*(?![\p{L}\p{N}_])/gu;
// A cell that holds a value: an Indonesian number (thousands by dots, decimals by a comma;
// a bare integer of at most three digits, since longer ones unseparated are years and codes),
// optionally approximate, optionally followed by a short unit without digits.
const VALUE = /^[±~≈<>]?\s?[-−]?(?:\d{1,3}(?:\.\d{3})+|\d{1,3})(?:,\d+)?(?:\s*[^\d\s][^\d]{0,29})?$/u;
const SKIPPED = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "PRE", "CODE", "KBD", "SAMP"]);

function squash(text) { return (text || "").replace(/\s+/g, " ").trim(); }

// Laid out and shown: not display:none, not visibility:hidden, not in a closed <details>
// (whose content Chromium still lays out, under content-visibility: hidden).
function rendered(element) {
  return element.checkVisibility({visibilityProperty: true}) && element.getClientRects().length > 0;
}

// Hidden on purpose for sighted readers (screen-reader-only text, skip links): not "in view".
function visuallyHidden(element) {
  for (let e = element; e && e !== document.body; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.clipPath !== "none" || (s.clip && s.clip !== "auto")) return true;
    const r = e.getBoundingClientRect();
    if (s.position === "absolute" && (r.right <= 0 || r.width <= 1 || r.height <= 1)) return true;
  }
  return false;
}

// The horizontal band in which the element is visible without scrolling sideways: its
// overflow-clipping ancestors (scroll boxes) intersected with the viewport.
function clipBand(element) {
  let left = 0, right = document.documentElement.clientWidth, by = "viewport";
  for (let e = element.parentElement; e && e !== document.documentElement; e = e.parentElement) {
    if (getComputedStyle(e).overflowX === "visible") continue;
    const r = e.getBoundingClientRect();
    const inner = [r.left + e.clientLeft, r.left + e.clientLeft + e.clientWidth];
    if (inner[1] < right) { right = inner[1]; by = e.className ? `${e.tagName.toLowerCase()}.${e.className}` : e.tagName.toLowerCase(); }
    left = Math.max(left, inner[0]);
  }
  return {left, right, by};
}

function textBox(element) {
  const range = document.createRange();
  range.selectNodeContents(element);
  const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
  if (!rects.length) return null;
  return {left: Math.min(...rects.map(r => r.left)), right: Math.max(...rects.map(r => r.right))};
}

function isNumeric(cell) {
  return cell.classList.contains("angka") || VALUE.test(squash(cell.textContent));
}

// Every rendered table cell, and those behind a scroll edge: the box starts at or past the
// visible band's right edge, or some of its text lies outside the band.
function cells() {
  const all = [...document.querySelectorAll("td, th")].filter(rendered);
  const behind = [];
  let numeric = 0;
  for (const cell of all) {
    const value = isNumeric(cell);
    numeric += value;
    const band = clipBand(cell);
    const box = cell.getBoundingClientRect();
    const text = textBox(cell);
    const startsBehind = box.left >= band.right - 1;
    const hiddenPx = text ? Math.max(0, text.right - band.right, band.left - text.left) : 0;
    if (startsBehind || hiddenPx > 0.5) {
      behind.push({text: squash(cell.textContent).slice(0, 60), numeric: value, starts_behind: startsBehind,
                   hidden_px: Math.round(hiddenPx), edge: band.by, left: Math.round(box.left),
                   band_right: Math.round(band.right)});
    }
  }
  return {total: all.length, numeric, behind};
}

function textNodes(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      for (let e = node.parentElement; e && e !== root.parentElement; e = e.parentElement) {
        if (SKIPPED.has(e.tagName)) return NodeFilter.FILTER_REJECT;
      }
      return /\d/.test(node.data) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
    }});
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  return nodes;
}

// How many line boxes a run of rects covers: rects whose vertical centres lie within half a
// line of each other share a line.
function lineCount(rects) {
  const centres = rects.map(r => [(r.top + r.bottom) / 2, r.height]).sort((a, b) => a[0] - b[0]);
  let lines = 0, last = -Infinity;
  for (const [centre, height] of centres) {
    if (centre - last > height / 2) { lines += 1; last = centre; }
  }
  return lines;
}

// Every number in the visible text: those whose characters lie on more than one line, and
// those reaching outside the band visible without a sideways scroll.
function numbers(root) {
  root = root ? document.querySelector(root) : document.body;
  const broken = [], behind = [];
  let total = 0;
  for (const node of textNodes(root)) {
    const parent = node.parentElement;
    if (!rendered(parent) || visuallyHidden(parent)) continue;
    const band = clipBand(parent);
    for (const match of node.data.matchAll(NUMBER)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
      if (!rects.length) continue;
      total += 1;
      const context = squash(node.data.slice(Math.max(0, match.index - 25), match.index + match[0].length + 15));
      const lines = lineCount(rects);
      if (lines > 1) broken.push({number: match[0], value: VALUE.test(match[0]), lines, context});
      const left = Math.min(...rects.map(r => r.left)), right = Math.max(...rects.map(r => r.right));
      const hidden = Math.max(0, right - band.right, band.left - left);
      if (hidden > 0.5) behind.push({number: match[0], hidden_px: Math.round(hidden), edge: band.by, context});
    }
  }
  return {total, broken, behind};
}

function top(element) {
  return element ? Math.round(element.getBoundingClientRect().top + scrollY) : null;
}

function headerTexts(table) {
  return [...table.querySelectorAll("thead th, tr:first-child > th")].map(th => squash(th.textContent));
}

// The column structure and its validation rules: a table with a type or rule column, or a
// heading or fold naming it. `rulesSelector` replaces this guess when a page says it plainly.
function rulesTop(rulesSelector) {
  const marks = rulesSelector
    ? [...document.querySelectorAll(rulesSelector)]
    : [...[...document.querySelectorAll("main table")]
         .filter(t => headerTexts(t).some(h => /^(aturan|tipe)\b/i.test(h))),
       ...[...document.querySelectorAll("main h2, main h3, main summary")]
         .filter(h => /^(struktur kolom|standar data|aturan)/i.test(squash(h.textContent)))];
  const tops = marks.filter(rendered).map(top);
  return tops.length ? Math.min(...tops) : null;
}

// The first row of data: the first body row of a rendered table that is not the rules table.
function firstDataRowTop(dataSelector) {
  if (dataSelector) return top([...document.querySelectorAll(dataSelector)].find(rendered));
  for (const table of document.querySelectorAll("main table")) {
    if (!rendered(table) || headerTexts(table).some(h => /^(aturan|tipe)\b/i.test(h))) continue;
    const row = [...table.querySelectorAll("tbody tr")].find(rendered);
    if (row) return top(row);
  }
  return null;
}

function layout({tallRowPx = 80, cardLabels = "ul.kartu .judul", header = "header.kepala",
                 dataRow = null, rules = null} = {}) {
  const root = document.documentElement;
  const head = document.querySelector(header);
  const labels = [...document.querySelectorAll(cardLabels)].filter(rendered).map(e => squash(e.textContent));
  const seen = {};
  for (const label of labels) seen[label.toLowerCase()] = (seen[label.toLowerCase()] || 0) + 1;
  const rows = [...document.querySelectorAll("tr")].filter(rendered)
    .map(tr => ({height: Math.round(tr.getBoundingClientRect().height),
                 text: squash(tr.textContent).slice(0, 60)}));
  return {
    viewport: innerWidth,
    scroll_width: root.scrollWidth,
    overflow: root.scrollWidth - root.clientWidth,
    height: root.scrollHeight,
    header_height: head && rendered(head) ? Math.round(head.getBoundingClientRect().height) : null,
    first_data_row_y: firstDataRowTop(dataRow),
    rules_y: rulesTop(rules),
    card_labels: labels,
    repeated_labels: Object.keys(seen).filter(k => seen[k] > 1),
    rows: rows.length,
    tall_rows: rows.filter(r => r.height > tallRowPx),
  };
}

// Texts a printed page is compared with (read while print media is emulated).
function printTexts({footer = "footer", citation = "blockquote.kutipan",
                     headings = "main h1, main h2, main h3, main h4, main caption"} = {}) {
  const foot = document.querySelector(footer);
  const cite = document.querySelector(citation);
  return {
    footer: foot ? foot.innerText : "",
    citation: cite ? cite.textContent : null,
    headings: [...document.querySelectorAll(headings)].filter(rendered).map(h => h.innerText),
  };
}
