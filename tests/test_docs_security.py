"""docs/security.md points at code and tests that exist, so the threat model cannot drift."""

import re

from sitebuild import PROJECT_ROOT

SECURITY = PROJECT_ROOT / "docs" / "security.md"


def test_every_test_file_and_module_the_threat_model_names_exists():
    text = SECURITY.read_text(encoding="utf-8")
    tests = set(re.findall(r"`(tests/[\w/]+\.py)`", text))
    modules = set(re.findall(r"`([\w]+\.py)`", text)) - {"pelicanconf.py", "publishconf.py"}
    assert len(tests) >= 8 and len(modules) >= 8
    for path in tests:
        assert (PROJECT_ROOT / path).is_file(), path
    known = {p.name for p in PROJECT_ROOT.glob("plugins/**/*.py")} | {
        p.name for p in PROJECT_ROOT.glob("knotenpunkt/**/*.py")
    }
    assert modules <= known, modules - known


def test_every_limit_setting_the_threat_model_names_is_a_real_setting():
    from knotenpunkt.plugins.content_errors.settings import DEFAULTS

    named = set(re.findall(r"`((?:CONTENT|PUBLISH)_[A-Z_]+)`", SECURITY.read_text("utf-8")))
    assert {"CONTENT_MAX_LINE_CHARS", "CONTENT_ALLOWED_MAINTAINER_FIELDS"} <= named
    assert named <= set(DEFAULTS), named - set(DEFAULTS)
