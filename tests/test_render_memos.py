"""The cold build's shortcuts give the answers of the long way (unit tests, issue 13)."""

import jinja2
import pytest
from babel.support import NullTranslations
from knotenpunkt.plugins.content_errors.executable import executable_parts
from knotenpunkt.plugins.content_errors.values import character_problem
from knotenpunkt.plugins.i18n.plugin import install_escaping_gettext
from markupsafe import escape

TEMPLATE = (
    "{{ _('Zum Inhalt') }}|{{ _('100%% sicher') }}|{{ _('Hallo %(name)s', name=who) }}|"
    "{% trans %}Text{% endtrans %}|{% trans count=n %}ein Ding{% pluralize %}"
    "{{ count }} Dinge{% endtrans %}|{{ _(who) }}"
)


def render(memo: bool, autoescape: bool, **values) -> tuple[str, str]:
    env = jinja2.Environment(extensions=["jinja2.ext.i18n"], autoescape=autoescape)
    if memo:
        install_escaping_gettext(env, NullTranslations())
    else:  # what install_escaping_gettext did before the memo
        env.install_gettext_callables(
            lambda m: escape(NullTranslations().gettext(m)),
            lambda s, p, n: escape(NullTranslations().ngettext(s, p, n)),
            newstyle=True,
        )
    template = env.from_string(TEMPLATE)
    return template.render(**values), template.render(**values)  # second call: from the memo


@pytest.mark.parametrize("autoescape", [True, False])
def test_memoised_gettext_renders_like_jinjas_own(autoescape):
    values = {"who": "<b>Anna</b>", "n": 2}
    first, second = render(True, autoescape, **values)
    expected, _ = render(False, autoescape, **values)
    assert first == second == expected
    if autoescape:  # a member's text passed to _() is still escaped
        assert "&lt;b&gt;Anna&lt;/b&gt;" in first


def test_a_variable_message_is_not_served_from_another_messages_memo():
    env = jinja2.Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    install_escaping_gettext(env, NullTranslations())
    template = env.from_string("{{ _(who) }}|{{ _('Hallo %(name)s', name=who) }}")
    assert template.render(who="Anna") == "Anna|Hallo Anna"
    assert (
        template.render(who="<i>Ben</i>") == "&lt;i&gt;Ben&lt;/i&gt;|Hallo &lt;i&gt;Ben&lt;/i&gt;"
    )


@pytest.mark.parametrize(
    "attribute",
    [
        'href="java\tscript:alert(1)"',
        'href="javascript&#58;alert(1)"',  # the parser decodes the colon
        'href=" JAVASCRIPT:alert(1)"',
        'src="data:text/html,x"',
        'formaction="vbscript:x"',
    ],
)
def test_script_addresses_are_found_without_a_colon_in_the_source_too(attribute):
    assert executable_parts(f"<p><a {attribute}>x</a></p>") != []


def test_comments_and_plain_links_are_no_finding():
    html = '<p><!-- <script>x</script> --><a href="/blog/" title="a:b">x</a></p>'
    assert executable_parts(html) == []


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ("Anna Beispiel", False),
        ("Zeile\tmit Tab", False),
        ("Straße, Köln", False),
        ("👩\u200d💻 Entwicklerin", False),  # a joiner inside an emoji
        ("Anna\u200bBeispiel", True),
        ("Anna\u202eBeispiel", True),
        ("Anna\x85Beispiel", True),  # a C1 control character
        ("Anna\u200eBeispiel", True),
    ],
)
def test_character_problems_with_and_without_the_quick_test(value, found):
    assert (character_problem(value) is not None) is found


def test_noindex_is_read_from_the_head_however_long_it_is(tmp_path):
    from knotenpunkt.plugins.seo.sitemap import HEAD_CHARACTERS, declares_noindex

    robots = '<meta name="robots" content="noindex">'
    long_head = "<html><head>" + "<!-- x -->" * (HEAD_CHARACTERS // 5) + robots + "</head>"
    pages = {
        "short.html": f"<html><head>{robots}</head><body></body></html>",
        "long.html": long_head + "<body>" + "x" * HEAD_CHARACTERS + "</body></html>",
        "body.html": f"<html><head></head><body>{robots}</body></html>",
        "plain.html": "<html><head><title>t</title></head><body></body></html>",
    }
    for name, html in pages.items():
        (tmp_path / name).write_text(html, encoding="utf-8")
    found = {name: declares_noindex(str(tmp_path / name)) for name in pages}
    assert found == {"short.html": True, "long.html": True, "body.html": False, "plain.html": False}
