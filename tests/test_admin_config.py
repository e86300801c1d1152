"""/admin/: the Decap CMS configuration is generated from the content types.

One small fixture site is built once for the written files; the widget and
backend rules are checked on the generator's functions directly.
"""

import json
import re
import shutil

import pytest
from knotenpunkt.plugins.admin.config import decap_config, widget
from knotenpunkt.plugins.admin.content_types import content_types
from knotenpunkt.plugins.admin.plugin import backend_problems
from knotenpunkt.plugins.content_errors.fields import Field
from pelican.settings import read_settings

from sitebuild import FIXTURES, PROJECT_ROOT, build_site

PELICANCONF = PROJECT_ROOT / "pelicanconf.py"


def settings_for(content, **overrides):
    return read_settings(str(PELICANCONF), override={"PATH": str(content), **overrides})


def read_config(path):
    """config.yml is JSON after its comment lines (JSON is YAML)."""
    text = path.read_text(encoding="utf-8")
    return json.loads("\n".join(line for line in text.splitlines() if not line.startswith("#")))


def fixture_site(root):
    """The members fixture, complete enough to build (photo, legal pages)."""
    from PIL import Image

    content = root / "content"
    shutil.copytree(FIXTURES / "members", content)
    shutil.copytree(FIXTURES / "legal-pages", content, dirs_exist_ok=True)
    (content / "images" / "members").mkdir(parents=True)
    Image.new("RGB", (400, 400), (90, 140, 120)).save(content / "images/members/anna.jpg")
    return content


@pytest.fixture(scope="module")
def members_content(tmp_path_factory):
    return fixture_site(tmp_path_factory.mktemp("admin"))


@pytest.fixture(scope="module")
def built(members_content):
    result = build_site(members_content, members_content.parent / "output")
    assert result.exit_code == 0, result.messages
    return result


@pytest.fixture(scope="module")
def collections(built):
    config = read_config(built.output / "admin" / "config.yml")
    return {c["name"]: c for c in config["collections"]}


def field(collection, name):
    return next(f for f in collection["fields"] if f["name"] == name)


# --- the written page -----------------------------------------------------------


def test_admin_page_is_noindex_and_loads_decap_from_this_site(built):
    page = built.page("admin/index.html")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert '<script src="decap/decap-cms.js"></script>' in page
    assert re.findall(r'(?:src|href)="(https?:)?//', page) == []
    assert (built.output / "admin" / "decap" / "decap-cms.js").read_bytes() == (
        PROJECT_ROOT / "plugins" / "admin" / "vendor" / "decap-cms" / "dist" / "decap-cms.js"
    ).read_bytes()
    assert (built.output / "admin" / "decap" / "LICENSE.txt").exists()


def test_admin_page_is_not_in_the_sitemap(built):
    sitemap = built.page("sitemap.xml")
    assert "/mitglieder/" in sitemap
    assert "admin" not in sitemap


def test_interface_is_german_with_a_collection_per_content_type(built, collections):
    config = read_config(built.output / "admin" / "config.yml")
    assert config["locale"] == "de"
    assert {"members", "competences", "blog", "podcast", "pages"} <= set(collections)
    members = collections["members"]
    assert members["label"] == "Mitglieder" and members["folder"] == "content/members"
    assert members["format"] == "knotenpunkt-members" and members["extension"] == "md"
    assert members["slug"] == "{{fields.Slug}}"
    assert members["fields"][-1]["widget"] == "markdown"


def test_member_form_widgets_follow_the_field_kinds(collections):
    members = collections["members"]
    kind = field(members, "Kind")
    assert kind["widget"] == "select" and kind["options"] == ["person", "organisation"]
    assert kind["required"] is True and kind["label"] == "Art des Mitglieds"
    assert "Person oder eine Organisation" in kind["hint"]
    competences = field(members, "Competences")
    assert competences["widget"] == "select" and competences["multiple"] is True
    assert competences["min"] == 1
    assert {"label": "Dyskalkulie", "value": "dyskalkulie"} in competences["options"]
    assert [o["value"] for o in competences["options"]] == sorted(
        p.stem for p in (FIXTURES / "members" / "competences").glob("*.md")
    )
    formats = field(members, "Formats")
    assert formats["widget"] == "select" and formats["multiple"] is True
    photo = field(members, "Photo")
    assert photo["widget"] == "image" and photo["required"] is False
    assert photo["media_folder"] == "/content/images/members"
    assert photo["public_folder"] == "images/members"
    assert field(members, "Slug")["pattern"][0] == "^[a-z0-9]+(-[a-z0-9]+)*$"


def test_episode_form_has_audio_date_and_a_hidden_guid(collections):
    podcast = collections["podcast"]
    audio = field(podcast, "Audio")
    assert audio["widget"] == "file" and audio["media_folder"] == "/content/audio"
    assert audio["public_folder"] == "audio" and audio["required"] is True
    date = field(podcast, "Date")
    assert date["widget"] == "datetime" and date["format"] == "YYYY-MM-DD HH:mm"
    assert date["default"] == "{{now}}"
    assert field(podcast, "Guid") == {
        "name": "Guid",
        "label": "Kennung (Guid)",
        "widget": "hidden",
        "required": False,
    }
    assert field(podcast, "Image")["media_folder"] == "/content/images/podcast"


def test_blog_authors_are_chosen_from_the_members(collections):
    authors = field(collections["blog"], "Authors")
    assert authors["widget"] == "select" and authors["multiple"] is True
    assert {"label": "Oskar Öhler", "value": "oskar-oehler"} in authors["options"]
    assert {"Template", "Save_as", "Url"}.isdisjoint(
        f["name"] for f in collections["blog"]["fields"]
    )


def test_every_registered_content_type_becomes_a_collection(members_content, collections):
    types = content_types(settings_for(members_content))
    assert {t.folder for t in types} == set(collections)
    members = next(t for t in types if t.folder == "members")
    assert next(f for f in members.fields if f.name == "Competences").kind == "competence"


def test_collections_follow_plugins_not_the_order_modules_were_imported(
    members_content, monkeypatch
):
    """A test suite imports the ``fields`` modules in any order (dates before
    groups, say): the build's PLUGINS decide the collections, as in a fresh
    process (this made the in-process and the subprocess config.yml differ)."""
    from knotenpunkt.plugins.content_errors import fields

    settings = settings_for(members_content)
    expected = [t.folder for t in content_types(settings)]
    dates_first = sorted(fields._content_types.items(), key=lambda item: item[0] != "DATES_PATHS")
    monkeypatch.setattr(fields, "_content_types", dict(dates_first))
    assert [t.folder for t in content_types(settings)] == expected
    assert expected.index("groups") < expected.index("termine")  # PLUGINS: groups, dates

    without_dates = [p for p in settings["PLUGINS"] if not p.endswith(".dates")]
    folders = {t.folder for t in content_types({**settings, "PLUGINS": without_dates})}
    assert "termine" not in folders
    assert {"members", "groups", "blog"} <= folders


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        (Field("Website", kind="url"), {"widget": "string"}),
        (Field("Tags", multiple=True), {"widget": "list"}),
        (Field("Status", kind="choice", choices=("published", "draft")), {"widget": "select"}),
        (Field("Transcript", kind="file", example="audio/x.vtt"), {"widget": "file"}),
        (Field("Title", required=True, help="Die Überschrift."), {"required": True}),
    ],
)
def test_widget_by_kind(spec, expected):
    result = widget("blog", spec, {"competence": [], "member": []}, "content")
    assert expected.items() <= result.items()
    if spec.help:
        assert result["hint"] == spec.help


# --- backends: only what the network configured ---------------------------------


def test_development_without_a_git_host_talks_only_to_decap_server(members_content):
    config = decap_config(settings_for(members_content), [])
    assert config["backend"] == {
        "name": "proxy",
        "proxy_url": "http://127.0.0.1:8081/api/v1",
        "branch": "main",
    }
    assert config["publish_mode"] == "simple"
    assert "local_backend" not in config and "media_library" not in config


def test_configured_gitlab_with_editorial_workflow_and_local_backend_in_development(
    members_content,
):
    gitlab = {"name": "gitlab", "repo": "netzwerk/website", "auth_type": "pkce", "app_id": "x"}
    development = decap_config(settings_for(members_content, ADMIN_BACKEND=gitlab), [])
    assert development["backend"] == gitlab
    assert development["publish_mode"] == "editorial_workflow"
    assert development["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1"}
    production = decap_config(
        settings_for(members_content, ADMIN_BACKEND=gitlab, CONTENT_PRODUCTION=True), []
    )
    assert production["backend"] == gitlab and "local_backend" not in production
    assert "127.0.0.1" not in json.dumps(production)


def test_production_without_a_git_host_explains_instead_of_loading_decap(tmp_path):
    content = fixture_site(tmp_path)
    result = build_site(
        content,
        tmp_path / "output",
        CONTENT_PRODUCTION=True,
        SITEURL="https://n.example.org",
        PUBLISH_ALLOW_EXAMPLE_ADDRESS=True,
        LEGAL_REQUIRE_COMPLETE=False,
    )
    assert result.exit_code == 0, result.messages
    page = result.page("admin/index.html")
    assert "noch nicht eingerichtet" in page and "decap-cms.js" not in page
    assert not result.exists("admin/config.yml") and not result.exists("admin/decap")


@pytest.mark.parametrize(
    ("backend", "wrong"),
    [
        ({"name": "netlify-cms", "repo": "a/b"}, "kein Git-Dienst"),
        ({"name": "github"}, "Repository"),
        ({"name": "gitlab", "repo": "a/b", "token": "geheim"}, "token"),
    ],
)
def test_a_wrong_backend_setting_is_reported_for_pelicanconf(backend, wrong):
    problems = backend_problems({"ADMIN_BACKEND": backend})
    assert problems and all(p.source_path == "pelicanconf.py" for p in problems)
    assert any(wrong in p.message for p in problems)
