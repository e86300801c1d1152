"""Every page of the member directory: the list, every profile, every competence, region, format and kind page, in Chromium.

No request to another host, no console error, no cookie, no axe-core WCAG 2.x
A/AA violation, exactly one h1, and no sideways scrolling at 320 px
(theme_checks.page_problems, theme_checks.SWEEP_SECTIONS).
"""

import pytest

from theme_checks import sweep_test

pytestmark = [pytest.mark.browser, pytest.mark.long(20)]

test_every_page_is_private_error_free_accessible_and_fits_a_small_phone = sweep_test("directory")
