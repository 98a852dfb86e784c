# The browser and the served demo of the browser tests, for the pages checked here at phone width.
from tests.browser.conftest import (  # noqa: F401
    browser,
    demo,
    demo_media,
    media_root,
    pytest_collection_modifyitems,
)
