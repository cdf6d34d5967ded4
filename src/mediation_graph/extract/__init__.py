"""Stages three to five: mentions, events and document-level resolution."""
