"""Content negotiation: which result format answers an ``Accept`` header.

SELECT and ASK answers are offered as SPARQL JSON, XML, CSV and TSV; CONSTRUCT and DESCRIBE
answers as Turtle, JSON-LD, N-Triples and RDF/XML. The first offer of each list is the default
(for a missing header or ``*/*``), and equal preferences go to the earlier offer.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Offer:
    name: str  # the format's short name, as the serializers know it
    media_type: str  # what the Content-Type says
    accepted: tuple[str, ...]  # media types a client may ask for to get it


SOLUTION_OFFERS: tuple[Offer, ...] = (
    Offer("json", "application/sparql-results+json",
          ("application/sparql-results+json", "application/json")),
    Offer("xml", "application/sparql-results+xml",
          ("application/sparql-results+xml", "application/xml", "text/xml")),
    Offer("csv", "text/csv", ("text/csv",)),
    Offer("tsv", "text/tab-separated-values", ("text/tab-separated-values",)),
)
GRAPH_OFFERS: tuple[Offer, ...] = (
    Offer("turtle", "text/turtle", ("text/turtle", "application/turtle", "application/x-turtle")),
    Offer("jsonld", "application/ld+json",
          ("application/ld+json", "application/x-json+ld", "application/json")),
    Offer("ntriples", "application/n-triples", ("application/n-triples", "text/plain")),
    Offer("rdfxml", "application/rdf+xml", ("application/rdf+xml", "application/xml")),
)


class NotAcceptable(Exception):
    """No offered format is acceptable to the client."""


def parse_accept(header: str) -> list[tuple[str, float]]:
    """Media ranges with their quality (parameters other than ``q`` are ignored)."""
    ranges: list[tuple[str, float]] = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        quality = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    quality = 0.0
        ranges.append((fields[0].lower(), quality))
    return ranges


def _quality(media_type: str, ranges: list[tuple[str, float]]) -> float:
    """The quality of the most specific range that covers ``media_type`` (0 if none)."""
    kind = media_type.split("/")[0]
    best: tuple[int, float] = (-1, 0.0)
    for media_range, quality in ranges:
        if media_range == media_type:
            specificity = 2
        elif media_range == f"{kind}/*":
            specificity = 1
        elif media_range == "*/*":
            specificity = 0
        else:
            continue
        best = max(best, (specificity, quality))
    return best[1]


def choose(accept: str | None, offers: tuple[Offer, ...]) -> Offer:
    """The offer the client prefers most; ``NotAcceptable`` if it accepts none."""
    if not accept or not accept.strip():
        return offers[0]
    ranges = parse_accept(accept)
    scored = [(max(_quality(t, ranges) for t in offer.accepted), -i, offer)
              for i, offer in enumerate(offers)]
    quality, _, offer = max(scored, key=lambda item: item[:2])
    if quality <= 0:
        wanted = ", ".join(o.media_type for o in offers)
        raise NotAcceptable(f"cannot answer in any format of Accept: {accept} "
                            f"(this answer comes as {wanted})")
    return offer
