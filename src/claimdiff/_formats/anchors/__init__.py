"""Readers and writers for the formats of the data sets claimdiff is checked against (UCDP, ACLED, Wikidata, ...)."""
