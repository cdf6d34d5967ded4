"""Builds at any scale: streaming, incremental, parallel or distributed, embedded or remote.

``manifest`` records what the store holds (document id and content hash), ``workers`` runs the
extraction in this process, in worker processes or on a Dask cluster, ``sinks`` writes results
into the embedded store or a remote SPARQL 1.1 store (``remote``), ``pipeline`` drives one build
and ``progress`` reports it.
"""
