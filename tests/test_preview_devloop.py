"""The devserver's long-lived build worker (``knotenpunkt.worker``, issue 13).

One small network is rebuilt by one worker process after each edit, the way
``make devserver`` does it (the search index after the swap included); after
every build a fresh build of the same content into new output and cache
folders must give the same files byte for byte. A content mistake is
reported by the build that has it and is gone from the build that follows
its fix. If the worker dies, the devserver says so and builds in a fresh
process.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
from pathlib import Path

import pytest

from knotenpunkt.build import atomic_build
from knotenpunkt.serve import DevServer
from knotenpunkt.worker import BuildWorker
from members_fixture import members_content, zoras_post
from sitebuild import PROJECT_ROOT
from test_caches import differences

PROFILE = "mitglieder/anna-beispiel/index.html"
BROKEN_DATE = "Den 31. Februar 2026 gibt es nicht."


class Site:
    """A members network, its settings file and one worker building it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.content = members_content(root)
        for number in (1, 2):
            (self.content / "blog" / f"beitrag-{number}.md").write_text(zoras_post(number), "utf-8")
        self.settings = root / "devloopconf.py"
        self.settings.write_text(
            "import os\nfrom knotenpunkt.conf import inherit\n"
            f"globals().update(inherit({str(PROJECT_ROOT / 'pelicanconf.py')!r}))\n"
            f"THEME = {str(PROJECT_ROOT / 'themes' / 'knotenpunkt')!r}\n"
            'CACHE_PATH = os.environ["DEVLOOP_TEST_CACHE"]\n',
            encoding="utf-8",
        )
        self.output = root / "output"
        self.log = root / "worker.log"
        self.fresh_builds = 0
        #: the files changed since the last build, passed as the devserver passes them
        self.changed: list[Path] = []

    def start(self) -> BuildWorker:
        env = {
            **os.environ,
            "DEVLOOP_TEST_CACHE": str(self.root / "cache"),
            "KNOTENPUNKT_CACHE_DEBUG": "1",
        }
        arguments = ["--content", str(self.content), "--output", str(self.output)]
        arguments += ["--settings", str(self.settings), "--search-after-swap"]
        with self.log.open("a") as log:
            return BuildWorker(arguments, log=log, env=env)

    def build(self, worker: BuildWorker) -> tuple[int, str]:
        """One build in the worker: its exit code and what it printed."""
        before = self.log.stat().st_size if self.log.exists() else 0
        code = worker.build(self.changed)
        self.changed = []
        with self.log.open("rb") as log:
            log.seek(before)
            return code, log.read().decode("utf-8", "replace")

    def assert_fresh_build_equals_output(self) -> None:
        self.fresh_builds += 1
        fresh = self.root / f"fresh-{self.fresh_builds}"
        outcome = atomic_build(
            self.settings,
            fresh,
            PATH=str(self.content),
            CACHE_PATH=str(self.root / f"fresh-cache-{self.fresh_builds}"),
        )
        assert outcome.exit_code == 0
        assert differences(fresh, self.output) == []
        shutil.rmtree(fresh)

    def edit(self, relative: str, old: str, new: str) -> None:
        path = self.content / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, (relative, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        self.changed.append(path)


@pytest.fixture(scope="module")
def site(tmp_path_factory, monkeypatch_module):
    site = Site(tmp_path_factory.mktemp("devloop"))
    monkeypatch_module.setenv("DEVLOOP_TEST_CACHE", str(site.root / "unused-cache"))
    worker = site.start()
    site.worker = worker
    code, printed = site.build(worker)
    assert code == 0, printed
    yield site
    worker.close()


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_first_build_equals_a_fresh_build(site):
    assert (site.output / PROFILE).is_file()
    site.assert_fresh_build_equals_output()


def test_member_edit_is_rebuilt_incrementally_and_indexed_after_the_swap(site):
    site.edit("members/anna-beispiel.md", "Lerntherapeutin in", "Lernberaterin aus")
    code, printed = site.build(site.worker)
    assert code == 0, printed
    assert "Lernberaterin aus" in (site.output / PROFILE).read_text(encoding="utf-8")
    reused = re.search(r"pages: (\d+) reused", printed)
    assert reused and int(reused.group(1)) > 10, printed  # the worker's child used the caches
    # published with the previous index first, then the fresh one swapped in
    assert "search index: the previous one until the site is published" in printed
    assert "search index: built after the site was published" in printed
    assert not [name for name in os.listdir(site.output / "..") if ".fresh-" in name]
    assert not [p for p in site.output.rglob(".*fresh-*")], "no temporary bundle left"
    site.assert_fresh_build_equals_output()


def test_a_content_error_is_reported_by_its_build_and_gone_after_the_fix(site):
    broken = site.content / "blog" / "beitrag-2.md"
    published = (site.output / PROFILE).read_bytes()
    broken.write_text(zoras_post(2, date="31.02.2026"), encoding="utf-8")
    site.changed.append(broken)
    code, printed = site.build(site.worker)
    assert code == 1, printed
    assert BROKEN_DATE in printed and "beitrag-2.md" in printed
    assert "Traceback" not in printed
    assert (site.output / PROFILE).read_bytes() == published, "the last good site stays"

    broken.write_text(zoras_post(2, text="Ein neuer Absatz."), encoding="utf-8")
    site.changed.append(broken)
    code, printed = site.build(site.worker)
    assert code == 0, printed
    assert BROKEN_DATE not in printed, "a fixed mistake is not reported again"
    assert "Ein neuer Absatz." in (site.output / "blog/beitrag-2/index.html").read_text("utf-8")
    site.assert_fresh_build_equals_output()


def test_new_member_and_removed_post_in_one_worker(site):
    members = site.content / "members"
    shutil.copy(members / "zora-zander.md", members / "yara-neu.md")
    site.edit("members/yara-neu.md", "Title: Zora Zander", "Title: Yara Neu")
    (site.content / "blog" / "beitrag-1.md").unlink()
    site.changed.append(site.content / "blog" / "beitrag-1.md")
    code, printed = site.build(site.worker)
    assert code == 0, printed
    assert (site.output / "mitglieder/yara-neu/index.html").is_file()
    assert not (site.output / "blog/beitrag-1/index.html").exists()
    site.assert_fresh_build_equals_output()


def test_devserver_falls_back_to_a_fresh_process_when_the_worker_dies(site, capfd):
    server = DevServer(site.content, site.output, site.settings, port=0, quiet=True)
    try:
        assert server.build() == 0
        worker = server.worker
        assert worker is not None and worker.process.poll() is None
        worker.process.send_signal(signal.SIGKILL)
        worker.process.wait(timeout=30)
        assert server.build() == 0
        assert server.worker is None and not server.use_worker
        assert "Der Bauprozess im Hintergrund ist ausgefallen" in capfd.readouterr().out
    finally:
        server.stop_worker()
        server.server.server_close()


def test_only_content_changes_keep_the_worker(site):
    server = DevServer(site.content, site.output, site.settings, port=0, quiet=True)
    try:
        content_change = {(1, str(site.content / "members" / "anna-beispiel.md"))}
        assert not server.needs_new_worker(content_change)
        for other in (
            site.settings,
            PROJECT_ROOT / "plugins" / "members" / "generator.py",
            PROJECT_ROOT / "themes" / "knotenpunkt" / "translations" / "en" / "x.po",
            PROJECT_ROOT / "themes" / "knotenpunkt" / "templates" / "base.html",
        ):
            assert server.needs_new_worker({*content_change, (2, str(other))}), other
    finally:
        server.server.server_close()


def test_simple_devserver_builds_like_before(site, monkeypatch):
    """KNOTENPUNKT_DEVSERVER_SIMPLE=1: no worker, the search index before publishing."""
    monkeypatch.setenv("KNOTENPUNKT_DEVSERVER_SIMPLE", "1")
    server = DevServer(site.content, site.output, site.settings, port=0, quiet=True)
    try:
        assert not server.use_worker
        assert "--search-after-swap" not in server.build_arguments()
    finally:
        server.server.server_close()
