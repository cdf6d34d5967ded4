"""The code tables a fair comparison with other coders' gold data needs, read from
``ontology/mappings/``: old PLOVER names, CAMEO codes, sector spellings, passage actions."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import InputError
from ..lexicon.tables import read_table
from ..model import PLOVER_TYPES
from ..paths import ontology_dir


@dataclass(frozen=True, slots=True)
class PassageAction:
    """How one action of the passage format is scored."""

    types: tuple[str, ...]  # accepted PLOVER types; the first is the one detection counts
    symmetric: bool
    mediation: bool


@dataclass(frozen=True, slots=True)
class Mappings:
    plover_names: dict[str, str]  # PLOVER 0.5 name -> today's type
    cameo_types: dict[str, str]  # CAMEO event code -> PLOVER type
    mediation_codes: frozenset[str]  # CAMEO codes that are about mediation itself
    countries: dict[str, str]  # CAMEO actor code -> the code our lexicon uses
    sectors: dict[str, str]  # gold sector spelling -> PLOVER sector ("" for none)
    actions: dict[str, PassageAction]

    def plover_type(self, name: str) -> str:
        """Today's PLOVER type for a name of any version; InputError for an unknown one."""
        upper = name.strip().upper()
        current = self.plover_names.get(upper, upper)
        if current not in PLOVER_TYPES:
            raise InputError(f"unknown PLOVER event type {name!r}")
        return current

    def country(self, code: str | None) -> str | None:
        """A country code as compared: CAMEO spellings mapped, absent codes as None."""
        if not code or code.strip().upper() in {"NONE", "---", "***"}:
            return None
        upper = code.strip().upper()
        return self.countries.get(upper, upper)

    def sector(self, code: str | None) -> str | None:
        """A sector as compared: the first three letters, known misspellings mapped."""
        if not code or code.strip().upper() == "NONE":
            return None
        key = code.strip()
        if key in self.sectors:
            return self.sectors[key] or None
        head = key[:3].upper()
        return self.sectors.get(head, head) or None

    def is_mediation_code(self, cameo: str) -> bool:
        return any(cameo.startswith(code) for code in self.mediation_codes)


def mappings_dir() -> Path:
    return ontology_dir() / "mappings"


@lru_cache(maxsize=2)
def load_mappings(folder: Path | None = None) -> Mappings:
    folder = folder or mappings_dir()
    cameo_types: dict[str, str] = {}
    mediation: set[str] = set()
    for row in read_table(folder / "cameo_plover.tsv", ("cameo", "plover", "mode", "mediation")):
        cameo_types[row["cameo"]] = _known_type(row, row["plover"])
        if row["mediation"] == "yes":
            mediation.add(row["cameo"])
    return Mappings(
        plover_names={row["old"]: _known_type(row, row["new"]) for row in
                      read_table(folder / "plover_versions.tsv", ("old", "new"))},
        cameo_types=cameo_types,
        mediation_codes=frozenset(mediation),
        countries={row["cameo"]: row["iso"] for row in
                   read_table(folder / "cameo_countries.tsv", ("cameo", "iso"))},
        sectors={row["gold"]: row["sector"] for row in
                 read_table(folder / "sectors.tsv", ("gold", "sector"))},
        actions=_actions(folder / "passage_actions.tsv"),
    )


def _actions(path: Path) -> dict[str, PassageAction]:
    actions: dict[str, PassageAction] = {}
    for row in read_table(path, ("action", "types", "symmetric", "mediation")):
        types = tuple(_known_type(row, name) for name in row.items_of("types"))
        actions[row["action"]] = PassageAction(types, row["symmetric"] == "yes",
                                               row["mediation"] == "yes")
    return actions


def _known_type(row: dict, name: str) -> str:
    if name not in PLOVER_TYPES:
        raise row.fail(f"unknown PLOVER type {name!r}")
    return name
