import pytest

from sitebuild import PUBLISH, PUBLISHCONF, build_site, copy_sample


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory):
    """The sample network, built once per test session."""
    root = tmp_path_factory.mktemp("sample")
    result = build_site(copy_sample(root), root / "output")
    assert result.exit_code == 0, result.messages
    return result


@pytest.fixture(scope="session")
def published_sample(tmp_path_factory):
    """The sample network built once per session with publishconf.py (absolute URLs,
    feeds, drafts left out): shared by every test that only reads the output."""
    root = tmp_path_factory.mktemp("published")
    result = build_site(copy_sample(root), root / "output", settings_file=PUBLISHCONF, **PUBLISH)
    assert result.exit_code == 0, result.messages
    return result


@pytest.fixture(scope="session")
def sample_url(sample_site):
    """The built sample network served on loopback."""
    from browser import serve

    with serve(sample_site.output) as url:
        yield url


@pytest.fixture
def browser_context():
    """A fresh Chromium context; skips locally without Chromium, fails in CI."""
    from browser import chromium

    with chromium(locale="de-DE") as context:
        yield context
