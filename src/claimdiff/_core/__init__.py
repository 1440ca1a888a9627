"""The reconciling core: grouping claims, verdicts and flags, policies, relations and arithmetic, the report.

It reads the claim model (:mod:`claimdiff._model`) and knows nothing of files or text.
"""
