"""Stage one: reading, decoding, language, sentences, tokens and matching keys."""
