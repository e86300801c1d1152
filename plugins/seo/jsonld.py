"""JSON-LD built as data and serialised with json.dumps, safe inside <script>."""

from __future__ import annotations

import json

from markupsafe import Markup

# Inside <script> the HTML parser ends the element at "</script" and treats
# "<!--" specially; escaping <, > and & as JSON unicode escapes keeps the JSON
# identical for a JSON parser while no member text can close the element.
_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def dumps(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in _UNSAFE.items():
        text = text.replace(char, escaped)
    return text


def script(data: dict | None) -> Markup:
    """``data`` as a ``<script type="application/ld+json">`` element."""
    if not data:
        return Markup("")
    return Markup('<script type="application/ld+json">') + Markup(dumps(data)) + Markup("</script>")


def _absolute(base: str, path: str) -> str:
    if path.startswith(("http://", "https://")):
        return path
    return f"{base}/{path.lstrip('/')}"


def organization(settings, base: str) -> dict:
    """The network as a schema.org Organization (contact data from LEGAL)."""
    legal = settings.get("LEGAL") or {}
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": settings.get("SITENAME", ""),
        "url": base + "/",
    }
    if settings.get("SITESUBTITLE"):
        data["description"] = settings["SITESUBTITLE"]
    if legal.get("email"):
        data["email"] = legal["email"]
    if legal.get("street") and legal.get("postcode_city"):
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": legal["street"],
            "addressLocality": legal["postcode_city"],
        }
    if legal.get("name"):
        data["legalName"] = legal["name"]
    data.update(settings.get("SEO_ORGANIZATION") or {})
    return data


def blogposting(article, settings, base: str) -> dict:
    """A blog post as a schema.org BlogPosting."""
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": article.title,
        "url": _absolute(base, article.url),
        "inLanguage": getattr(article, "lang", None) or settings.get("DEFAULT_LANG", "de"),
        "datePublished": article.date.isoformat(),
        "publisher": {"@type": "Organization", "name": settings.get("SITENAME", "")},
    }
    modified = getattr(article, "modified", None)
    if modified:
        data["dateModified"] = modified.isoformat()
    authors = getattr(article, "authors", None) or []
    if authors:
        data["author"] = [
            {
                "@type": "Person",
                "name": getattr(author, "display_name", None) or author.name,
                "url": _absolute(base, author.url),
            }
            for author in authors
        ]
    image = getattr(article, "image", None) or settings.get("SEO_DEFAULT_IMAGE")
    if image:
        data["image"] = _absolute(base, image)
    return data


def member(profile, settings, base: str) -> dict:
    """A member profile as a schema.org Person or Organization."""
    kind = getattr(getattr(profile, "kind", None), "slug", None)
    data = {
        "@context": "https://schema.org",
        "@type": "Organization" if kind == "organisation" else "Person",
        "name": str(profile.title),
        "url": _absolute(base, profile.url),
    }
    summary = getattr(profile, "summary", None)
    if summary:
        data["description"] = Markup(summary).striptags()
    if getattr(profile, "email", None):
        data["email"] = profile.email
    same_as = [profile.website] if getattr(profile, "website", None) else []
    same_as += [link for link in getattr(profile, "links", None) or [] if link not in same_as]
    if same_as:
        data["sameAs"] = same_as
    photo = getattr(profile, "photo", None)
    if photo is not None:
        data["image"] = _absolute(base, photo.url)
    competences = [str(c.title) for c in getattr(profile, "competences", None) or []]
    if competences:
        data["knowsAbout"] = competences
    region = getattr(profile, "region", None)
    if region is not None:
        data["areaServed"] = str(region)
    data["memberOf"] = {
        "@type": "Organization",
        "name": settings.get("SITENAME", ""),
        "url": base + "/",
    }
    return data


def podcast_series(settings, base: str, url: str, feed_url: str, image: str | None) -> dict:
    """The podcast as a schema.org PodcastSeries."""
    data = {
        "@context": "https://schema.org",
        "@type": "PodcastSeries",
        "name": settings.get("PODCAST_TITLE") or settings.get("SITENAME", ""),
        "url": _absolute(base, url),
        "webFeed": feed_url,
        "inLanguage": settings.get("PODCAST_LANGUAGE") or settings.get("DEFAULT_LANG", "de"),
        "publisher": {"@type": "Organization", "name": settings.get("SITENAME", "")},
    }
    if settings.get("PODCAST_DESCRIPTION"):
        data["description"] = settings["PODCAST_DESCRIPTION"]
    if image:
        data["image"] = _absolute(base, image)
    return data


def podcast_episode(article, settings, base: str, series_url: str) -> dict:
    """A podcast episode as a schema.org PodcastEpisode with its audio."""
    episode = article.podcast
    data = {
        "@context": "https://schema.org",
        "@type": "PodcastEpisode",
        "name": article.title,
        "url": _absolute(base, article.url),
        "datePublished": article.date.isoformat(),
        "inLanguage": getattr(article, "lang", None) or settings.get("DEFAULT_LANG", "de"),
        "timeRequired": episode.duration_iso,
        "associatedMedia": {
            "@type": "MediaObject",
            "contentUrl": _absolute(base, episode.audio_path),
            "encodingFormat": episode.facts.mime,
            "contentSize": str(episode.facts.length),
            "duration": episode.duration_iso,
        },
        "partOfSeries": {
            "@type": "PodcastSeries",
            "name": settings.get("PODCAST_TITLE") or settings.get("SITENAME", ""),
            "url": _absolute(base, series_url),
        },
    }
    summary = getattr(article, "summary", None)
    if summary:
        data["description"] = Markup(summary).striptags()
    if episode.number is not None:
        data["episodeNumber"] = episode.number
    people = [
        {
            "@type": "Person",
            "name": person.name,
            **({"url": _absolute(base, person.url)} if person.url else {}),
        }
        for person in episode.people
    ]
    if people:
        data["actor"] = people
    return data
