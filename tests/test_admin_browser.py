"""End to end: a member adds a profile with a photo through the form at /admin/.

Decap CMS (vendored) runs in Chromium against its local backend
``decap-server`` (pinned in tools/decap-server, installed with npm; see the
README) on a private copy of the sample network. The saved Markdown file must
pass the content check and show up in the rebuilt directory.

Screenshots go to ``test-artifacts/screenshots/admin/``; with
``KNOTENPUNKT_GUIDE_SCREENSHOTS=1`` the test also refreshes the pictures of
the member guide in ``docs/bilder/`` (small palette PNGs).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from browser import chromium, serve
from sitebuild import PROJECT_ROOT, build_site, copy_sample

pytestmark = [pytest.mark.browser, pytest.mark.long(20)]

DECAP_SERVER = PROJECT_ROOT / "tools" / "decap-server" / "node_modules" / "decap-server"
ARTIFACTS = PROJECT_ROOT / "test-artifacts" / "screenshots" / "admin"
GUIDE_PICTURES = PROJECT_ROOT / "docs" / "bilder"
LOOPBACK = ("http://127.0.0.1:", "http://localhost:", "data:", "blob:")

NAME = "Karla Müller-Özdemir"
SLUG = "karla-mueller-oezdemir"


def require_decap_server() -> Path:
    """decap-server's entry point, or skip (locally) / fail (in CI) without it."""
    entry = DECAP_SERVER / "dist" / "index.js"
    if entry.exists() and shutil.which("node"):
        return entry
    message = (
        "decap-server is not installed: npm ci --prefix tools/decap-server "
        "(README: Editing in the browser)."
    )
    if os.environ.get("CI") == "true":
        pytest.fail(message + " In CI the end-to-end test must run.")
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_listening(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"decap-server exited with {process.returncode}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError("decap-server did not start listening")


@pytest.fixture(scope="module")
def editable_site(tmp_path_factory):
    """A copy of the sample in a folder decap-server edits, built with /admin/ pointing at it."""
    entry = require_decap_server()
    root = tmp_path_factory.mktemp("editing")
    content = copy_sample(root)
    port = free_port()
    built = build_site(
        content, root / "output", ADMIN_LOCAL_BACKEND_URL=f"http://127.0.0.1:{port}/api/v1"
    )
    assert built.exit_code == 0, built.messages
    server = subprocess.Popen(
        ["node", str(entry)],
        env={
            **os.environ,
            "PORT": str(port),
            "BIND_HOST": "127.0.0.1",
            "MODE": "fs",
            "GIT_REPO_DIRECTORY": str(root),
            "LOG_LEVEL": "warn",
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_until_listening(port, server)
        with serve(root / "output") as url:
            yield root, content, url
    finally:
        server.terminate()
        server.wait(timeout=10)


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    if os.environ.get("KNOTENPUNKT_GUIDE_SCREENSHOTS") == "1":
        from PIL import Image

        GUIDE_PICTURES.mkdir(parents=True, exist_ok=True)
        with Image.open(path) as shot:
            small = shot.convert("RGB").quantize(colors=64, dither=Image.Dither.NONE)
            small.save(GUIDE_PICTURES / f"im-browser-{name}.png", optimize=True)


def choose(page, label: str, option: str) -> None:
    """Pick ``option`` in a select widget (react-select): type it, press Enter."""
    field = page.get_by_label(label, exact=True)
    field.click()
    field.press_sequentially(option)
    field.press("Enter")


@pytest.fixture(scope="module")
def saved_profile(editable_site, tmp_path_factory):
    """Fill in the member form in Chromium, upload a photo, publish; returns what happened."""
    from PIL import Image

    root, content, url = editable_site
    photo = tmp_path_factory.mktemp("upload") / "Karla Portrait.JPG"
    Image.new("RGB", (640, 640), (200, 120, 80)).save(photo, "JPEG")
    foreign, errors = [], []
    with chromium(locale="de-DE", viewport={"width": 1100, "height": 760}) as context:
        page = context.new_page()
        page.set_default_timeout(15000)
        page.on("request", lambda r: r.url.startswith(LOOPBACK) or foreign.append(r.url))
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.goto(url + "/admin/")
        page.get_by_role("button", name="Login").click()
        page.get_by_text("Anna Beispiel").wait_for()  # the members, read through decap-server
        screenshot(page, "1-uebersicht")

        page.get_by_text("Neu: Mitgliederprofil").click()
        page.get_by_label("Name", exact=True).fill(NAME)
        choose(page, "Art des Mitglieds", "person")
        choose(page, "Kompetenzen", "Dyskalkulie")
        choose(page, "Kompetenzen", "Legasthenie")
        page.get_by_label("Region", exact=True).fill("Musterstadt-Süd")
        choose(page, "Arbeitsweise", "online")
        page.get_by_label("Kurzbeschreibung", exact=True).fill(
            "Lerntherapeutin für Rechnen und Lesen, online."
        )
        page.get_by_label("Name", exact=True).scroll_into_view_if_needed()
        screenshot(page, "2-formular")

        page.get_by_role("button", name="Wähle ein Bild").click()
        page.locator(".nc-fileUploadButton input[type=file]").set_input_files(str(photo))
        page.get_by_text("karla-portrait.jpg").wait_for()
        screenshot(page, "3-foto")
        page.get_by_role("button", name="Ausgewähltes Element verwenden").click()

        page.get_by_role("button", name="Veröffentlichen").click()
        page.get_by_text("Jetzt veröffentlichen").click()
        # after saving, Decap opens the entry under its new address
        page.wait_for_url(f"**/collections/members/entries/{SLUG}")
        page.get_by_label("Name", exact=True).scroll_into_view_if_needed()
        screenshot(page, "4-gespeichert")

        admin = page.evaluate(
            """([names, member]) => {
                const admin = window.knotenpunktAdmin;
                const spec = admin.formats()["knotenpunkt-members"];
                const parsed = admin.parseFile(member, spec);
                const edited = {...parsed, Roles: [], Contact: "", Legacy: "bleibt"};
                return {
                    slugs: names.map(admin.germanSlug),
                    parsed: parsed,
                    unchanged: admin.formatFile(parsed, spec),
                    edited: admin.formatFile(edited, spec),
                };
            }""",
            [SLUG_CASES, (content / "members" / "anna-beispiel.md").read_text(encoding="utf-8")],
        )
        episode = page.evaluate(
            """() => {
                const spec = window.knotenpunktAdmin.formats()["knotenpunkt-podcast"];
                const change = window.knotenpunktAdmin.changesBeforeSave;
                return {
                    fresh: change({Title: "Übergänge gut begleiten"}, spec, true),
                    kept: change({Title: "Alt", Slug: "alt", Guid: "g-1"}, spec, false),
                    typed: change({Title: "Neu", Guid: "schon-da"}, spec, true),
                    unspellable: change({Title: "Ηχώ"}, spec, true),
                };
            }"""
        )
    return {"foreign": foreign, "errors": errors, "admin": admin, "episode": episode}


SLUG_CASES = [
    "Karla Müller-Özdemir",
    "Übergänge gestalten",
    "Straße & Söhne – Fußball",
    "  Dr. Jörg Weiß  ",
    "Łukasz Øster, Crème brûlée",
    "ADHS/ADS: 10 Tipps",
]


def test_the_form_writes_a_member_file_that_passes_the_check(saved_profile, editable_site):
    from knotenpunkt.build import check

    _, content, _ = editable_site
    written = content / "members" / f"{SLUG}.md"
    assert written.exists(), sorted(p.name for p in (content / "members").iterdir())
    text = written.read_text(encoding="utf-8")
    header = dict(line.split(": ", 1) for line in text.strip().splitlines())
    assert header["Title"] == NAME
    assert header["Slug"] == SLUG
    assert header["Kind"] == "person"
    assert header["Competences"] == "dyskalkulie, legasthenie"
    assert header["Formats"] == "online"
    assert header["Region"] == "Musterstadt-Süd"
    assert header["Photo"] == "images/members/karla-portrait.jpg"
    assert (content / "images" / "members" / "karla-portrait.jpg").stat().st_size > 0
    outcome = check(PROJECT_ROOT / "pelicanconf.py", PATH=str(content))
    assert outcome.exit_code == 0
    assert outcome.errors == 0


def test_the_rebuilt_directory_shows_the_new_profile(saved_profile, editable_site):
    root, content, _ = editable_site
    rebuilt = build_site(content, root / "rebuilt")
    assert rebuilt.exit_code == 0, rebuilt.messages
    assert SLUG not in rebuilt.messages  # no warning about the new file either
    directory = rebuilt.page("mitglieder/index.html")
    assert NAME in directory and f"mitglieder/{SLUG}/" in directory
    profile = rebuilt.page(f"mitglieder/{SLUG}/index.html")
    assert "Lerntherapeutin für Rechnen und Lesen, online." in profile
    assert "karla-portrait" in profile  # the photo, as the images plugin publishes it


def test_the_admin_page_requests_nothing_from_another_host(saved_profile):
    assert saved_profile["foreign"] == []
    assert saved_profile["errors"] == []


def test_slugs_in_the_browser_follow_the_project_rules(saved_profile):
    from knotenpunkt.plugins.i18n.slugs import german_slug

    assert saved_profile["admin"]["slugs"] == [german_slug(name) for name in SLUG_CASES]


def test_existing_files_are_read_field_by_field(saved_profile):
    parsed = saved_profile["admin"]["parsed"]
    assert parsed["Title"] == "Anna Beispiel"
    assert parsed["Competences"] == ["legasthenie", "dyskalkulie"]
    assert parsed["Formats"] == ["praesenz", "online"]
    assert parsed["body"].strip()


def test_saving_an_unchanged_file_writes_the_same_bytes(saved_profile, editable_site):
    _, content, _ = editable_site
    original = (content / "members" / "anna-beispiel.md").read_text(encoding="utf-8")
    assert saved_profile["admin"]["unchanged"] == original


def test_empty_fields_are_left_out_and_unknown_keys_kept(saved_profile):
    edited = saved_profile["admin"]["edited"]
    header = edited.split("\n\n", 1)[0].splitlines()
    assert "Roles: moderation" not in edited and not any(h.startswith("Roles") for h in header)
    assert header[-1] == "Legacy: bleibt"  # after the known fields, in their order
    assert header[0] == "Title: Anna Beispiel" and "Competences: legasthenie, dyskalkulie" in header


def test_a_new_episode_gets_its_guid_once(saved_profile):
    episode = saved_profile["episode"]
    fresh = episode["fresh"]
    assert fresh["Slug"] == "uebergaenge-gut-begleiten"
    assert len(fresh["Guid"]) == 36 and fresh["Guid"].count("-") == 4
    assert episode["kept"] == {"Slug": "alt"}  # an existing Guid is never replaced
    assert "Guid" not in episode["typed"]
    assert re.fullmatch(r"eintrag-\d+", episode["unspellable"]["Slug"])
