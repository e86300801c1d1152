"""Every page of the member directory: the list, every profile, every competence, region, format and kind page, in Chromium.

No request to another host, no console error, no cookie, no axe-core WCAG 2.x
A/AA violation, exactly one h1, and no sideways scrolling at 320 px
(theme_checks.page_problems). One module per section, so the suite's longest
check runs on several test workers at once (theme_checks.SWEEP_SECTIONS).
"""

from __future__ import annotations

import pytest

from theme_checks import sweep, sweep_report

pytestmark = [pytest.mark.browser, pytest.mark.long(20)]


def test_every_page_is_private_error_free_accessible_and_fits_a_small_phone(
    sample_site, sample_url
):
    """At 320 px long German words break, cards and fact lists shrink; only code
    blocks scroll, inside themselves."""
    paths, problems = sweep(sample_site.output, sample_url, "directory")
    assert len(paths) >= 10, paths
    assert not problems, sweep_report(paths, problems)
