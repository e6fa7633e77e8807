"""The command as staff and CI run it: exit codes, messages, and the site left alone."""

import contextlib
import io
import re
import subprocess
import sys

import openpyxl
import pytest

from monografi.commands import main
from tests.conftest import REPO, tree_digest
from tests.helpers import append_line, set_cell


def run(project, *args):
    """The command in this process (a fresh interpreter per call cost most of this file's time);
    test_help_documents_the_commands runs the real build.py."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(REPO), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["--proyek", str(project), *args])
        except SystemExit as exc:  # argparse: --help, unknown options
            code = exc.code
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def test_help_documents_the_commands():
    result = subprocess.run([sys.executable, str(REPO / "build.py"), "--help"], capture_output=True,
                            text=True, cwd=REPO, timeout=300)
    assert result.returncode == 0
    for word in ("build", "check", "formulir", "impor", "serve", "--lang", "Kode keluar", "2    salah",
                 "130  dibatalkan"):
        assert word in result.stdout


@pytest.mark.parametrize("command", ["build", "check", "formulir", "impor", "dataset-baru",
                                     "kotak-masuk", "bagian", "gabung", "serve"])
def test_every_help_names_its_values_in_the_chosen_language(command):
    """The placeholders --help shows for an option's value (KODE, BERKAS, …) follow --lang."""
    indonesian, english = (run(REPO, "--lang", lang, command, "--help").stdout for lang in ("id", "en"))
    assert not re.search(r"\b(KODE|PERIODE|BERKAS|NAMA)\b", english)
    assert not re.search(r"\b(CODE|PERIOD|FILE|NAME)\b", indonesian)


def test_check_on_bundled_data_exits_zero(project):
    result = run(project, "check")
    assert result.returncode == 0 and "Semua data sah" in result.stdout


def test_broken_dataset_fails_with_exit_1_and_leaves_the_site_untouched(built_copy):
    project = built_copy
    before = tree_digest(project / "output")
    set_cell(project, "luas_kecamatan", 5, "luas_km2", "dua puluh")
    row = append_line(project, "luas_kecamatan", "32.15.02,2011,S3,1.5,")
    append_line(project, "penduduk_dukcapil_kecamatan", "32.15.99,2024-S1,100,,S7,")
    result = run(project)
    assert result.returncode == 1
    assert "luas_kecamatan.csv" in result.stderr and "baris 5, kolom luas_km2" in result.stderr
    assert f"baris {row}" in result.stderr
    assert "penduduk_dukcapil_kecamatan.csv" in result.stderr and "32.15.99" in result.stderr
    assert "situs yang sudah terbit tidak diubah" in result.stderr
    assert tree_digest(project / "output") == before


def test_english_messages(project):
    set_cell(project, "luas_kecamatan", 5, "luas_km2", "x")
    result = run(project, "--lang", "en", "check")
    assert result.returncode == 1 and "row 5, column luas_km2" in result.stdout
    assert "is not a valid number" in result.stdout


def test_unknown_command_is_a_usage_error():
    assert run(REPO, "terbangkan").returncode == 2


def test_serve_without_a_site_is_a_usage_error(tmp_path):
    result = run(tmp_path, "serve")
    assert result.returncode == 2 and "`monografi build`" in result.stderr


def test_check_formats_and_exit_codes(project):
    set_cell(project, "luas_kecamatan", 5, "luas_km2", "1,5")
    github = run(project, "check", "--format", "github")
    assert github.returncode == 1
    assert "::error file=datasets/luas_kecamatan.csv,line=5,title=tipe (luas_km2)::" in github.stdout
    as_json = run(project, "--lang", "en", "check", "--format", "json")
    assert as_json.returncode == 1 and '"baris": 5' in as_json.stdout


def test_broken_package_description_is_a_configuration_error(project):
    (project / "datasets" / "datapackage.json").write_text("{ rusak", encoding="utf-8")
    result = run(project, "check")
    assert result.returncode == 2 and "datapackage.json" in result.stdout


def test_damaged_csv_gives_messages_not_a_traceback(project):
    path = project / "datasets" / "desa.csv"
    path.write_bytes(path.read_bytes()[:500] + b"\xff\xfe\x00binary")
    result = run(project, "check")
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert "desa.csv" in result.stdout


def test_warnings_are_shown_but_do_not_fail(project):
    set_cell(project, "penduduk_dukcapil_kecamatan", 3, "jumlah", "17166")
    result = run(project, "check")
    assert result.returncode == 0 and "PERINGATAN" in result.stdout
    assert result.stdout.strip().endswith("Semua data sah.")


def test_form_and_import_from_the_command_line(project, tmp_path):
    form = tmp_path / "klari.xlsx"
    made = run(project, "formulir", "--kecamatan", "32.15.05", "--periode", "2025",
               "--keluar", str(form))
    assert made.returncode == 0 and "Klari" in made.stdout and form.is_file()
    book = openpyxl.load_workbook(form)
    sheet = book["penduduk_dukcapil_kecamatan"]
    sheet["D3"], sheet["D5"], sheet["F5"], sheet["C5"] = 190600, 201000, "S7", "2025-S1"
    book.save(form)
    result = run(project, "impor", str(form))
    assert result.returncode == 0, result.stderr
    assert "190523 → 190600" in result.stdout and "+ penduduk_dukcapil_kecamatan: 32.15.05 / 2025-S1" \
        in result.stdout
    assert run(project, "check").returncode == 0


def test_form_for_a_name_suggests_the_code(project, tmp_path):
    result = run(project, "formulir", "--kecamatan", "Klari", "--keluar", str(tmp_path / "x.xlsx"))
    assert result.returncode == 2 and "maksud Anda '32.15.05' (Klari)?" in result.stderr


def test_import_refusal_is_exit_1_and_changes_nothing(project, tmp_path):
    form = tmp_path / "klari.xlsx"
    run(project, "formulir", "--kecamatan", "32.15.05", "--keluar", str(form))
    book = openpyxl.load_workbook(form)
    book["penduduk_dukcapil_kecamatan"]["D3"] = -1
    book.save(form)
    before = tree_digest(project / "datasets")
    result = run(project, "impor", str(form))
    assert result.returncode == 1 and "tidak ada berkas di datasets/ yang diubah" in result.stderr
    assert "klari.xlsx › penduduk_dukcapil_kecamatan" in result.stderr and "baris 3" in result.stderr
    assert tree_digest(project / "datasets") == before
    assert run(project, "impor", str(tmp_path / "tidak-ada.xlsx")).returncode == 2


def test_broken_template_fails_with_a_message_and_keeps_the_site(built_copy):
    project = built_copy
    before = tree_digest(project / "output")
    template = project / "theme" / "templates" / "area.html"
    template.write_text(template.read_text(encoding="utf-8") + "{% if %}\n", encoding="utf-8")
    result = run(project)
    assert result.returncode == 2
    assert "Situs yang sudah terbit tidak diubah" in result.stderr
    assert "tahap halaman" in result.stderr and "area.html" in result.stderr and "theme/" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(project / "output") == before


def test_output_paths_that_are_the_project_or_hold_its_folders_are_refused(project):
    before = tree_digest(project)
    dot = run(project, "--output", str(project))
    assert dot.returncode == 2 and "folder proyek" in dot.stderr and "Traceback" not in dot.stderr
    data = run(project, "--lang", "en", "--output", str(project / "datasets"))
    assert data.returncode == 2 and "datasets/" in data.stderr and "will not replace" in data.stderr
    (project / "output").mkdir()
    (project / "output" / "CNAME").write_text("monografi.contoh.go.id\n")
    staff = run(project)
    assert staff.returncode == 2 and "content/extra/" in staff.stderr
    after = tree_digest(project)
    assert after.pop("output/CNAME") == b"monografi.contoh.go.id\n"
    assert {k: v for k, v in after.items() if not k.startswith(".monografi/")} == before


def _main(project, capsys, *args):
    from monografi.commands import main

    code = main(["--proyek", str(project), "--quiet", "--jobs", "1", *args])
    return code, capsys.readouterr().err


def test_an_internal_error_is_reported_as_a_bug_with_its_stage_not_as_a_theme_problem(
        project, monkeypatch, capsys):
    import monografi.publishing.pipeline

    def broken(*_args, **_kwargs):
        raise KeyError("kode_tak_terduga")

    monkeypatch.setattr(monografi.publishing.pipeline, "write_charts", broken)
    code, err = _main(project, capsys)
    assert code == 3 and "tahap grafik" in err and "KeyError" in err and "kode_tak_terduga" in err
    assert "bug" in err and "theme/" not in err and "tidak diubah" in err
    assert not (project / "output").exists() and not (project / "output").is_symlink()
    code, err = _main(project, capsys, "--lang", "en")
    assert code == 3 and "stage charts" in err and "bug in Monografi" in err


@pytest.mark.parametrize(("cause", "code", "expected", "absent"), [
    ("search", 2, "Pagefind", "theme/"),
    ("disk", 2, "ruang disk", "theme/"),
    ("write", 2, "menolak menulis ../datasets/x.csv", "theme/"),
    ("template", 2, "theme/", "bug"),
])
def test_each_failure_says_what_really_failed(cause, code, expected, absent):
    import jinja2

    from monografi.commands.failure import failure_message
    from monografi.publishing.pipeline import StageFailed
    from monografi.publishing.search import SearchIndexError
    from monografi.safe_write import RefusedWrite

    error = {"search": SearchIndexError("pagefind berhenti"), "disk": OSError(28, "No space left"),
             "write": RefusedWrite("../datasets/x.csv", "escape"),
             "template": jinja2.UndefinedError("'wilayah' is undefined")}[cause]
    text, exit_code = failure_message(StageFailed("halaman", error), "id")
    assert exit_code == code and expected in text and absent not in text
    assert text.endswith("Situs yang sudah terbit tidak diubah.")
    assert failure_message(StageFailed("halaman", error), "en")[1] == code


def test_serve_on_a_busy_port_says_so_and_suggests_another(tmp_path):
    import socket

    (tmp_path / "index.html").write_text("situs")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run(tmp_path, "--output", str(tmp_path), "serve", "--port", str(port))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"Port {port}" in result.stderr and f"--port {port + 1}" in result.stderr


def test_serve_answers_a_missing_page_with_the_portals_own_404(tmp_path):
    import threading
    import urllib.error
    import urllib.request

    from monografi.commands.serve import portal_server

    (tmp_path / "index.html").write_text("beranda")
    (tmp_path / "404.html").write_text("<h1>Halaman tidak ditemukan</h1>")
    server = portal_server(tmp_path, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        assert urllib.request.urlopen(f"{base}/").read() == b"beranda"
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"{base}/desa/tidak-ada/")
        assert missing.value.code == 404
        assert missing.value.read() == b"<h1>Halaman tidak ditemukan</h1>"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(("command", "target"), [
    (["--jobs", "1"], "monografi.publishing.pipeline.build"),
    (["check"], "monografi.validation.check.validate_datasets"),
    (["--lang", "en", "formulir", "--kecamatan", "32.15.05"],
     "monografi.validation.check.validate_datasets"),
])
def test_any_commands_internal_error_has_its_own_exit_code_and_says_it_is_a_bug(
        project, monkeypatch, capsys, command, target):
    from monografi import commands
    from monografi.commands.common import EXIT_BUG

    def broken(*args, **kwargs):
        raise KeyError("kode")

    monkeypatch.setattr(target, broken)
    monkeypatch.delenv("MONOGRAFI_DEBUG", raising=False)
    assert commands.main(["--proyek", str(project), *command]) == EXIT_BUG == 3
    err = capsys.readouterr().err
    assert ("bug" in err) and ("KeyError" in err) and "Traceback" not in err
    assert not (project / "output").exists()


def test_the_build_summary_follows_lang(built_copy):
    english = run(built_copy, "--quiet", "--lang", "en")
    assert english.returncode == 0 and "Nothing changed since the last build" in english.stdout
    assert "Tidak ada perubahan" not in english.stdout and "change check" in english.stdout
