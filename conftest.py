"""Collection rules for the whole repository (the tests' own configuration is in ``tests/conftest.py``)."""

import importlib.util

# The Dask path's examples need the optional ``dask`` extra; without it they are not collected.
collect_ignore = (
    [] if importlib.util.find_spec("dask") else ["src/claimdiff/_formats/dask_frames.py"]
)
