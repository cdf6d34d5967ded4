"""Evaluation against gold data from outside the project: readers for PLOVER, PETRARCH and
passage gold files, the code mappings between them, and the scorer (``mediation-graph eval``)."""
