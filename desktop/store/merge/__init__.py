"""Merging department files into the consolidated file: checking incoming files, three-way comparison, writing, the import history."""
