"""Shared fixtures: the sample definition and temporary workbooks."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("FAALIYET_USER", "test")
os.environ.setdefault("FAALIYET_INSTANCE_NAME", f"faaliyet-test-{os.getpid()}")  # never hand files to a running app
if not os.environ.get("FAALIYET_CACHE_DIR"):  # compiled definitions: never the user's own cache
    import atexit
    import shutil
    import tempfile

    os.environ["FAALIYET_CACHE_DIR"] = tempfile.mkdtemp(prefix="faaliyet-test-cache-")
    atexit.register(shutil.rmtree, os.environ["FAALIYET_CACHE_DIR"], True)
if not os.environ.get("FAALIYET_LOG_DIR"):  # the program's log (desktop/app_log.py): never the user's own
    import atexit
    import shutil
    import tempfile

    os.environ["FAALIYET_LOG_DIR"] = tempfile.mkdtemp(prefix="faaliyet-test-logs-")
    atexit.register(shutil.rmtree, os.environ["FAALIYET_LOG_DIR"], True)
if not os.environ.get("FAALIYET_TEMP_DIR"):  # on Windows a file in the temporary folder opens read-only
    import tempfile  # (store/file/temporary_place.py): the tests' files all lie in it, so name another

    os.environ["FAALIYET_TEMP_DIR"] = os.path.join(tempfile.gettempdir(), f"faaliyet-test-no-files-{os.getpid()}")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from small_year import small_definition  # noqa: E402

from desktop import resources  # noqa: E402
from desktop.core.loader import load_definition  # noqa: E402
from desktop.store.file.workbook import Workbook  # noqa: E402

pytest_plugins = ("plugin_fixtures",)  # files, window, private_settings, clock


def pytest_configure(config):
    config.addinivalue_line("markers", 'definition(name): the year "definition" gives: "kars" (default) or "small"')


DEFINITIONS = {
    "kars": lambda: load_definition(resources.default_definition()),  # the Kars 2020 sample in forms/
    "small": small_definition,  # tests/small_year.py
}


@pytest.fixture(scope="session")
def definitions():
    """The test years by name (``DEFINITIONS``), each built once a session."""
    built: dict = {}

    def get(name: str = "kars"):
        if name not in built:
            built[name] = DEFINITIONS[name]()
        return built[name]

    return get


@pytest.fixture
def definition(request, definitions):
    """The Kars 2020 definition shipped in forms/, or the year a module names with
    ``pytestmark = pytest.mark.definition("small")``; ``workbook_path``, ``consolidated_path``
    and ``files`` follow it."""
    marker = request.node.get_closest_marker("definition")
    return definitions(marker.args[0] if marker else "kars")


@pytest.fixture
def workbook_path(tmp_path: Path, definition) -> Path:
    """A fresh department workbook (İtfaiye) on disk, closed."""
    path = tmp_path / "itfaiye.faaliyet"
    Workbook.create(path, definition, "itfaiye").close()
    return path


@pytest.fixture
def workbook(workbook_path: Path):
    wb = Workbook.open(workbook_path)
    yield wb
    wb.close()


@pytest.fixture
def consolidated_path(tmp_path: Path, definition) -> Path:
    path = tmp_path / "birlesik.faaliyet"
    Workbook.create(path, definition, None).close()
    return path
