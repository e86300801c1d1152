"""Site search: the Pagefind index is part of every build, deterministic, built
from the main content only, with filters; the search page works without
JavaScript by offering links instead of a form."""

import filecmp
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from knotenpunkt.plugins.search.index import SearchIndexError, build_index
from knotenpunkt.plugins.search.plugin import base_path

from sitebuild import FIXTURES, build_site, write_files

PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{title}</title></head>
<body><nav>Hauptnavigation Impressum</nav>
<main><article data-pagefind-body><h1>{title}</h1>
<span hidden data-pagefind-filter="Inhalt:{kind}"></span>
<p>{text}</p></article></main>
<footer>Fußzeile</footer></body></html>
"""


def tiny_site(root: Path) -> Path:
    site = root / "site"
    write_files(
        site,
        {
            "mitglieder/anna/index.html": PAGE.format(
                title="Anna Beispiel", kind="Mitglied", text="Lerntherapie bei Dyskalkulie."
            ),
            "blog/tipps/index.html": PAGE.format(
                title="Sieben Tipps", kind="Blogbeitrag", text="Rechenschwäche erkennen."
            ),
            "mitglieder/index.html": "<!DOCTYPE html><html lang='de'><body><p>Liste</p></body></html>",
        },
    )
    return site


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_the_index_is_the_same_bytes_every_time(tmp_path):
    first = tiny_site(tmp_path / "a")
    second = tiny_site(tmp_path / "b")
    bundle_a = build_index(first)
    bundle_b = build_index(second)
    assert files_of(bundle_a) == files_of(bundle_b)
    assert (bundle_a / "pagefind-ui.js").is_file()  # the UI comes from our own host


def test_filter_order_is_canonical_whatever_order_pagefind_chose(tmp_path):
    """Pagefind writes filter values in hash-map order; ours never varies."""
    import subprocess

    from knotenpunkt.plugins.search.canonical import canonicalise
    from knotenpunkt.plugins.search.index import pagefind_command

    site = tiny_site(tmp_path)
    write_files(
        site,
        {
            f"seite-{n}/index.html": PAGE.format(title=f"Seite {n}", kind=f"Art {n}", text="Text")
            for n in range(8)
        },
    )
    results = set()
    for _run in range(6):
        shutil.rmtree(site / "pagefind", ignore_errors=True)
        subprocess.run(pagefind_command(site, site / "pagefind", "de"), check=True)
        canonicalise(site / "pagefind")
        results.add(tuple(sorted(files_of(site / "pagefind").items())))
    assert len(results) == 1


def test_canonical_filters_are_sorted():
    from knotenpunkt.plugins.search.canonical import canonical_filter

    shuffled = ["Inhalt", [["Seite", [3, 0]], ["Mitglied", [2]], ["Blogbeitrag", [1]]]]
    assert canonical_filter(shuffled) == [
        "Inhalt",
        [["Blogbeitrag", [1]], ["Mitglied", [2]], ["Seite", [0, 3]]],
    ]


def test_only_marked_content_is_indexed_with_its_filters(tmp_path):
    bundle = build_index(tiny_site(tmp_path))
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["de"]
    assert entry["languages"]["de"]["page_count"] == 2  # not the unmarked list page
    assert len(list((bundle / "filter").iterdir())) == 1


def test_the_bundle_does_not_depend_on_the_order_pages_were_written(tmp_path):
    """Pagefind reads a site in the order the file system lists it, which on
    tmpfs is the order the folders were created in; the devserver writes a
    saved file's pages first. The same pages must give the same bundle."""
    names = ["anna", "bert", "carla", "dora", "emil"]
    sites = []
    for order, folder in ((names, "forward"), (names[::-1], "backward")):
        site = tmp_path / folder
        for name in order:
            write_files(
                site,
                {
                    f"mitglieder/{name}/index.html": PAGE.format(
                        title=name.title(), kind="Mitglied", text=f"Lerntherapie bei {name}."
                    )
                },
            )
        sites.append(site)
    listed = [os.listdir(site / "mitglieder") for site in sites]
    if listed[0] == listed[1]:
        message = f"{tmp_path} lists folders by name, not by creation: nothing to compare"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (CI runs the tests in RAM, tests/conftest.py)")
        pytest.skip(message)
    assert files_of(build_index(sites[0])) == files_of(build_index(sites[1]))


def test_the_bundle_is_the_same_from_ram_from_another_disk_and_in_place(tmp_path, monkeypatch):
    """Pagefind writes into a RAM folder where there is one; the bundle that
    reaches the site is the same whether it is moved there (one file system),
    copied (another) or written in place (no RAM folder)."""
    from knotenpunkt.plugins.search import index

    moved = files_of(build_index(tiny_site(tmp_path / "moved")))
    monkeypatch.setattr(index, "same_filesystem", lambda *folders: False)
    copied = files_of(build_index(tiny_site(tmp_path / "copied")))
    monkeypatch.setattr(index, "ram_folder", lambda *args: None)
    in_place = files_of(build_index(tiny_site(tmp_path / "in-place")))
    assert moved == copied == in_place
    assert "pagefind-entry.json" in moved


def test_a_failure_in_the_ram_folder_falls_back_to_the_disk(tmp_path, monkeypatch):
    """A RAM folder that fills up while Pagefind writes costs time, not the index."""
    from knotenpunkt.plugins.search import index

    site = tiny_site(tmp_path)
    outputs = []
    original = index._run_pagefind

    def full_ram(site_, output, language, *rest):
        outputs.append(output)
        if not output.is_relative_to(site_):
            raise OSError(28, "No space left on device")
        original(site_, output, language, *rest)

    monkeypatch.setattr(index, "_run_pagefind", full_ram)
    monkeypatch.setattr(index, "ram_folder", lambda *args: tmp_path / "ram")
    (tmp_path / "ram").mkdir()
    bundle = build_index(site)
    assert (bundle / "pagefind-entry.json").is_file()
    assert [output.is_relative_to(site) for output in outputs] == [False, True]
    assert not list((tmp_path / "ram").iterdir())  # the scratch folder is gone


def test_scratch_folders_of_killed_builds_are_removed(tmp_path, monkeypatch):
    """A build killed while Pagefind wrote into RAM leaves its scratch folder;
    the next index removes it, not the folder of a build still running."""
    import subprocess
    import sys

    from knotenpunkt.plugins.search import index

    ram = tmp_path / "ram"
    ram.mkdir()
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    orphan = ram / f"knotenpunkt-search-{ended.stdout.strip()}-abc" / "bundle"
    orphan.mkdir(parents=True)
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        alive = ram / f"knotenpunkt-search-{running.pid}-def"
        alive.mkdir()
        monkeypatch.setattr(index, "ram_folder", lambda *args: ram)
        build_index(tiny_site(tmp_path))
        assert not orphan.parent.exists()
        assert alive.exists()
        assert sorted(path.name for path in ram.iterdir()) == [alive.name]  # its own is gone
    finally:
        running.kill()
        running.wait()


def test_a_copied_bundle_links_the_last_builds_unchanged_files(tmp_path, monkeypatch):
    """After one page changed, the files of the last bundle with the same name
    and bytes are hard-linked, the others are new files; the result is the
    bundle a fresh index of the changed site gives."""
    from knotenpunkt.plugins.search import index

    monkeypatch.setattr(index, "same_filesystem", lambda *folders: False)
    site = tiny_site(tmp_path)
    old = build_index(site, "alt")
    (site / "blog" / "tipps" / "index.html").write_text(
        PAGE.format(title="Acht Tipps", kind="Blogbeitrag", text="Rechenschwäche erkennen."),
        encoding="utf-8",
    )
    new = build_index(site, "neu", reuse_from=old)
    fresh = build_index(site)
    assert files_of(new) == files_of(fresh)
    linked = {
        p.relative_to(new).as_posix()
        for p in new.rglob("*")
        if p.is_file()
        and (old / p.relative_to(new)).exists()
        and p.stat().st_ino == (old / p.relative_to(new)).stat().st_ino
    }
    unchanged = {
        name
        for name, data in files_of(new).items()
        if (old / name).is_file() and (old / name).read_bytes() == data
    }
    assert linked == unchanged
    assert "pagefind-ui.js" in linked  # the UI never changes
    assert any(name.startswith("fragment/") for name in linked)  # Anna's page did not change
    assert set(files_of(new)) - unchanged  # the changed post's fragment and the index are new


def test_a_rebuild_leaves_no_stale_index_files(tmp_path):
    site = tiny_site(tmp_path)
    stale = site / "pagefind" / "fragment" / "de_stale.pf_fragment"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")
    build_index(site)
    assert not stale.exists()


def test_a_failing_indexer_stops_the_build_with_a_message(tmp_path, monkeypatch):
    from knotenpunkt.plugins.search import index

    monkeypatch.setattr(index, "pagefind_command", lambda *args: ["false"])
    with pytest.raises(SearchIndexError) as failed:
        build_index(tiny_site(tmp_path))
    assert "Suchindex konnte nicht gebaut werden" in str(failed.value)


@pytest.mark.parametrize(
    ("siteurl", "expected"),
    [
        ("", "/"),
        ("..", "/"),
        ("https://netzwerk.example.org", "/"),
        ("https://netzwerk.example.org/", "/"),
        ("https://verein.example.org/netzwerk", "/netzwerk/"),
    ],
)
def test_result_links_follow_the_sites_path(siteurl, expected):
    assert base_path({"SITEURL": siteurl}) == expected


def test_two_builds_of_a_site_are_byte_identical_with_the_index(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    first = build_site(content, tmp_path / "one")
    second = build_site(content, tmp_path / "two")
    assert first.exit_code == 0 == second.exit_code, first.messages
    assert (first.output / "pagefind" / "pagefind.js").is_file()
    comparison = filecmp.dircmp(first.output, second.output)
    differing = []

    def collect(node, prefix=""):
        differing.extend(prefix + name for name in node.diff_files + node.left_only)
        for name, child in node.subdirs.items():
            collect(child, f"{prefix}{name}/")

    collect(comparison)
    assert files_of(first.output / "pagefind") == files_of(second.output / "pagefind")
    assert differing == []


# --- The sample network, built once per session ---------------------------------


def test_the_sample_has_a_search_page_and_an_index(sample_site):
    assert sample_site.exists("suche/index.html")
    entry = json.loads(sample_site.page("pagefind/pagefind-entry.json"))
    pages = entry["languages"]["de"]["page_count"]
    profiles = len(list((sample_site.output / "mitglieder").glob("*/index.html")))
    assert pages >= profiles > 5


def test_the_search_page_loads_the_ui_from_our_own_folder(sample_site):
    html = sample_site.page("suche/index.html")
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert "../pagefind/pagefind-ui.js" in scripts
    assert all(not src.startswith(("http:", "https:", "//")) for src in scripts)
    assert 'href="../pagefind/pagefind-ui.css"' in html


def test_without_javascript_the_search_page_offers_links_not_a_form(sample_site):
    html = sample_site.page("suche/index.html")
    assert "<form" not in html and "<input" not in html
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    for link in ["../mitglieder/", "../archiv/", "../kompetenzen/", "../podcast/"]:
        assert f'href="{link}"' in main
        assert sample_site.exists(link.removeprefix("../") + "index.html") or sample_site.exists(
            link.removeprefix("../").rstrip("/") + "/index.html"
        )
    assert "Die Suche braucht JavaScript" in html.split("<noscript>", 1)[1]


def test_profiles_mark_their_content_and_competence_filters(sample_site):
    html = sample_site.page("mitglieder/jonas-aehrenfeld/index.html")
    body = html.split("data-pagefind-body", 1)
    assert len(body) == 2, "the profile's article must be the indexed part"
    assert "site-nav" not in body[1].split("</article>", 1)[0]
    filters = re.findall(r'data-pagefind-filter="([^"]+)"', html)
    assert "Inhalt:Mitglied" in filters
    assert "Kompetenz:Dyskalkulie" in filters


def test_posts_and_pages_carry_their_content_type(sample_site):
    posts = [
        p
        for p in sorted((sample_site.output / "blog").glob("*/index.html"))
        if '<article class="post"' in p.read_text()
    ]
    assert posts
    for post in posts:
        assert 'data-pagefind-filter="Inhalt:Blogbeitrag"' in post.read_text()
    about = sample_site.page("ueber-uns/index.html")
    assert "data-pagefind-body" in about
    assert 'data-pagefind-filter="Inhalt:Seite"' in about


def test_episodes_carry_their_content_type(sample_site):
    episodes = sorted((sample_site.output / "podcast").glob("*/index.html"))
    episode_pages = [p for p in episodes if 'class="episode"' in p.read_text()]
    assert episode_pages
    for page in episode_pages:
        assert 'data-pagefind-filter="Inhalt:Podcast-Folge"' in page.read_text()


def test_list_pages_are_not_indexed(sample_site):
    for page in ["mitglieder/index.html", "index.html", "blog/index.html", "suche/index.html"]:
        assert "data-pagefind-body" not in sample_site.page(page), page
