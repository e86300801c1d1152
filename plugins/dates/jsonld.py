"""A date as schema.org ``Event`` data (serialised by the seo plugin's ``jsonld`` filter).

The online meeting link is left out on purpose: search engines would spread
it further than the date's own page.
"""

from __future__ import annotations

from markupsafe import Markup


def event(item, absolute_url) -> dict:
    """``absolute_url`` is the seo plugin's template global (path → absolute address)."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": str(item.title),
        "url": absolute_url(item.url),
        "startDate": item.start.isoformat(),
        "endDate": item.end.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
    }
    summary = getattr(item, "summary", None)
    if summary:
        data["description"] = Markup(summary).striptags()
    places = []
    if item.location:
        places.append({"@type": "Place", "name": item.location, "address": item.location})
    if item.is_online:
        places.append({"@type": "VirtualLocation", "url": absolute_url(item.url)})
    if places:
        data["location"] = places[0] if len(places) == 1 else places
    data["eventAttendanceMode"] = (
        "https://schema.org/MixedEventAttendanceMode"
        if item.location and item.is_online
        else "https://schema.org/OnlineEventAttendanceMode"
        if item.is_online
        else "https://schema.org/OfflineEventAttendanceMode"
    )
    if item.organizers:
        data["organizer"] = [
            {"@type": "Person", "name": person.name, "url": absolute_url(person.url)}
            for person in item.organizers
        ]
    if item.recurrence is not None and item.upcoming:
        data["startDate"] = item.upcoming[0].start.isoformat()
        data["endDate"] = item.upcoming[0].end.isoformat()
    return data
