"""The claim model: hedged estimates, units, periods, vocabulary and the sourced claim built from them.

Nothing here compares claims with one another; that is :mod:`claimdiff._core`.
"""
