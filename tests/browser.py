"""Shared browser-test plumbing: serve a built site on loopback, drive Chromium.

Playwright drives Debian's Chromium at ``/usr/bin/chromium`` (Playwright's own
browser download cannot work here). Outside CI a missing Chromium skips the
browser tests with a reason; with ``CI=true`` it is a failure, because the
browser tests must run there (``.ci/run`` installs Chromium).
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("KNOTENPUNKT_CHROMIUM", "/usr/bin/chromium")

#: Features Playwright itself switches off (its chromiumSwitches.ts). Chromium
#: honours only the last --disable-features, so a list of our own must repeat
#: them; tests/test_browser_flags.py checks this against the installed driver.
PLAYWRIGHT_DISABLED_FEATURES = [
    "AvoidUnnecessaryBeforeUnloadCheckSync",
    "DestroyProfileOnBrowserClose",
    "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable",
    "LensOverlay",
    "MediaRouter",
    "PaintHolding",
    "ThirdPartyStoragePartitioning",
    "AvoidCorsURLLoaderRestartOnRedirect",
    "TcpPortRandomizationWin",
    "OptimizationHints",
    "NetworkTimeServiceQuerying",
    "AimEnabled",
    "PreconnectToSearch",
    "msForceBrowserSignIn",
    "msEdgeUpdateLaunchServicesPreferredVersion",
]
#: RenderDocument gives every navigation a new frame host in the browser
#: process; without it a navigation within our one loopback site costs about a
#: quarter less CPU (the suite navigates many hundred times). Pages behave the
#: same: it changes how Chromium hosts a document, not what the document sees.
OUR_DISABLED_FEATURES = ["RenderDocument"]

# Flags this sandbox needs: no background traffic to Google, no sandbox as root.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--disable-features=" + ",".join(PLAYWRIGHT_DISABLED_FEATURES + OUR_DISABLED_FEATURES),
    # V8 without its optimising compilers (Maglev, TurboFan): each page lives
    # for a second or less, so optimised code rarely pays back its compilation;
    # the sweep uses a fifth less CPU. Scripts behave the same (only slower
    # where a loop runs long, which no tested page has); the search's
    # WebAssembly likewise stays with its first compiler. Lighthouse, which
    # times the pages, runs its own Chromium with V8's defaults.
    "--js-flags=--max-opt=1 --no-wasm-tier-up",
]


def require_chromium() -> str:
    """The Chromium executable, or skip (locally) / fail (in CI) without it."""
    if Path(CHROMIUM).exists() or shutil.which(CHROMIUM):
        return CHROMIUM
    message = f"Chromium not found at {CHROMIUM}: install Debian's package 'chromium'."
    if os.environ.get("CI") == "true":
        pytest.fail(message + " In CI the browser tests must run.")
    pytest.skip(message)


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on a free loopback port as ``make serve`` does; yields the base URL.

    The project's preview server (``knotenpunkt.serve``) behaves like a real
    host: byte ranges (audio can seek), the site's 404 page, the MIME types
    hosts are asked to send, folders redirected to their trailing slash.
    """
    from knotenpunkt.serve import make_preview_server

    server = make_preview_server(directory, "127.0.0.1", 0, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


# One Chromium per test process, started by the first browser test and closed
# when the session ends (conftest.py): launching Chromium and Playwright's
# driver costs about a second of CPU, and the suite has dozens of browser
# tests. Each test still gets its own context (cookies, storage, routes,
# permissions), so no test sees another's state.
_playwright = None
_browser = None


def shared_browser():
    """This process's headless Chromium (Playwright sync API), launched on first use."""
    global _playwright, _browser
    if _browser is not None and _browser.is_connected():
        return _browser
    from playwright.sync_api import sync_playwright

    executable = require_chromium()
    close_shared_browser()
    _playwright = sync_playwright().start()
    _browser = _playwright.chromium.launch(
        executable_path=executable, headless=True, args=CHROMIUM_ARGS
    )
    return _browser


def close_shared_browser() -> None:
    global _playwright, _browser
    if _browser is not None:
        with suppress(Exception):  # already gone with its driver: nothing left to close
            _browser.close()
    if _playwright is not None:
        _playwright.stop()
    _playwright = _browser = None


@contextmanager
def chromium(**context_options):
    """A fresh browser context of the shared Chromium, closed afterwards."""
    context = shared_browser().new_context(**context_options)
    try:
        yield context
    finally:
        context.close()
