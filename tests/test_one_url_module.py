"""One URL module: every output path is written down in monografi/urls.py and nowhere else.

Python, templates and pelicanconf.py all take their paths from it (templates through the Jinja
global `urls` and the filter `url`); a path spelled out anywhere else drifts from the links that
point at it, as `{{ SITEURL }}/data/{{ d.name }}/` would when the dataset pages move.
"""

from __future__ import annotations

import ast
import re

import jinja2
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import REPO
from tests.test_architecture import PACKAGE, module_of

TEMPLATES = REPO / "theme" / "templates"
# In Python an output path is recognised by its top folder (a media type like "text/csv" is not one).
PYTHON_PATH = re.compile(r"^(?:unduh|data|api|indikator|sumber|rilis|cari|grafik|kelengkapan|"
                         r"pembaruan|tema|pagefind)/"
                         r"|^(?:404\.html|sitemap\.xml|robots\.txt|katalog\.jsonld|data\.json)$")
# In templates and pelicanconf.py any lower-case text with a slash, or a file name, is one.
PATH_TEXT = re.compile(r"^(?=.*/)(?=.*[a-z0-9{}])[a-z0-9{}_./#-]+$"
                       r"|^[a-z0-9{}_-]+\.(?:html|xml|json|jsonld|css|js|svg|csv|zip|txt)$")
LINK = re.compile(r"""\b(?:href|src|action|srcset|poster)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""",
                  re.IGNORECASE)
SITE, EXPRESSION = "\1", "\0"  # `{{ SITEURL }}` (or SITEURL_PUBLIK), any other `{{ … }}`
# What a link may hold: the site root joined to one expression from urls (or a view model's url),
# one expression alone (an external or absolute address computed in Python), an in-page anchor.
ALLOWED_LINK = re.compile(f"^(?:{SITE}/{EXPRESSION}|{EXPRESSION}|#.*|mailto:{EXPRESSION})$", re.DOTALL)
# Pelican settings that name an output path: they must come from urls, never be a literal.
OUTPUT_SETTING = re.compile(r"(?:_URL|_SAVE_AS|^FEED_\w+|_FEED_ATOM|_FEED_RSS|^THEME_STATIC_DIR)$")
TEMPLATE_NAMING = {"extends", "import", "include", "from"}  # strings after these name templates


def template_offenders(source: str) -> list[str]:
    """Hand-written paths in a template: in a link attribute, or as a string in an expression."""
    env = jinja2.Environment(trim_blocks=True, lstrip_blocks=True)
    text, found, inside, tokens, previous = [], [], None, [], ""
    for _, kind, value in env.lex(source):
        if kind in ("variable_begin", "block_begin", "comment_begin"):
            inside, tokens = kind, []
        elif kind in ("variable_end", "block_end", "comment_end"):
            if inside == "variable_begin":
                names = [v for k, v in tokens if k not in ("whitespace",)]
                text.append(SITE if names in (["SITEURL"], ["SITEURL_PUBLIK"]) else EXPRESSION)
            inside = None
        elif inside is None:
            text.append(value)
        else:
            tokens.append((kind, value))
            if kind == "string" and previous not in TEMPLATE_NAMING \
                    and PATH_TEXT.search(ast.literal_eval(value)):
                found.append(f"string {value}")
            if kind != "whitespace":
                previous = value
    for match in LINK.finditer("".join(text)):
        value = next(group for group in match.groups() if group is not None)
        if not ALLOWED_LINK.match(value):
            found.append(match.group(0).replace(SITE, "{{ SITEURL }}").replace(EXPRESSION, "{{ … }}"))
    return found


def settings_offenders(source: str) -> list[str]:
    """Hand-written paths in pelicanconf.py: path-like literals, or an output setting's literal."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and PATH_TEXT.search(node.value):
            found.append(repr(node.value))
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) \
                and isinstance(node.value.value, str) and node.value.value:
            found += [f"{t.id} = {node.value.value!r}" for t in node.targets
                      if isinstance(t, ast.Name) and OUTPUT_SETTING.search(t.id)]
    return found


def test_output_paths_are_written_down_only_in_urls():
    offenders = sorted(
        f"{module_of(p)}: {node.value!r}" for p in PACKAGE.rglob("*.py") if p.name != "urls.py"
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and PYTHON_PATH.search(node.value))
    assert offenders == []


def test_templates_and_settings_name_no_output_path():
    offenders = {p.name: template_offenders(p.read_text(encoding="utf-8"))
                 for p in sorted(TEMPLATES.glob("*.html"))}
    offenders["pelicanconf.py"] = settings_offenders((REPO / "pelicanconf.py").read_text(encoding="utf-8"))
    assert {name: found for name, found in offenders.items() if found} == {}
    assert len(offenders) > 10  # the scan saw the theme


def test_what_the_theme_links_through_urls_passes():
    ok = ['<a href="{{ SITEURL }}/{{ urls.dataset_path(d.name)|url }}">',
          "<img src='{{ SITEURL }}/{{ urls.chart_path(c.id) }}'>", '<a href="#{{ s.anchor }}">',
          '<a href="{{ penerbit.url }}">', '<a href="mailto:{{ penerbit.email }}">',
          '{% extends "base.html" %}{% import "_macros.html" as m %}', '{{ x|join(", ") }}',
          '<form action="{{ SITEURL }}/{{ urls.SEARCH_PAGE|url }}">', '<a href="#isi">']
    assert [template_offenders(source) for source in ok] == [[]] * len(ok)
    assert settings_offenders('TIMEZONE = "Asia/Jakarta"\nMENU = [("Data", urls.url(urls.DATA_INDEX))]'
                              '\nAUTHOR_SAVE_AS = ""\nSITEURL = ""\nPATH = "content"') == []


SEGMENT = st.from_regex(r"[a-z][a-z0-9-]{0,11}", fullmatch=True)
PATHS = st.builds(
    lambda parts, expression, end: "/".join(
        p if i != expression else "{{ d.name }}" for i, p in enumerate(parts)) + end,
    st.lists(SEGMENT, min_size=1, max_size=3), st.integers(0, 3),
    st.sampled_from(["/", ".csv", ".svg", ".xml", ".css", ".js", "/#{{ s.id }}"]))


@given(path=PATHS, attribute=st.sampled_from(["href", "src", "action", "HREF"]),
       quote=st.sampled_from(['"', "'", ""]), root=st.sampled_from(["{{ SITEURL }}/", "{{SITEURL}}/", ""]))
def test_a_hand_written_path_in_a_link_is_caught(path, attribute, quote, root):
    """Every spelling of a written-out path in a link: quoted or not, with or without SITEURL,
    with an expression in the middle (`data/{{ d.name }}/`) or a file name at the end."""
    source = f"<p><a {attribute}={quote}{root}{path}{quote}>x</a></p>"
    assert template_offenders(source) != []


@given(path=PATHS, form=st.sampled_from(['{{{{ m.breadcrumbs([("Data", "{p}")]) }}}}',
                                         "{{{{ SITEURL ~ '/{p}' }}}}", '{{% set link = "{p}" %}}',
                                         '{{{{ x|replace("{p}", "") }}}}']))
def test_a_hand_written_path_in_an_expression_is_caught(path, form):
    source = form.format(p=path.replace("{{ d.name }}", "x").replace("{{ s.id }}", "s1"))
    assert template_offenders(source) != []


@given(path=PATHS, setting=st.sampled_from(["MENU = [(\"Data\", {v})]", "ARTICLE_URL = {v}",
                                            "INDEX_SAVE_AS = {v}", "FEED_ALL_ATOM = {v}"]))
def test_a_hand_written_path_in_the_settings_is_caught(path, setting):
    value = repr(path.replace("{{ d.name }}", "{slug}").replace("{{ s.id }}", "s1"))
    assert settings_offenders(setting.format(v=value)) != []
    assert settings_offenders('THEME_STATIC_DIR = "tema"') != []
