import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from monografi.publish import BuildBusy, build_lock, publish, state_dir


def write_site(text):
    def build(site):
        (site / "index.html").write_text(text)
        return text
    return build


def test_publish_swaps_output_to_the_new_build(tmp_path):
    output = tmp_path / "output"
    publish(tmp_path, output, write_site("satu"))
    publish(tmp_path, output, write_site("dua"))
    assert output.is_symlink() and (output / "index.html").read_text() == "dua"
    builds = list((state_dir(tmp_path) / "builds").iterdir())
    assert len(builds) == 1, "old builds are cleaned up"


def test_failed_build_leaves_output_untouched(tmp_path):
    output = tmp_path / "output"
    publish(tmp_path, output, write_site("lama"))
    before = os.readlink(output)

    def broken(site):
        (site / "index.html").write_text("setengah")
        raise RuntimeError("gagal di tengah jalan")

    with pytest.raises(RuntimeError):
        publish(tmp_path, output, broken)
    assert os.readlink(output) == before and (output / "index.html").read_text() == "lama"
    assert len(list((state_dir(tmp_path) / "builds").iterdir())) == 1


def test_an_empty_output_directory_is_replaced(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    publish(tmp_path, output, write_site("baru"))
    assert output.is_symlink() and (output / "index.html").read_text() == "baru"


def test_second_build_at_once_is_refused(tmp_path):
    output = tmp_path / "output"
    with build_lock(state_dir(tmp_path)), pytest.raises(BuildBusy):
        publish(tmp_path, output, write_site("x"))


def test_sigkill_mid_build_keeps_the_previous_site(tmp_path):
    output = tmp_path / "output"
    publish(tmp_path, output, write_site("lama"))
    script = textwrap.dedent(f"""
        import time
        from pathlib import Path
        from monografi.publish import publish
        def slow(site):
            (site / "index.html").write_text("setengah")
            Path({str(tmp_path / "mulai")!r}).touch()
            time.sleep(60)
        publish(Path({str(tmp_path)!r}), Path({str(output)!r}), slow)
    """)
    process = subprocess.Popen([sys.executable, "-c", script])
    marker = tmp_path / "mulai"
    for _ in range(200):
        if marker.exists():
            break
        time.sleep(0.05)
    assert marker.exists(), "the build never started"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert (output / "index.html").read_text() == "lama"
    publish(tmp_path, output, write_site("berikutnya"))  # the lock died with the process
    assert (output / "index.html").read_text() == "berikutnya"
