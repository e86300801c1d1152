"""``python -m knotenpunkt``: the commands behind ``make html``, ``make check`` …"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import PROJECT_ROOT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m knotenpunkt", description="Knotenpunkt: Website bauen und prüfen."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="die Website nach output/ bauen")
    build.add_argument("--publish", action="store_true", help="mit publishconf.py bauen")
    build.add_argument("--output", type=Path, default=PROJECT_ROOT / "output")
    build.add_argument("--content", type=Path, default=None)
    build.add_argument("--settings", type=Path, default=None)
    _preview_address(build, "wo die Vorschau läuft (Links im Entwicklungs-Feed)", port=None)
    # the devserver's builds: publish first, then index the search (caches.search_index)
    build.add_argument("--search-after-swap", action="store_true", help=argparse.SUPPRESS)

    check = commands.add_parser("check", help="alle Inhalte prüfen, nichts veröffentlichen")
    check.add_argument("--strict", action="store_true", help="Hinweise zählen als Fehler")
    check.add_argument("--publish", action="store_true", help="mit publishconf.py prüfen")
    check.add_argument("--content", type=Path, default=None)
    check.add_argument("--settings", type=Path, default=None)

    new = commands.add_parser("new", help="eine neue Inhaltsdatei aus einer Vorlage anlegen")
    from .scaffold import FOLDERS  # every kind with a preset, "date" included

    new.add_argument("kind", choices=list(FOLDERS))
    new.add_argument("--name", default="", help="Name des Mitglieds (member)")
    new.add_argument("--title", default="", help="Titel (post, episode)")
    new.add_argument("--author", default="", help="Slug des Mitglieds (post)")
    new.add_argument("--content", type=Path, default=PROJECT_ROOT / "content")

    docs = commands.add_parser("docs", help="die Feldreferenz in docs/mitmachen.md erzeugen")
    docs.add_argument("--check", action="store_true", help="nur prüfen, ob sie aktuell ist")

    serve = commands.add_parser("serve", help="die gebaute Website lokal ausliefern")
    serve.add_argument("--output", type=Path, default=PROJECT_ROOT / "output")
    _preview_address(serve, "Adresse und Port der Vorschau")

    devserver = commands.add_parser("devserver", help="ausliefern und bei jeder Änderung neu bauen")
    devserver.add_argument("--content", type=Path, default=PROJECT_ROOT / "content")
    devserver.add_argument("--output", type=Path, default=PROJECT_ROOT / "output")
    devserver.add_argument("--settings", type=Path, default=PROJECT_ROOT / "pelicanconf.py")
    devserver.add_argument("--quiet", action="store_true", help="keine Zeile pro Anfrage")
    _preview_address(devserver, "Adresse und Port der Vorschau")

    args = parser.parse_args(argv)
    if args.command == "serve":
        from .serve import serve as serve_site

        return serve_site(args.output.resolve(), args.bind, args.port)
    if args.command == "devserver":
        from .serve import devserver as run_devserver

        return run_devserver(
            args.content, args.output, args.settings, args.bind, args.port, quiet=args.quiet
        )
    if args.command in ("build", "check"):
        from . import early
        from .build import atomic_build, check, setup_logging

        setup_logging()
        settings = args.settings or PROJECT_ROOT / (
            "publishconf.py" if args.publish else "pelicanconf.py"
        )
        overrides = {"PATH": str(args.content.resolve())} if args.content else {}
        if getattr(args, "port", None) is not None:
            from .serve import preview_url

            # The development feed's absolute links point where the preview serves.
            overrides["PODCAST_DEV_SITEURL"] = preview_url(args.bind, args.port)
        if getattr(args, "search_after_swap", False):
            overrides["CACHES_SEARCH_AFTER_SWAP"] = True
            overrides[early.SETTING] = True
        if args.command == "build":
            return atomic_build(settings, args.output, **overrides).exit_code
        return check(settings, strict=args.strict, **overrides).exit_code
    if args.command == "new":
        from .scaffold import ScaffoldError, scaffold

        try:
            path = scaffold(
                args.kind, args.content, name=args.name, title=args.title, author=args.author
            )
        except ScaffoldError as problem:
            print(problem, file=sys.stderr)
            return 1
        from knotenpunkt.plugins.content_errors.i18n import _

        shown = (
            path.relative_to(args.content.parent)
            if path.is_relative_to(args.content.parent)
            else path
        )
        print(_("Angelegt: {path}").format(path=shown))
        return 0
    if args.command == "docs":
        from .docs import update_guide

        return update_guide(check_only=args.check)
    return 2


def _preview_address(parser: argparse.ArgumentParser, text: str, port: int | None = 8000) -> None:
    parser.add_argument("--bind", default="127.0.0.1", help=text)
    parser.add_argument("--port", type=int, default=port, help=text)


if __name__ == "__main__":
    sys.exit(main())
