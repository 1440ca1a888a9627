"""How far apart two figures may be and still agree: tolerance, implied precision and grading.

A :class:`claimdiff.Policy` holds one of each (``Policy.tolerance``, ``.precision``, ``.grading``);
change them with ``policy.replace(tolerance=Tolerance(...))``. :func:`relative_gap` is the size of a gap
as the policies measure it.

>>> import claimdiff
>>> from claimdiff.tolerance import Tolerance
>>> claimdiff.policy_named("consensus").replace(tolerance=Tolerance(relative=0.05)).tolerance.relative
0.05
"""

from claimdiff._core.tolerance import Grading, Precision, Tolerance, relative_gap

__all__ = ["Grading", "Precision", "Tolerance", "relative_gap"]
