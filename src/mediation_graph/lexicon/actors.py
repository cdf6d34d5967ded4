"""The actor lexicon: states (CLDR names from babel plus our aliases), metonyms, organisations,
persons and role nouns, all indexed by matching keys in one phrase index."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale
from babel.core import get_global

from ..model import Entity
from ..text.normalize import arabic_key
from .phrases import PhraseIndex
from .tables import ID_PATTERN, PLOVER_SECTORS_PATTERN, Row, read_list, read_table

STATE_COLUMNS = ("id", "wikidata", "en", "ar", "en_adj", "ar_adj")
METONYM_COLUMNS = ("actor", "en", "ar")
ORGANIZATION_COLUMNS = ("id", "name", "type", "country", "sector", "wikidata", "role", "en", "ar")
PERSON_COLUMNS = ("id", "name", "country", "sector", "role", "en", "ar")
ROLE_COLUMNS = ("id", "kind", "sector", "resolves", "en", "ar", "name_en")
INTERNATIONAL_CODES = {"IGO", "UNO", "NGO"}
ORGANIZATION_TYPES = {"organization", "armed_group", "group"}
# "social": a group that names an actor only with its owner ("Algerian farmers", "students in
# Jakarta"); alone ("prisoners", "companies") it is nobody in particular.
ROLE_KINDS = ("person", "organization", "group", "social")
# The nisba adjective's feminine, plural and dual endings (article forms come from clitics).
ARABIC_ADJECTIVE_ENDINGS = ("", "ه", "ين", "ون", "ان", "تان", "تين", "ات", "ا")


@dataclass(frozen=True, slots=True)
class ActorName:
    """Words that name an entity: its name, a place standing for it, or its adjective."""

    entity: Entity
    kind: str  # name | metonym | adjective


@dataclass(frozen=True, slots=True)
class Role:
    """A role noun: with an owner it makes an entity (``self``) or stands for the owner."""

    id: str
    kind: str
    sector: str | None
    resolves: str  # self | owner
    name_template: str


@dataclass
class ActorLexicon:
    index: PhraseIndex[ActorName | Role] = field(default_factory=PhraseIndex)
    entities: dict[str, Entity] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    bodies: dict[tuple[str, str], Entity] = field(default_factory=dict)  # (role, country)
    adjectives: dict[str, str] = field(default_factory=dict)  # state id -> "Turkish"
    offices: dict[str, str] = field(default_factory=dict)  # person id -> role id
    given_names: set[str] = field(default_factory=set)  # Arabic first names, by matching key

    def role_entity(self, role: Role, owner: Entity) -> Entity:
        """The entity a ``self`` role makes with its owner ("Egypt foreign minister")."""
        body = self.bodies.get((role.id, owner.country or ""))
        if body is not None and owner.type == "state":
            return body
        if owner.type not in {"state", "person"}:
            return owner  # "Hamas fighters", "a commander of Islamic Jihad": coded as the group
        # "Turkish intelligence chief", "Palestinian civilians": a state owner reads as adjective
        owner_name = self.adjectives.get(owner.id, owner.name) if owner.type == "state" else (
            owner.name)
        return Entity(
            id=f"{owner.id}_{role.id.upper()}",
            name=role.name_template.replace("{owner}", owner_name),
            type="person" if role.kind == "person" else "organization",
            country=owner.country,
            sector=role.sector or owner.sector or _state_office(role, owner),
        )

    def shared_names(self) -> dict[tuple[str, ...], set[str]]:
        """Names (as matching keys) that name two or more actors: each must be truly
        ambiguous in the news, since the extractor cannot tell which one the text means."""
        shared: dict[tuple[str, ...], set[str]] = {}
        for keys, values in self.index.phrases():
            ids = {v.entity.id for v in values if isinstance(v, ActorName)}
            if len(ids) > 1:
                shared[keys] = ids
        return shared

    def register(self, entity: Entity, row: Row) -> None:
        if entity.id in self.entities:
            raise row.fail(f"id {entity.id} is already used")
        self.entities[entity.id] = entity

    def add_names(self, entity: Entity, names: list[str], kind: str = "name") -> None:
        for name in names:
            self.index.add_phrase(name, ActorName(entity, kind))


def load_actors(folder: Path) -> ActorLexicon:
    lexicon = ActorLexicon()
    _load_roles(lexicon, folder / "roles.tsv")
    _load_states(lexicon, folder / "states.tsv")
    _load_organizations(lexicon, folder / "organizations.tsv", ORGANIZATION_TYPES)
    _load_organizations(lexicon, folder / "places.tsv", {"place"})
    _load_persons(lexicon, folder / "persons.tsv")
    _load_metonyms(lexicon, folder / "metonyms.tsv")
    lexicon.given_names.update(arabic_key(w) for w in read_list(folder / "given_names_ar.txt"))
    return lexicon


def _state_office(role: Role, owner: Entity) -> str | None:
    """A state's envoy, spokesperson or adviser serves its government ("المبعوث الأمريكي")."""
    return "GOV" if role.kind == "person" and owner.type == "state" else None


def _load_roles(lexicon: ActorLexicon, path: Path) -> None:
    for row in read_table(path, ROLE_COLUMNS):
        _check_id(row, row["id"].upper())
        if row["kind"] not in ROLE_KINDS:
            raise row.fail(f"kind must be one of {', '.join(ROLE_KINDS)}, not {row['kind']!r}")
        if row["resolves"] not in {"self", "owner"}:
            raise row.fail("resolves must be self or owner")
        if row["resolves"] == "self" and "{owner}" not in row["name_en"]:
            raise row.fail("name_en must contain {owner}")
        role = Role(row["id"], row["kind"], _sector(row), row["resolves"], row["name_en"])
        if role.id in lexicon.roles:
            raise row.fail(f"role {role.id} is listed twice")
        lexicon.roles[role.id] = role
        for name in row.items_of("en") + row.items_of("ar"):
            lexicon.index.add_phrase(name, role)


def _load_states(lexicon: ActorLexicon, path: Path) -> None:
    english, arabic = Locale("en").territories, Locale("ar").territories
    alpha2_of = get_global("territory_aliases")
    for row in read_table(path, STATE_COLUMNS):
        code = row["id"]
        if len(code) != 3 or not code.isalpha() or not code.isupper():
            raise row.fail(f"state id must be ISO 3166-1 alpha-3, not {code!r}")
        alpha2 = (alpha2_of.get(code) or [None])[0]
        cldr_en = english.get(alpha2) if alpha2 else None
        cldr_ar = arabic.get(alpha2) if alpha2 else None
        en_names = row.items_of("en")
        canonical = en_names[0][1:] if en_names and en_names[0].startswith("=") else cldr_en
        en_names = [name.lstrip("=") for name in en_names]
        if not canonical:
            raise row.fail(f"{code} has no CLDR name: give one as the first en entry, '=Name'")
        ar_names = row.items_of("ar")
        entity = Entity(id=code, name=canonical, type="state", country=code,
                        wikidata=_wikidata(row), label_ar=cldr_ar or (ar_names or [None])[0],
                        label_en=canonical)
        lexicon.register(entity, row)
        lexicon.add_names(entity, [n for n in (cldr_en, cldr_ar) if n] + en_names + ar_names)
        adjectives, peoples = english_demonyms(row.items_of("en_adj"))
        lexicon.add_names(entity, adjectives, "adjective")
        lexicon.add_names(entity, peoples, "people")
        if row.items_of("en_adj"):
            lexicon.adjectives[code] = row.items_of("en_adj")[0]
        for base in row.items_of("ar_adj"):
            lexicon.add_names(entity, arabic_adjective_forms(base), "adjective")


def english_demonyms(forms: list[str]) -> tuple[list[str], list[str]]:
    """Split English demonyms into adjectives ("Afghan", "Swiss") and plural nouns for the
    people ("Afghans", "Turks"), which act and are acted on like a name: "Palestinians
    rejected", "arrested 100 Palestinians". A plural is a form that is another form plus -s."""
    listed = set(forms)
    peoples = [f for f in forms if f.endswith("s") and f[:-1] in listed]
    return [f for f in forms if f not in peoples], peoples


def arabic_adjective_forms(base: str) -> list[str]:
    """Gender and number forms of a nisba; every word of a two-word one agrees (كورية جنوبية)."""
    words = base.split()
    return [" ".join(word + ending for word in words) for ending in ARABIC_ADJECTIVE_ENDINGS]


def _load_organizations(lexicon: ActorLexicon, path: Path, types: set[str]) -> None:
    """Organisations, or places (same columns): named bodies with names in both languages."""
    for row in read_table(path, ORGANIZATION_COLUMNS):
        _check_id(row, row["id"])
        if row["type"] not in types:
            raise row.fail(f"type must be one of {sorted(types)}")
        names = row.items_of("en") + row.items_of("ar")
        entity = Entity(id=row["id"], name=_required(row, "name"), type=row["type"],
                        country=_country(lexicon, row), sector=_sector(row),
                        wikidata=_wikidata(row), label_ar=(row.items_of("ar") or [None])[0],
                        label_en=row["name"])
        lexicon.register(entity, row)
        lexicon.add_names(entity, [entity.name, *names])
        if row["role"]:
            if row["role"] not in lexicon.roles:
                raise row.fail(f"unknown role {row['role']!r} (roles.tsv)")
            lexicon.bodies.setdefault((row["role"], entity.country or ""), entity)


def _load_persons(lexicon: ActorLexicon, path: Path) -> None:
    for row in read_table(path, PERSON_COLUMNS):
        _check_id(row, row["id"])
        if row["role"] and row["role"] not in lexicon.roles:
            raise row.fail(f"unknown role {row['role']!r} (roles.tsv)")
        entity = Entity(id=row["id"], name=_required(row, "name"), type="person",
                        country=_country(lexicon, row), sector=_sector(row),
                        label_ar=(row.items_of("ar") or [None])[0], label_en=row["name"])
        lexicon.register(entity, row)
        lexicon.add_names(entity, [entity.name, *row.items_of("en"), *row.items_of("ar")])
        if row["role"]:
            lexicon.offices[entity.id] = row["role"]  # "the president" later in the text
        for name in row.items_of("ar"):
            first = arabic_key(name.split()[0])
            if len(name.split()) > 1 and len(first) > 2 and not first.startswith("ال"):
                lexicon.given_names.add(first)  # "علي" opens names the lexicon lacks too


def _load_metonyms(lexicon: ActorLexicon, path: Path) -> None:
    for row in read_table(path, METONYM_COLUMNS):
        entity = lexicon.entities.get(row["actor"])
        if entity is None:
            raise row.fail(f"unknown actor {row['actor']!r}")
        lexicon.add_names(entity, row.items_of("en") + row.items_of("ar"), "metonym")


def _check_id(row: Row, value: str) -> None:
    if not ID_PATTERN.match(value):
        raise row.fail(f"id must be ASCII capitals, digits and _, not {value!r}")


def _required(row: Row, column: str) -> str:
    if not row[column]:
        raise row.fail(f"{column} is required")
    return row[column]


def _sector(row: Row) -> str | None:
    sector = row["sector"]
    if sector and not PLOVER_SECTORS_PATTERN.match(sector):
        raise row.fail(f"sector must be a three-letter PLOVER code, not {sector!r}")
    return sector or None


def _country(lexicon: ActorLexicon, row: Row) -> str | None:
    country = row["country"]
    if not country:
        return None
    if country not in INTERNATIONAL_CODES and lexicon.entities.get(country, None) is None:
        raise row.fail(f"country {country!r} is neither a state id nor IGO/UNO/NGO")
    return country


def _wikidata(row: Row) -> str | None:
    qid = row["wikidata"]
    if qid and not (qid.startswith("Q") and qid[1:].isdigit()):
        raise row.fail(f"wikidata must look like Q123, not {qid!r}")
    return qid or None

