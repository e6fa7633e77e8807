"""Raw HTML in content/ Markdown: dangerous constructs are removed, the bundled pages are kept."""

from html.parser import HTMLParser

import pytest
from pelican.readers import MarkdownReader
from pelican.settings import read_settings

from monografi.publishing.pipeline import build
from monografi.site.plugin import sanitise
from tests.conftest import REPO

DANGEROUS = [
    ('<script>alert(1)</script>', "alert"),
    ('<SCRIPT src="https://evil.example/x.js"></SCRIPT>', "evil"),
    ('<iframe src="https://evil.example/"></iframe>', "iframe"),
    ('<a href="javascript:alert(1)">x</a>', "javascript"),
    ('<a href=" JaVaScRiPt:alert(1)">x</a>', "alert"),
    ('<a href="java&#09;script:alert(1)">x</a>', "alert"),
    ('<a href="&#106;avascript:alert(1)">x</a>', "alert"),
    ('<a href="data:text/html,PHNjcmlwdD4=">x</a>', "data:"),
    ('<a href="vbscript:msgbox(1)">x</a>', "vbscript"),
    ('<img src="x" onerror="alert(1)">', "onerror"),
    ('<p onclick="alert(1)">x</p>', "onclick"),
    ('<details ontoggle="alert(1)" open><summary>x</summary></details>', "ontoggle"),
    ('<style>body{display:none}</style>', "display"),
    ('<p style="background:url(javascript:alert(1))">x</p>', "javascript"),
    ('<object data="https://evil.example/x.swf"></object>', "object"),
    ('<embed src="https://evil.example/x.swf">', "embed"),
    ('<form action="https://evil.example/"><input name="nik"></form>', "form"),
    ('<svg><script>alert(1)</script></svg>', "alert"),
    ('<math><mtext><img src=x onerror=alert(1)></mtext></math>', "onerror"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "refresh"),
    ('<base href="https://evil.example/">', "base"),
    ('<img src="javascript:alert(1)">', "javascript"),
]

KEPT = [
    '<h2 id="ringkas">Ringkas</h2>',
    '<p><a href="https://creativecommons.org/licenses/by/4.0/">CC BY</a> '
    '<a href="mailto:tim@contoh.go.id">surel</a> <a href="../data/">data</a> '
    '<a href="#ringkas">atas</a></p>',
    '<table><thead><tr><th style="text-align:left">A</th></tr></thead>'
    '<tbody><tr><td style="text-align:left">1</td></tr></tbody></table>',
    '<p><abbr title="Badan Pusat Statistik">BPS</abbr> <code>x</code></p>',
    '<details><summary>Lihat</summary><p>isi</p></details>',
    '<figure><img alt="peta" src="../tema/peta.png"><figcaption>Peta</figcaption></figure>',
    '<ol><li id="fn:1">catatan <a class="footnote-backref" href="#fnref:1" title="kembali">↩</a>'
    '</li></ol>',
]


@pytest.mark.parametrize(("html", "gone"), DANGEROUS, ids=[d[1] + str(i) for i, d in
                                                          enumerate(DANGEROUS)])
def test_dangerous_html_is_removed(html, gone):
    assert gone.lower() not in sanitise(f"<p>sebelum</p>{html}<p>sesudah</p>").lower()


@pytest.mark.parametrize("html", KEPT)
def test_html_that_pages_need_is_kept(html):
    assert sanitise(html) == html


class _Events(HTMLParser):
    """The document as parse events, so '&quot;' and '"' in text compare equal."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, sorted(attrs)))

    def handle_endtag(self, tag):
        self.events.append(("end", tag))

    def handle_data(self, data):
        if self.events and self.events[-1][0] == "data":
            data = self.events.pop()[1] + data
        self.events.append(("data", data))


BUNDLED = sorted(str(p.relative_to(REPO)) for p in (REPO / "content").rglob("*.md"))


@pytest.mark.parametrize("source", BUNDLED)
def test_bundled_content_renders_unchanged(source):
    reader = MarkdownReader(read_settings(str(REPO / "pelicanconf.py")))
    html, metadata = reader.read(str(REPO / source))
    assert _Events(sanitise(html)).events == _Events(html).events
    assert sanitise(metadata["summary"]) == metadata["summary"]


def test_built_pages_updates_and_feed_carry_no_raw_html(built_copy):
    project = built_copy
    attack = ('\n\n<script>alert(1)</script><iframe src="https://evil.example/"></iframe>\n\n'
              '<p onclick="alert(2)">klik</p> [tautan](javascript:alert(3)) '
              '<a href="jav&#x61;script:alert(4)">x</a>\n\n<style>body{display:none}</style>\n')
    page = project / "content/pages/tentang.md"
    page.write_text(page.read_text(encoding="utf-8") + attack, encoding="utf-8")
    note = next((project / "content/pembaruan").glob("*.md"))
    text = note.read_text(encoding="utf-8").replace(
        "Summary: ", "Summary: <img src=x onerror=alert(5)> ", 1)
    note.write_text(text + attack, encoding="utf-8")
    result = build(project, project / "output", workers=1)
    assert result.ok, result.report.format_text()
    site = project / "output"
    slug = note.stem
    for path in ("tentang/index.html", f"pembaruan/{slug}/index.html", "pembaruan/index.html",
                 "pembaruan/atom.xml"):
        published = (site / path).read_text(encoding="utf-8").lower()
        for gone in ("alert(", "<iframe", "onclick", "onerror", "javascript:", "display:none"):
            assert gone not in published, (path, gone)
    assert "klik" in (site / "tentang/index.html").read_text(encoding="utf-8")
