"""The process-wide store of compiled templates (plugins/caches/templates.py)."""

from __future__ import annotations

import os
import uuid
from types import SimpleNamespace

from jinja2 import DictLoader, Environment
from knotenpunkt.plugins.caches import templates


def environment(sources: dict[str, str], **options) -> Environment:
    env = Environment(loader=DictLoader(sources), **options)
    templates.install(SimpleNamespace(env=env))
    return env


def count_compilations(env: Environment) -> list[str]:
    compiled: list[str] = []
    original = env.compile

    def counting(source, name=None, filename=None, raw=False, defer_init=False):
        if not raw:
            compiled.append(name)
        return original(source, name, filename, raw, defer_init)

    env.compile = counting
    return compiled


def test_a_second_environment_reuses_the_compiled_template():
    # a name of its own: the store is process-wide and other tests' builds fill it
    name = f"shared-reuse-{uuid.uuid4().hex}.html"
    sources = {name: "<p>{{ name }}</p>"}
    first, second = environment(sources, autoescape=True), environment(sources, autoescape=True)
    first_compiled, second_compiled = count_compilations(first), count_compilations(second)
    assert first.get_template(name).render(name="<b>") == "<p>&lt;b&gt;</p>"
    assert second.get_template(name).render(name="<b>") == "<p>&lt;b&gt;</p>"
    assert first_compiled == [name]
    assert second_compiled == []
    # not even unmarshalled again: both run the very same code object
    assert first.get_template(name).root_render_func.__code__ is (
        second.get_template(name).root_render_func.__code__
    )


def test_environments_with_other_options_never_share_code():
    sources = {"shared-options.html": "<p>{{ name }}</p>"}
    escaping = environment(sources, autoescape=True)
    assert escaping.get_template("shared-options.html").render(name="<b>") == "<p>&lt;b&gt;</p>"
    plain = environment(sources, autoescape=False)
    assert plain.get_template("shared-options.html").render(name="<b>") == "<p><b></p>"


def test_an_edited_template_is_compiled_again():
    name = f"shared-edit-{uuid.uuid4().hex}.html"
    first = environment({name: "old {{ x }}"})
    assert first.get_template(name).render(x=1) == "old 1"
    second = environment({name: "new {{ x }}"})
    compiled = count_compilations(second)
    assert second.get_template(name).render(x=1) == "new 1"
    assert compiled == [name]


def test_an_environment_whose_options_cannot_be_told_apart_is_left_alone():
    env = environment({"a.html": "x"}, autoescape=lambda name: True)
    assert env.bytecode_cache is None


def test_a_development_build_keeps_the_compiled_templates_on_disk(tmp_path, monkeypatch):
    settings = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(tmp_path)}
    sources = {"shared-disk.html": "<p>{{ name }} on disk</p>"}
    env = Environment(loader=DictLoader(sources), autoescape=True)
    templates.install(SimpleNamespace(env=env, settings=settings))
    assert env.get_template("shared-disk.html").render(name="a") == "<p>a on disk</p>"
    templates.save()
    assert (tmp_path / templates.FILE_NAME).is_file()
    # a new process: nothing in memory, the store is read from the cache folder
    monkeypatch.setattr(templates, "_compiled", {})
    monkeypatch.setattr(templates, "_code", {})
    monkeypatch.setitem(templates._disk, "loaded", set())
    again = Environment(loader=DictLoader(sources), autoescape=True)
    templates.install(SimpleNamespace(env=again, settings=settings))
    compiled = count_compilations(again)
    assert again.get_template("shared-disk.html").render(name="b") == "<p>b on disk</p>"
    assert compiled == []
    edited = Environment(
        loader=DictLoader({"shared-disk.html": "{{ name }} edited"}), autoescape=True
    )
    templates.install(SimpleNamespace(env=edited, settings=settings))
    compiled = count_compilations(edited)
    assert edited.get_template("shared-disk.html").render(name="c") == "c edited"
    assert compiled == ["shared-disk.html"]


def test_a_template_is_not_checked_on_disk_again_within_a_build(tmp_path):
    """An environment lives for one build: a loaded template is reused as it is,
    without asking the file system whether it changed."""
    from jinja2 import FileSystemLoader

    (tmp_path / "page.html").write_text("eins", encoding="utf-8")
    env = Environment(loader=FileSystemLoader(str(tmp_path)))
    templates.install(SimpleNamespace(env=env))
    assert env.get_template("page.html").render() == "eins"
    (tmp_path / "page.html").write_text("zwei, länger", encoding="utf-8")
    later = (tmp_path / "page.html").stat().st_mtime + 10
    os.utime(tmp_path / "page.html", (later, later))  # surely newer than when it was loaded
    assert env.get_template("page.html").render() == "eins"
