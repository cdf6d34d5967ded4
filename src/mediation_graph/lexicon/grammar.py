"""Function words per language that the argument patterns rely on (ontology/lexicon/grammar.tsv)."""

from __future__ import annotations

from pathlib import Path

from .phrases import PhraseIndex
from .tables import read_table

GRAMMAR_COLUMNS = ("lang", "role", "forms")
GRAMMAR_ROLES = ("recipient_prep", "agent_prep", "between", "relative", "boundary",
                 "coordinator", "passive_aux", "collective", "place_head", "topic_glue",
                 "resumptive", "collective_oblique", "light_verb", "determiner", "title",
                 "complementizer", "quantity", "affiliation",
                 "subject_pronoun", "undergo", "adverbial",
                 "homeland", "group_anaphor", "residence", "place_modifier", "background",
                 "obligation", "mediator_prep", "co_agent", "effort", "receive", "during",
                 "brief", "reciprocal", "person_pronoun", "addressee", "named_after", "outcome",
                 "passing", "witness", "condition", "ultimatum", "charge", "auxiliary",
                 "object_control", "guest_verb", "charge_noun", "name_particle",
                 "reciprocal_object", "home_state", "epithet")


def load_grammar(path: Path, languages: tuple[str, ...]) -> dict[str, PhraseIndex[str]]:
    """One phrase index per language whose values are grammar roles."""
    grammar: dict[str, PhraseIndex[str]] = {lang: PhraseIndex() for lang in languages}
    for row in read_table(path, GRAMMAR_COLUMNS):
        if row["lang"] not in grammar:
            raise row.fail(f"lang must be one of {', '.join(languages)}")
        if row["role"] not in GRAMMAR_ROLES:
            raise row.fail(f"role must be one of {', '.join(GRAMMAR_ROLES)}")
        for form in row.items_of("forms"):
            grammar[row["lang"]].add_phrase(form, row["role"])
    return grammar
