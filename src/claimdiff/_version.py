"""The version of claimdiff, in a module every layer may read."""

__version__ = "0.1.0"
