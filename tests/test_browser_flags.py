"""The browser tests' Chromium flags (tests/browser.py) keep everything Playwright sets.

Chromium honours only the last ``--disable-features`` on its command line, so
the list the tests pass replaces the one Playwright passes before it. Every
feature Playwright switches off must therefore be in ours too, or an upgrade
of Playwright would quietly switch features back on (prompts, HTTPS upgrades
of loopback addresses, paint holding).
"""

import re
from pathlib import Path

import playwright

from browser import CHROMIUM_ARGS, PLAYWRIGHT_DISABLED_FEATURES

DRIVER = Path(playwright.__file__).parent / "driver" / "package" / "lib"


def playwrights_disabled_features() -> list[str]:
    """The ``disabledFeatures`` list of the installed Playwright driver."""
    candidates = [DRIVER / "coreBundle.js", DRIVER / "server" / "chromium" / "chromiumSwitches.js"]
    for source in candidates:
        if source.exists():
            found = re.search(r"disabledFeatures = \[(.*?)\]", source.read_text(), re.DOTALL)
            if found:
                code = re.sub(r"//[^\n]*", "", found.group(1))
                return re.findall(r"\"([^\"]+)\"", code)
    raise AssertionError(f"Playwright's list of disabled features not found in {candidates}")


def test_every_feature_playwright_disables_stays_disabled():
    theirs = playwrights_disabled_features()
    assert "PaintHolding" in theirs  # the parse above found the real list
    assert set(theirs) <= set(PLAYWRIGHT_DISABLED_FEATURES), set(theirs) - set(
        PLAYWRIGHT_DISABLED_FEATURES
    )


def test_the_browser_gets_one_list_with_ours_and_playwrights():
    lists = [arg for arg in CHROMIUM_ARGS if arg.startswith("--disable-features=")]
    assert len(lists) == 1
    passed = lists[0].removeprefix("--disable-features=").split(",")
    assert set(PLAYWRIGHT_DISABLED_FEATURES) | {"RenderDocument"} == set(passed)
