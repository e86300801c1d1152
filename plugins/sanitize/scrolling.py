"""Code blocks that scroll sideways can be reached and scrolled by keyboard.

A ``<pre>`` wider than the screen scrolls horizontally (main.css); without
focus a keyboard user could never read its hidden part (WCAG 2.1.1, axe
``scrollable-region-focusable``). Every code block therefore becomes a
focusable, named region. Runs after cleaning, so the attributes come from us,
never from a member.
"""

from __future__ import annotations

import html
import re

PRE_TAG = re.compile(r"<pre(?=[\s>])")


def focusable_code_blocks(markup: str, label: str) -> str:
    """Every ``<pre>`` with ``tabindex="0" role="region" aria-label="label"``."""
    attributes = f' tabindex="0" role="region" aria-label="{html.escape(label, quote=True)}"'
    return PRE_TAG.sub(lambda match: match.group(0) + attributes, markup)
