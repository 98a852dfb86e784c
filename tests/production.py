"""The settings module read afresh under a given environment, in this process.

``lscb/settings.py`` only reads environment variables, so evaluating its file again with the
environment of a production server shows what that server would start with, or the
ImproperlyConfigured it would stop with, without starting a new Python for every case.
The running test settings are not touched.
"""

import os
import runpy
from pathlib import Path
from unittest import mock

SETTINGS_FILE = Path(__file__).resolve().parents[1] / "lscb" / "settings.py"
# What a test's environment may carry that a production server would not have been given.
CLEARED = {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "STAFF_TWO_FACTOR_REQUIRED"}


def settings_with(**env) -> dict:
    """The settings ``lscb/settings.py`` makes from the current environment plus ``env``."""
    environment = {k: v for k, v in os.environ.items() if k not in CLEARED} | env
    with mock.patch.dict(os.environ, environment, clear=True):
        return runpy.run_path(str(SETTINGS_FILE))
