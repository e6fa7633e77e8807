"""The sharded merge trusts only what it verifies (issue 21): a part summary edited in any way —
a kecamatan's page left out, another part's page taken over, a page or file added, a hash or the
expected page list changed — is refused with a message, and the merged site is not touched.

The portal is SYNTHETIC (bench/generate.py via the sharded_portal fixture); the edits are drawn
by hypothesis over every part and every kind of edit.
"""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import tree_digest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monografi.commands import main
from monografi.model.areas import SHARED_PART
from monografi.publishing.parts import SUMMARY_FILE, MergeError, merge

REFUSALS = {"merge_pages", "merge_damaged", "merge_other_inputs", "merge_no_summary",
            "merge_missing"}


@pytest.fixture(scope="module")
def parts(sharded_portal, tmp_path_factory):
    """Own copies of the parts (the edits below touch their summaries), and a merged site."""
    root = tmp_path_factory.mktemp("terbagi-salinan")
    folders = {name: shutil.copytree(f, root / name) for name, f in sharded_portal["parts"].items()}
    merged = root / "gabung"
    merge(sharded_portal["project"], list(folders.values()), merged)
    return {"project": sharded_portal["project"], "folders": folders, "merged": merged}


def _summary(folder) -> dict:
    return json.loads((folder / SUMMARY_FILE).read_text(encoding="utf-8"))


def _edit(document: dict, kind: str, part: str, other: dict, pick) -> dict:
    """One edit of a part's summary (`other`: another part's summary, for pages to take over)."""
    edited = json.loads(json.dumps(document))
    own = [p for p in edited["halaman"][part] if p in edited["berkas"]]
    if kind == "drop_page" and own:
        for path in pick(st.lists(st.sampled_from(own), min_size=1, unique=True)):
            del edited["berkas"][path]
    elif kind == "drop_page_everywhere" and own:  # and from the list of expected pages too
        path = pick(st.sampled_from(own))
        del edited["berkas"][path]
        edited["halaman"][part].remove(path)
    elif kind == "take_page":
        theirs = [p for p in other["halaman"][other["bagian"]] if p in other["berkas"]]
        path = pick(st.sampled_from(theirs))
        edited["berkas"][path] = other["berkas"][path]
    elif kind == "add_file":
        name = pick(st.from_regex(r"[a-z]{1,8}/[a-z0-9-]{1,12}/index\.html", fullmatch=True))
        edited["berkas"][name] = "0" * 64
    elif kind == "change_hash":
        path = pick(st.sampled_from(sorted(p for p in edited["berkas"] if p != SUMMARY_FILE)))
        edited["berkas"][path] = pick(st.from_regex(r"[0-9a-f]{64}", fullmatch=True)
                                      .filter(lambda h: h != document["berkas"][path]))
    elif kind == "drop_part":
        edited["semua_bagian"].remove(pick(st.sampled_from(edited["semua_bagian"])))
    else:  # an expected page moved to another part in this summary only
        path = pick(st.sampled_from(sorted(p for ps in edited["halaman"].values() for p in ps)))
        owner = next(k for k, ps in edited["halaman"].items() if path in ps)
        target = pick(st.sampled_from(sorted(set(edited["halaman"]) - {owner})))
        edited["halaman"][owner].remove(path)
        edited["halaman"][target].append(path)
    return edited


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), kind=st.sampled_from(["drop_page", "drop_page_everywhere", "take_page",
                                              "add_file", "change_hash", "drop_part", "move_page"]))
def test_an_edited_part_summary_is_refused_and_nothing_is_merged(parts, data, kind):
    folders = parts["folders"]
    part = data.draw(st.sampled_from(sorted(folders)), label="part")
    other = data.draw(st.sampled_from(sorted(set(folders) - {part} - {SHARED_PART})
                                      or [SHARED_PART]), label="other")
    summary_file = folders[part] / SUMMARY_FILE
    original = summary_file.read_bytes()
    edited = _edit(_summary(folders[part]), kind, part, _summary(folders[other]),
                   lambda strategy: data.draw(strategy, label=kind))
    if edited == json.loads(original):
        return  # nothing to edit (a part with no page of its own)
    before = tree_digest(parts["merged"])
    summary_file.write_text(json.dumps(edited), encoding="utf-8")
    try:
        with pytest.raises(MergeError) as refused:
            merge(parts["project"], list(folders.values()), parts["merged"])
    finally:
        summary_file.write_bytes(original)
    assert refused.value.key in REFUSALS
    assert tree_digest(parts["merged"]) == before


def test_a_kecamatan_page_left_out_of_a_summary_is_named_exit_2(parts, capsys):
    folders = parts["folders"]
    part = next(p for p in sorted(folders) if p != SHARED_PART)
    summary_file = folders[part] / SUMMARY_FILE
    original = summary_file.read_bytes()
    document = json.loads(original)
    page = next(p for p in document["halaman"][part] if p.startswith("kecamatan/"))
    del document["berkas"][page]
    (folders[part] / page).unlink()  # the page itself gone too: only the summary can tell
    page_bytes = (parts["merged"] / page).read_bytes()
    summary_file.write_text(json.dumps(document), encoding="utf-8")
    try:
        code = main(["--proyek", str(parts["project"]), "--output", str(parts["merged"]),
                     "gabung", *map(str, folders.values())])
    finally:
        summary_file.write_bytes(original)
        (folders[part] / page).write_bytes(page_bytes)
    assert code == 2
    error = capsys.readouterr().err
    assert f"Ringkasan bagian {part}" in error and page in error and "bangun bagian itu lagi" in error
    assert (parts["merged"] / page).read_bytes() == page_bytes


def test_a_file_in_a_part_its_summary_does_not_name_is_refused(parts):
    folder = parts["folders"][SHARED_PART]
    stray = folder / "tambahan.html"
    stray.write_text("<p>tidak tercatat</p>", encoding="utf-8")
    try:
        with pytest.raises(MergeError) as refused:
            merge(parts["project"], list(parts["folders"].values()), parts["merged"])
    finally:
        stray.unlink()
    assert (refused.value.key, refused.value.values["path"]) == ("merge_damaged", "tambahan.html")
