"""Data, not code: rule packs, lexicon and knowledge base (shipped as factcheck.rules)."""
