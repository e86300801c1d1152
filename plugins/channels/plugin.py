"""Wiring: check NETWORK_CHANNELS when a build starts, hand the links to templates."""

from __future__ import annotations

from typing import NamedTuple

from knotenpunkt.plugins import content_errors
from knotenpunkt.plugins.content_errors.errors import ContentError, report, suggest
from knotenpunkt.plugins.content_errors.i18n import _
from pelican import signals

from .settings import CHANNEL_KINDS, setting
from .urls import https_url_problem

SETTINGS_FILE = "pelicanconf.py"


class Channel(NamedTuple):
    label: str
    url: str
    kind: str


def _problem(field: str, message: str, hint: str) -> ContentError:
    return ContentError(SETTINGS_FILE, field, message, hint)


def read_channels(configured) -> tuple[list[Channel], list[ContentError]]:
    """The valid channels of ``NETWORK_CHANNELS`` and a problem for each bad entry."""
    if configured is None:
        return [], []
    if isinstance(configured, (str, bytes, dict)) or not hasattr(configured, "__iter__"):
        return [], [
            _problem(
                "NETWORK_CHANNELS",
                _("NETWORK_CHANNELS muss eine Liste sein."),
                _(
                    "Schreiben Sie z. B. NETWORK_CHANNELS = [(„Mastodon“, "
                    "„https://social.example/@netzwerk“, „mastodon“)]."
                ),
            )
        ]
    channels, problems = [], []
    for index, entry in enumerate(configured):
        field = f"NETWORK_CHANNELS[{index}]"
        if isinstance(entry, dict):
            entry = (entry.get("label"), entry.get("url"), entry.get("kind", "website"))
        if not isinstance(entry, (tuple, list)) or len(entry) not in (2, 3):
            problems.append(
                _problem(
                    field,
                    _("Jeder Kanal braucht eine Bezeichnung und eine Adresse."),
                    _("Schreiben Sie („Bezeichnung“, „https://…“) oder mit Art dahinter."),
                )
            )
            continue
        label, url, kind = (*entry, "website")[:3]
        label = label.strip() if isinstance(label, str) else ""
        url = url.strip() if isinstance(url, str) else url
        kind = (kind or "website").strip().lower() if isinstance(kind, str) else kind
        bad = False
        if not label:
            bad = True
            problems.append(
                _problem(
                    field,
                    _("Die Bezeichnung des Kanals fehlt."),
                    _("Schreiben Sie als Erstes den Namen, den Besucher sehen, z. B. „Mastodon“."),
                )
            )
        url_problem = https_url_problem(url)
        if url_problem is not None:
            bad = True
            problems.append(_problem(field, url_problem.message, url_problem.hint))
        if kind not in CHANNEL_KINDS:
            bad = True
            guess = suggest(str(kind), CHANNEL_KINDS)
            problems.append(
                _problem(
                    field,
                    _("Die Art „{kind}“ kennt Knotenpunkt nicht.").format(kind=kind),
                    _("Meinten Sie „{guess}“?").format(guess=guess)
                    if guess
                    else _("Erlaubt sind: {kinds}.").format(kinds=", ".join(CHANNEL_KINDS)),
                )
            )
        if not bad:
            channels.append(Channel(label, url, kind))
    return channels, problems


def install(generator) -> None:
    """Check the setting (problems stop the build) and expose the channels."""
    settings = generator.settings
    channels, problems = read_channels(setting(settings, "NETWORK_CHANNELS"))
    for problem in problems:
        report(problem)
    generator.context["NETWORK_CHANNELS"] = channels
    generator.context["NETWORK_CHANNELS_PAGE"] = setting(settings, "NETWORK_CHANNELS_PAGE")
    env = getattr(generator, "env", None)
    if env is not None:
        env.globals["NETWORK_CHANNELS"] = channels
        env.globals["NETWORK_CHANNELS_PAGE"] = setting(settings, "NETWORK_CHANNELS_PAGE")


def register() -> None:
    content_errors.register()  # the shared library hooks itself in, listed or not
    signals.generator_init.connect(install)
