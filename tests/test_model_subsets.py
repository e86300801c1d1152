"""Plugins work in any sensible subset, and the shared library needs no plugin entry.

Each build runs in a fresh process (``python -m knotenpunkt build``): Pelican
never disconnects a plugin's signals, so a plugin registered by an earlier
in-process build would still take part and hide a missing one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from knotenpunkt.plugins.content_errors.config import plugin_name
from knotenpunkt.plugins.search.settings import DEFAULTS as SEARCH_DEFAULTS

from knotenpunkt.conf import inherit
from members_fixture import members_content
from sitebuild import PROJECT_ROOT, build_site, copy_sample
from test_site_links import LinkCollector, local_target

PROJECT_SETTINGS = inherit(PROJECT_ROOT / "pelicanconf.py")
#: every plugin the project lists, by its short name
ALL = [plugin_name(p) for p in PROJECT_SETTINGS["PLUGINS"]]
PACKAGE = "knotenpunkt.plugins."
#: the theme's own needs (base.html: interface text, page addresses, asset URLs)
THEME_NEEDS = ["i18n", "seo", "assets"]


def menu_without(*addresses: str) -> list:
    """The project's menu without the entries of plugins left out."""
    return [item for item in PROJECT_SETTINGS["MENUITEMS"] if item[1] not in addresses]


SUBSETS = {
    "without-podcast": (
        [p for p in ALL if p != "podcast"],
        {
            "ARTICLE_PATHS": ["blog"],
            "MENUITEMS": menu_without("podcast/"),
            "SEARCH_BROWSE_LINKS": [
                link for link in SEARCH_DEFAULTS["SEARCH_BROWSE_LINKS"] if link[1] != "podcast/"
            ],
        },
    ),
    "without-images": ([p for p in ALL if p != "images"], {}),
    "members-alone": (
        [*THEME_NEEDS, "members"],
        {
            "ARTICLE_PATHS": ["blog"],
            "MENUITEMS": menu_without("podcast/", "suche/"),
            "FOOTER_LINKS": [
                item
                for item in PROJECT_SETTINGS["FOOTER_LINKS"]
                if item[1] not in ("termine/", "netzwerk/")
            ],
        },
    ),
}


def settings_file(folder: Path, plugins: list[str], **settings) -> Path:
    lines = [
        "from knotenpunkt.conf import inherit",
        f"globals().update(inherit({str(PROJECT_ROOT / 'pelicanconf.py')!r}))",
        f"THEME = {str(PROJECT_ROOT / 'themes' / 'knotenpunkt')!r}",
        f"PLUGINS = {[PACKAGE + name for name in plugins]!r}",
        *(f"{name} = {value!r}" for name, value in settings.items()),
    ]
    path = folder / "subset_conf.py"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def build_in_fresh_process(content: Path, output: Path, settings: Path):
    return subprocess.run(
        [sys.executable, "-m", "knotenpunkt", "build", "--content", str(content)]
        + ["--output", str(output), "--settings", str(settings)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
        timeout=300,
    )


def broken_links(output: Path) -> list[str]:
    broken = []
    for page in sorted(output.rglob("*.html")):
        collector = LinkCollector()
        collector.feed(page.read_text(encoding="utf-8"))
        for link in collector.links:
            target = local_target(page, link, output)
            if target is not None and not target.exists():
                broken.append(f"{page.relative_to(output)} → {link}")
    return broken


@pytest.fixture(scope="module", params=sorted(SUBSETS))
def subset_site(request, tmp_path_factory):
    plugins, settings = SUBSETS[request.param]
    root = tmp_path_factory.mktemp(request.param)
    content = copy_sample(root)
    if "podcast" not in plugins:
        # a network without a podcast has no episodes, and no post links one
        shutil.rmtree(content / "podcast")
        post = content / "blog" / "mehrsprachig-lesen-lernen.md"
        post.write_text(
            "\n".join(
                line
                for line in post.read_text(encoding="utf-8").splitlines()
                if "{filename}/podcast/" not in line
            )
            + "\n",
            encoding="utf-8",
        )
    # without their plugins, date and group files lie in no content folder
    for plugin, folder in (("dates", "termine"), ("groups", "groups")):
        if plugin not in plugins:
            shutil.rmtree(content / folder)
    completed = build_in_fresh_process(
        content, root / "output", settings_file(root, plugins, **settings)
    )
    return request.param, completed, root / "output"


def test_the_sample_builds_with_a_subset_of_plugins_and_has_no_dead_link(subset_site):
    name, completed, output = subset_site
    assert completed.returncode == 0, completed.stderr
    assert "Traceback" not in completed.stderr + completed.stdout
    assert (output / "mitglieder" / "anna-beispiel" / "index.html").exists()
    assert broken_links(output) == []
    profile = (output / "mitglieder" / "anna-beispiel" / "index.html").read_text(encoding="utf-8")
    if name == "without-images":
        # the original photo, copied as a static file, not a variant never written
        assert 'src="../../images/members/anna-beispiel.jpg"' in profile
        assert not (output / "bilder").exists()


def test_a_competence_typo_fails_the_build_without_content_errors_in_plugins(tmp_path):
    content = members_content(tmp_path)
    member = content / "members" / "zora-zander.md"
    member.write_text(
        member.read_text(encoding="utf-8").replace("legasthenie", "legasthenia"),
        encoding="utf-8",
    )
    plugins = [p for p in ALL if p not in ("content_errors", "podcast")]
    without_podcast = SUBSETS["without-podcast"][1]
    # without their plugins, date and group files lie in no content folder
    for plugin, folder in (("dates", "termine"), ("groups", "groups")):
        if plugin not in plugins:
            shutil.rmtree(content / folder)
    completed = build_in_fresh_process(
        content, tmp_path / "output", settings_file(tmp_path, plugins, **without_podcast)
    )
    assert completed.returncode == 1, completed.stderr
    assert "Die Kompetenz „legasthenia“ gibt es nicht." in completed.stderr
    assert "Meinten Sie „legasthenie“?" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_members_live_in_the_folder_members_paths_names(tmp_path):
    content = members_content(tmp_path)
    (content / "members").rename(content / "profile")
    result = build_site(content, tmp_path / "output", MEMBERS_PATHS=["profile"])
    assert result.exit_code == 0, result.messages
    assert "keinem der Inhaltsordner" not in result.messages
    assert result.exists("mitglieder/anna-beispiel/index.html")

    # the member fields are checked there, too: a misspelt key is found by the raw pass
    profile = content / "profile" / "oskar-oehler.md"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("Region:", "Regoin:"), encoding="utf-8"
    )
    result = build_site(content, tmp_path / "output2", MEMBERS_PATHS=["profile"])
    assert result.exit_code == 1, result.messages
    assert "„Regoin“" in result.messages
    assert "Meinten Sie „Region:“?" in result.messages
