"""Install translations and locale-aware filters into every generator's Jinja env."""

from __future__ import annotations

import functools
import io
from pathlib import Path

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.messages.mofile import write_mo
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations
from jinja2 import pass_context
from knotenpunkt.plugins import content_errors
from knotenpunkt.plugins.content_errors.i18n import read_catalog, translations_dir
from markupsafe import escape
from pelican import signals

from .durations import format_duration
from .slugs import apply_german_slug
from .tags import german_tag_slugs, unify_tag_names

DEFAULTS = {
    # folder holding <lang>/LC_MESSAGES/messages.po; None: "translations" in the theme
    "I18N_TRANSLATIONS_DIR": None,
    # posts and pages without Slug: get umlauts spelled out (ä → ae); None: on for German sites
    "I18N_GERMAN_SLUGS": None,
}


def site_locale(settings) -> str:
    """The Babel locale of the site, e.g. ``de`` or ``en``."""
    return str(Locale.parse(settings.get("DEFAULT_LANG", "de").replace("-", "_")))


@functools.cache
def load_translations(po_path: str | None) -> NullTranslations:
    catalog = read_catalog(po_path) if po_path else None
    if catalog is None:
        return NullTranslations()
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled)


def catalogue_path(settings) -> str:
    """The one catalogue of the project (shared with plugin messages, see content_errors.i18n)."""
    folder = translations_dir(settings)
    language = site_locale(settings).split("_")[0]
    return str(Path(folder) / language / "LC_MESSAGES" / "messages.po")


def install(generator) -> None:
    env = getattr(generator, "env", None)
    if env is None:
        return
    settings = generator.settings
    locale = site_locale(settings)
    translations = load_translations(catalogue_path(settings))
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    install_escaping_gettext(env, translations)
    env.filters["format_date"] = functools.partial(_format_date, locale=locale)
    env.filters["format_number"] = functools.partial(format_decimal, locale=locale)
    env.filters["duration_words"] = functools.partial(format_duration, gettext=translations.gettext)
    env.globals["SITE_LOCALE"] = locale


def install_escaping_gettext(env, translations: NullTranslations) -> None:
    """Jinja's ``_()`` with the translated text treated as text, not as HTML.

    Jinja marks what ``_()`` returns as safe markup: right for a literal
    message id, but ``_(variable)`` (a role, a facet name) would then pass a
    member's text into the page unescaped. Escaping the translation before the
    ``%(name)s`` values are filled in (those Jinja escapes anyway) makes every
    ``_()`` safe; interface texts contain no markup.
    """

    translated: dict[str, str] = {}  # one lookup and one escape per message id

    def gettext(message: str) -> str:
        try:
            return translated[message]
        except KeyError:
            text = translated[message] = escape(translations.gettext(message))
            return text

    def ngettext(singular: str, plural: str, number: int) -> str:
        return escape(translations.ngettext(singular, plural, number))

    def pgettext(context: str, message: str) -> str:
        return escape(translations.pgettext(context, message))

    def npgettext(context: str, singular: str, plural: str, number: int) -> str:
        return escape(translations.npgettext(context, singular, plural, number))

    env.install_gettext_callables(
        gettext, ngettext, newstyle=True, pgettext=pgettext, npgettext=npgettext
    )
    install_message_memo(env)


def install_message_memo(env) -> None:
    """``_("…")`` and ``{% trans %}`` without variables: one result per message id.

    Jinja's newstyle ``gettext`` goes through ``_`` → ``context.call`` →
    ``gettext`` → ``context.call`` → ``Markup(…) % {}`` on every use (tens of
    thousands per build). Without variables the result only depends on the
    message and on autoescaping, so it is computed once by Jinja's own
    function and reused; calls with variables or a non-text argument take
    Jinja's path unchanged.
    """
    jinja_gettext = env.globals["gettext"]
    results: dict[tuple[str, bool], str] = {}

    @pass_context
    def gettext(context, *args, **variables):
        if variables or len(args) != 1 or type(args[0]) is not str:
            return jinja_gettext(context, *args, **variables)
        key = (args[0], context.eval_ctx.autoescape)
        try:
            return results[key]
        except KeyError:
            result = results[key] = jinja_gettext(context, args[0])
            return result

    env.globals["gettext"] = gettext
    env.globals["_"] = gettext


def _format_date(value, format: str = "long", locale: str = "de") -> str:  # noqa: A002
    """Babel's date, memoised: a site shows few distinct dates, each many times.

    The key is the value's local ISO form (its offset included), never the
    datetime itself: two equal instants in different zones are different days.
    """
    isoformat = getattr(value, "isoformat", None)
    if isoformat is None:
        return babel_format_date(value, format=format, locale=locale)
    return _format_date_memo(isoformat(), type(value), value, format, locale)


_date_memo: dict[tuple, str] = {}


def _format_date_memo(iso: str, kind: type, value, format: str, locale: str) -> str:  # noqa: A002
    key = (iso, kind, format, locale)
    try:
        return _date_memo[key]
    except KeyError:
        text = _date_memo[key] = babel_format_date(value, format=format, locale=locale)
        return text


def register() -> None:
    content_errors.register()  # the shared library hooks itself in, listed or not
    signals.generator_init.connect(install)
    signals.content_object_init.connect(apply_german_slug)
    signals.content_object_init.connect(german_tag_slugs)
    signals.article_generator_pretaxonomy.connect(unify_tag_names)
