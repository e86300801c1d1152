import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from sitebuild import build_site, copy_sample  # noqa: E402


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory):
    """The sample network, built once per test session."""
    root = tmp_path_factory.mktemp("sample")
    result = build_site(copy_sample(root), root / "output")
    assert result.exit_code == 0, result.messages
    return result
