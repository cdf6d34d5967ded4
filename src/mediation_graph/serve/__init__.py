"""``mediation-graph serve``: the store over HTTP as a SPARQL 1.1 endpoint and a live view.

The HTTP process never evaluates SPARQL itself: queries, event listings and the view run in
worker processes that open the store read-only, so a query past its time limit is stopped by
ending its process while the server goes on answering.
"""
