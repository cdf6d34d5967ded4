"""The knowledge graph: events as RDF, the persistent store, exports, SPARQL and SHACL."""
