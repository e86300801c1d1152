import fcntl
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from knotenpunkt.ram import ram_folder
from sitebuild import PUBLISH, PUBLISHCONF, BuildResult, build_site, copy_sample


def built_once(tmp_path_factory, worker_id: str, name: str, build) -> BuildResult:
    """``build(root)`` run once per test session, also across pytest-xdist workers.

    Under ``-n auto`` each worker is its own process with its own session
    fixtures, so each would build the sample again. The first worker to get
    here builds into a folder all workers share (next to their own temporary
    folders) while holding a lock; the others wait for it and read the result.
    The output is read-only for the tests, as it already was within a worker.
    """
    if worker_id == "master":  # no xdist: nothing to share
        return build(tmp_path_factory.mktemp(name))
    shared = tmp_path_factory.getbasetemp().parent / f"shared-{name}"
    with open(f"{shared}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = shared / "result.json"
        if done.exists():
            saved = json.loads(done.read_text(encoding="utf-8"))
            return BuildResult(saved["exit_code"], saved["messages"], Path(saved["output"]))
        shutil.rmtree(shared, ignore_errors=True)  # what a failed build left
        shared.mkdir()
        result = build(shared)
        if result.exit_code == 0:  # a failed build is not shared: each worker reports it
            saved = {
                "exit_code": result.exit_code,
                "messages": result.messages,
                "output": str(result.output),
            }
            done.write_text(json.dumps(saved), encoding="utf-8")
        return result


#: free space the RAM folder needs: a full run writes about 1.3 GB (sites,
#: Chromium profiles), most of it removed test by test
#: (``tmp_path_retention_policy`` in pyproject.toml)
RAM_FOLDER_MIN_FREE = 4 * 1024**3


def pytest_configure(config):
    """Temporary files in RAM: the suite builds a few hundred small sites.

    Each build creates thousands of small files and folders, and on a disk
    the kernel's work for that (journal, allocation) was about a tenth of the
    suite's time. Set here, before pytest-xdist starts its workers, so they,
    the builds they start, Chromium and Pagefind all inherit it. A folder the
    user chose (``--basetemp``, ``TMPDIR``, ``PYTEST_DEBUG_TEMPROOT``) wins.
    """
    if hasattr(config, "workerinput") or config.option.basetemp:
        return
    if os.environ.get("TMPDIR") or os.environ.get("PYTEST_DEBUG_TEMPROOT"):
        return
    folder = ram_folder(RAM_FOLDER_MIN_FREE)
    if folder is not None:
        os.environ["TMPDIR"] = str(folder)
        tempfile.tempdir = None  # gettempdir() reads TMPDIR again


@pytest.fixture(scope="session", autouse=True)
def shared_image_cache(tmp_path_factory, worker_id):
    """One cache of encoded photo sizes for the builds of this session (all workers)."""
    import sitebuild

    base = tmp_path_factory.getbasetemp()
    sitebuild.SHARED_IMAGE_CACHE = (
        base if worker_id == "master" else base.parent
    ) / "shared-images"
    yield
    sitebuild.SHARED_IMAGE_CACHE = None


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory, worker_id):
    """The sample network, built once per test session."""

    def build(root):
        return build_site(copy_sample(root), root / "output")

    result = built_once(tmp_path_factory, worker_id, "sample", build)
    assert result.exit_code == 0, result.messages
    return result


@pytest.fixture(scope="session")
def published_sample(tmp_path_factory, worker_id):
    """The sample network built once per session with publishconf.py (absolute URLs,
    feeds, drafts left out): shared by every test that only reads the output."""

    def build(root):
        return build_site(copy_sample(root), root / "output", settings_file=PUBLISHCONF, **PUBLISH)

    result = built_once(tmp_path_factory, worker_id, "published", build)
    assert result.exit_code == 0, result.messages
    return result


@pytest.fixture(scope="session")
def sample_url(sample_site):
    """The built sample network served on loopback."""
    from browser import serve

    with serve(sample_site.output) as url:
        yield url


@pytest.fixture(scope="session", autouse=True)
def close_browser_at_the_end():
    """The shared Chromium (tests/browser.py) lives until the session ends."""
    yield
    from browser import close_shared_browser

    close_shared_browser()


@pytest.fixture
def browser_context():
    """A fresh Chromium context; skips locally without Chromium, fails in CI."""
    from browser import chromium

    with chromium(locale="de-DE") as context:
        yield context


# --- Spreading the suite over the workers (`make test`: -n auto --dist loadfile) ---
#: fixture scopes one worker builds for several tests of a module
SHARED_SCOPES = {"module", "class", "package"}


def uses_shared_fixture(item) -> bool:
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return False
    return any(defs and defs[-1].scope in SHARED_SCOPES for defs in info.name2fixturedefs.values())


def module_rank(item) -> tuple[int, float]:
    """Where a test's module goes in the queue: long modules by their expected
    seconds (``pytest.mark.long(seconds)``, the longest first), then other
    browser modules, then modules with a module fixture, then the rest."""
    long = item.get_closest_marker("long")
    if long is not None:
        return (0, -float(long.args[0]) if long.args else 0.0)
    if item.get_closest_marker("browser"):
        return (1, 0.0)
    return (2, 0.0) if uses_shared_fixture(item) else (3, 0.0)


def pytest_collection_modifyitems(config, items):
    """Queue the long modules first, so the workers finish at about the same time.

    ``make test`` hands whole files to the workers (``--dist loadfile``), so a
    module fixture (a module's own site build, the Lighthouse audit, a
    module's Chromium) is built by one worker once; under plain
    ``--dist load`` several workers could build it. (``--dist loadgroup`` would
    be finer, but pytest-xdist 3.8 cannot rename node ids under pytest 9, so
    its groups have no effect.) With ``--no-loadscope-reorder`` the files go
    out in this order (:func:`module_rank`): a long module queued last would
    keep one worker busy after the others are done. Whole modules move
    (stable sort), so a serial run still builds each module fixture once.
    """
    ranks: dict[str, tuple[int, float]] = {}
    for item in items:
        name = item.module.__name__
        ranks[name] = min(module_rank(item), ranks.get(name, (3, 0.0)))
    items.sort(key=lambda item: ranks[item.module.__name__])
