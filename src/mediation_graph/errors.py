"""Errors the command line turns into one clear line and an exit code."""


class MediationGraphError(Exception):
    """Base of every error the tool reports to a user without a traceback."""

    exit_code = 1


class InputError(MediationGraphError):
    """Bad usage or bad input: the user can fix it (exit 2)."""

    exit_code = 2


class LexiconError(InputError):
    """A lexicon or ontology data file has an invalid entry (reported as file:line)."""


class RuntimeFailure(MediationGraphError):
    """The tool could not finish what was asked (exit 1): a locked store, an unwritable disk."""

    exit_code = 1
