"""feedgen extension for the Podcasting 2.0 namespace, plus true/false explicit.

feedgen 1.0.0 has no ``podcast:`` namespace, and its ``itunes_explicit()``
only accepts the legacy ``yes``/``no``/``clean``; Apple and the validators
want ``true``/``false``. Both are written here as lxml elements (never as
strings of XML). Register with::

    fg.register_extension("podcastindex", PodcastIndexExtension, PodcastIndexEntryExtension)
"""

from __future__ import annotations

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.util import xml_elem

PODCAST_NS = "https://podcastindex.org/namespace/1.0"
ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"


def _explicit(parent, value: bool | None) -> None:
    if value is not None:
        xml_elem(f"{{{ITUNES_NS}}}explicit", parent).text = "true" if value else "false"


def _person(parent, person: dict) -> None:
    xml_elem(f"{{{PODCAST_NS}}}person", parent, **person["attributes"]).text = person["name"]


def _person_data(name: str, role: str = "host", href=None, img=None, group=None) -> dict:
    attributes = {"role": role}
    if group:
        attributes["group"] = group
    if href:
        attributes["href"] = href
    if img:
        attributes["img"] = img
    return {"name": name, "attributes": attributes}


def _location(parent, location: dict | None) -> None:
    if location:
        attributes = {k: location[k] for k in ("geo", "osm") if location.get(k)}
        xml_elem(f"{{{PODCAST_NS}}}location", parent, **attributes).text = location["name"]


def _seconds(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") if value % 1 else f"{value:.1f}"


class PodcastIndexExtension(BaseExtension):
    """Channel elements: podcast:guid, locked, medium, license, funding, person,
    trailer, location, podroll, updateFrequency, txt, images; itunes:explicit and
    itunes:title (feedgen's podcast extension has neither)."""

    def __init__(self) -> None:
        self._trailers: list[dict] = []
        self._location = None
        self._podroll: list[dict] = []
        self._update_frequency = None
        self._txt: list[tuple[str, str]] = []
        self._images = None
        self._title = None
        self._persons: list[dict] = []
        self._guid = None
        self._locked = None
        self._owner = None
        self._medium = None
        self._license = None
        self._license_url = None
        self._funding: list[tuple[str, str]] = []
        self._explicit = None

    def extend_ns(self):
        return {"podcast": PODCAST_NS, "itunes": ITUNES_NS}

    def guid(self, value: str) -> None:
        self._guid = value

    def locked(self, value: bool, owner: str | None = None) -> None:
        self._locked = value
        self._owner = owner or None

    def medium(self, value: str) -> None:
        self._medium = value

    def license(self, value: str | None, url: str | None = None) -> None:  # noqa: A003
        self._license = value
        self._license_url = url

    def funding(self, label: str, url: str) -> None:
        self._funding.append((label, url))

    def explicit(self, value: bool) -> None:
        self._explicit = value

    def title(self, value: str) -> None:
        """Channel ``itunes:title``: the show's name as Apple lists it."""
        self._title = value

    def person(self, name: str, role: str = "host", href=None, img=None, group=None) -> None:
        """A channel-level person; it applies to every item that lists no person."""
        self._persons.append(_person_data(name, role, href, img, group))

    def trailer(self, title: str, url: str, pubdate: str, length=None, mime=None, season=None):
        """A trailer of the show (the audio of an episode with EpisodeType trailer)."""
        attributes = {"url": url, "pubdate": pubdate}
        if length:
            attributes["length"] = str(length)
        if mime:
            attributes["type"] = mime
        if season is not None:
            attributes["season"] = str(season)
        self._trailers.append({"title": title, "attributes": attributes})

    def location(self, name: str, geo: str | None = None, osm: str | None = None) -> None:
        self._location = {"name": name, "geo": geo, "osm": osm}

    def podroll(self, items: list[dict]) -> None:
        """``podcast:remoteItem`` attributes (``feedGuid``, optional ``feedUrl``)."""
        self._podroll = list(items)

    def update_frequency(self, label: str, rrule=None, complete: bool = False) -> None:
        self._update_frequency = {"label": label, "rrule": rrule, "complete": complete}

    def txt(self, purpose: str, text: str) -> None:
        self._txt.append((purpose, text))

    def images(self, srcset: str) -> None:
        """``podcast:images``: the cover in several widths (``url 640w, …``)."""
        self._images = srcset

    def extend_rss(self, feed):
        channel = feed[0]
        _explicit(channel, self._explicit)
        if self._title:
            xml_elem(f"{{{ITUNES_NS}}}title", channel).text = self._title
        if self._guid:
            xml_elem(f"{{{PODCAST_NS}}}guid", channel).text = self._guid
        if self._locked is not None:
            locked = xml_elem(f"{{{PODCAST_NS}}}locked", channel)
            locked.text = "yes" if self._locked else "no"
            if self._owner:
                locked.attrib["owner"] = self._owner
        if self._medium:
            xml_elem(f"{{{PODCAST_NS}}}medium", channel).text = self._medium
        if self._license:
            element = xml_elem(f"{{{PODCAST_NS}}}license", channel)
            element.text = self._license
            if self._license_url:
                element.attrib["url"] = self._license_url
        for label, url in self._funding:
            xml_elem(f"{{{PODCAST_NS}}}funding", channel, url=url).text = label
        for person in self._persons:
            _person(channel, person)
        for trailer in self._trailers:
            element = xml_elem(f"{{{PODCAST_NS}}}trailer", channel, **trailer["attributes"])
            element.text = trailer["title"]
        _location(channel, self._location)
        if self._podroll:
            roll = xml_elem(f"{{{PODCAST_NS}}}podroll", channel)
            for item in self._podroll:
                xml_elem(f"{{{PODCAST_NS}}}remoteItem", roll, **item)
        if self._update_frequency:
            frequency = self._update_frequency
            attributes = {"complete": "true" if frequency["complete"] else "false"}
            if frequency["rrule"]:
                attributes["rrule"] = frequency["rrule"]
            element = xml_elem(f"{{{PODCAST_NS}}}updateFrequency", channel, **attributes)
            element.text = frequency["label"]
        for purpose, text in self._txt:
            xml_elem(f"{{{PODCAST_NS}}}txt", channel, purpose=purpose).text = text
        if self._images:
            xml_elem(f"{{{PODCAST_NS}}}images", channel, srcset=self._images)
        return feed


class PodcastIndexEntryExtension(BaseEntryExtension):
    """Item elements: podcast:season, episode, transcript, chapters, person, soundbite,
    location, socialInteract, alternateEnclosure; itunes:explicit."""

    def __init__(self) -> None:
        self._soundbites: list[tuple[float, float, str]] = []
        self._location = None
        self._social: list[dict] = []
        self._alternates: list[dict] = []
        self._season = None
        self._episode = None
        self._transcripts: list[dict] = []
        self._chapters = None
        self._persons: list[dict] = []
        self._explicit = None

    def season(self, number: int) -> None:
        self._season = number

    def episode(self, number: int) -> None:
        self._episode = number

    def transcript(self, url: str, mime: str, language: str | None = None, rel=None) -> None:
        attributes = {"url": url, "type": mime}
        if language:
            attributes["language"] = language
        if rel:
            attributes["rel"] = rel
        self._transcripts.append(attributes)

    def chapters(self, url: str, mime: str = "application/json+chapters") -> None:
        self._chapters = {"url": url, "type": mime}

    def person(self, name: str, role: str = "host", href=None, img=None, group=None) -> None:
        self._persons.append(_person_data(name, role, href, img, group))

    def explicit(self, value: bool) -> None:
        self._explicit = value

    def soundbite(self, start: float, duration: float, title: str = "") -> None:
        self._soundbites.append((start, duration, title))

    def location(self, name: str, geo: str | None = None, osm: str | None = None) -> None:
        self._location = {"name": name, "geo": geo, "osm": osm}

    def social_interact(
        self, uri: str, protocol: str = "activitypub", account_id=None, account_url=None
    ) -> None:
        attributes = {"protocol": protocol, "uri": uri}
        if account_id:
            attributes["accountId"] = account_id
        if account_url:
            attributes["accountUrl"] = account_url
        self._social.append(attributes)

    def alternate_enclosure(
        self, url: str, mime: str, length: int, bitrate: int | None = None, title=None
    ) -> None:
        """A second audio format; ``bitrate`` in bits per second."""
        attributes = {"type": mime, "length": str(length)}
        if bitrate:
            attributes["bitrate"] = str(bitrate)
        if title:
            attributes["title"] = title
        self._alternates.append({"attributes": attributes, "url": url})

    def extend_rss(self, entry):
        _explicit(entry, self._explicit)
        if self._season is not None:
            xml_elem(f"{{{PODCAST_NS}}}season", entry).text = str(self._season)
        if self._episode is not None:
            xml_elem(f"{{{PODCAST_NS}}}episode", entry).text = str(self._episode)
        for attributes in self._transcripts:
            xml_elem(f"{{{PODCAST_NS}}}transcript", entry, **attributes)
        if self._chapters:
            xml_elem(f"{{{PODCAST_NS}}}chapters", entry, **self._chapters)
        for person in self._persons:
            _person(entry, person)
        for start, duration, title in self._soundbites:
            element = xml_elem(
                f"{{{PODCAST_NS}}}soundbite",
                entry,
                startTime=_seconds(start),
                duration=_seconds(duration),
            )
            if title:
                element.text = title
        _location(entry, self._location)
        for attributes in self._social:
            xml_elem(f"{{{PODCAST_NS}}}socialInteract", entry, **attributes)
        for alternate in self._alternates:
            element = xml_elem(
                f"{{{PODCAST_NS}}}alternateEnclosure", entry, **alternate["attributes"]
            )
            xml_elem(f"{{{PODCAST_NS}}}source", element, uri=alternate["url"])
        return entry
