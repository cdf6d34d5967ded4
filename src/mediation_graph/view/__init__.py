"""The network view: the actor graph, its HTML page and its analytics."""
