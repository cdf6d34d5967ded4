"""mediation-graph: news text about diplomacy to a knowledge graph of who did what to whom."""

__version__ = "0.1.0"
