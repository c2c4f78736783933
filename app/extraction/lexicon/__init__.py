"""Vocabularies the extractor matches: data, kept apart from the code paths that use them."""
