"""Shared fixtures: the sample definition and temporary workbooks."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("FAALIYET_USER", "test")
if not os.environ.get("FAALIYET_CACHE_DIR"):  # compiled definitions: never the user's own cache
    import atexit
    import shutil
    import tempfile

    os.environ["FAALIYET_CACHE_DIR"] = tempfile.mkdtemp(prefix="faaliyet-test-cache-")
    atexit.register(shutil.rmtree, os.environ["FAALIYET_CACHE_DIR"], True)

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from desktop import resources  # noqa: E402
from desktop.core.loader import load_definition  # noqa: E402
from desktop.store.workbook import Workbook  # noqa: E402


@pytest.fixture(scope="session")
def definition():
    """The Kars 2020 definition shipped in forms/."""
    return load_definition(resources.default_definition())


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
