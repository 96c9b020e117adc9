"""Settings for the whole suite: under CI (`.ci/run` sets HYPOTHESIS_PROFILE=ci) the property tests
draw a fixed set of examples, so a landing is reproducible; locally they draw new ones every run."""

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
