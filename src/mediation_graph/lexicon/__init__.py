"""Stage two: the knowledge under ontology/lexicon, loaded and validated once."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..paths import ontology_dir
from ..text.normalize import latin_key
from .actors import ActorLexicon, ActorName, Role, load_actors
from .grammar import load_grammar
from .phrases import PhraseIndex, PhraseMatch
from .tables import read_list
from .triggers import Cue, Trigger, load_cues, load_intents, load_triggers

LANGUAGES = ("ar", "en")


@dataclass
class Lexicon:
    actors: ActorLexicon
    triggers: dict[str, PhraseIndex[Trigger]]
    cues: dict[str, PhraseIndex[Cue]]
    grammar: dict[str, PhraseIndex[str]]
    not_names: frozenset[str]  # capitalised English words that never start a name
    intents: dict[tuple[str, str], str]  # (event, mode) -> CAMEO code of the intention
    assailants: frozenset[str]  # ids of civilian group roles that attack in the news (settlers)

    # the last sentence's function words: three stages ask for them in turn
    _last_grammar: tuple[object, str, list[PhraseMatch[str]]] | None = field(
        default=None, init=False, repr=False, compare=False)

    def grammar_matches(self, language: str, tokens: list) -> list[PhraseMatch[str]]:
        """Function words of a sentence (grammar.tsv), matched once per sentence."""
        last = self._last_grammar
        if last is not None and last[0] is tokens and last[1] == language:
            return last[2]
        found = self.grammar[language].find_all(tokens)
        self._last_grammar = (tokens, language, found)
        return found

    def intent_cameo(self, event: str, mode: str | None) -> str | None:
        return self.intents.get((event, mode or "")) or self.intents.get((event, ""))


def load_lexicon(folder: Path | None = None) -> Lexicon:
    folder = (folder or ontology_dir()) / "lexicon"
    return _load_cached(folder.resolve())


@lru_cache(maxsize=4)
def _load_cached(folder: Path) -> Lexicon:
    return Lexicon(
        actors=load_actors(folder),
        triggers={lang: load_triggers(folder / f"triggers_{lang}.tsv", lang)
                  for lang in LANGUAGES},
        cues={lang: load_cues(folder / f"cues_{lang}.tsv") for lang in LANGUAGES},
        grammar=load_grammar(folder / "grammar.tsv", LANGUAGES),
        not_names=frozenset(latin_key(w) for w in read_list(folder / "not_names_en.txt")),
        intents=load_intents(folder / "intents.tsv"),
        assailants=frozenset(read_list(folder / "assailants.txt")),
    )


__all__ = ["ActorLexicon", "ActorName", "Cue", "Lexicon", "PhraseIndex", "PhraseMatch", "Role",
           "Trigger", "load_lexicon"]
