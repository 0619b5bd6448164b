"""What of the Windows packaging can be checked without Windows (#19 items 2, 3, 4, 6).

The installer script's structure, the version resource files generated from pyproject's
version, the third-party notices from uv.lock, the bundle's trimming rules, the size count,
build.ps1's steps, and that every file the bundle ships has a Windows-safe name.
"""

from __future__ import annotations

import os
import re
import sys
import tomllib
from pathlib import Path, PureWindowsPath

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
ISS = PACKAGING / "windows" / "faaliyet.iss"
PS1 = PACKAGING / "windows" / "build.ps1"
sys.path.insert(0, str(PACKAGING))

import notices  # noqa: E402
import trim  # noqa: E402
import version_info  # noqa: E402

VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for raw in ISS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            sections.setdefault(current, [])
        else:
            sections[current].append(line)
    return sections


def setup_values() -> dict[str, str]:
    return dict(line.split("=", 1) for line in iss_sections()["Setup"] if "=" in line and not line.startswith("#"))


# --- the installer script -------------------------------------------------------------------


def test_the_installer_is_per_user_by_default_and_per_machine_on_request():
    setup = setup_values()
    assert setup["PrivilegesRequired"] == "lowest"
    assert set(setup["PrivilegesRequiredOverridesAllowed"].split()) == {"dialog", "commandline"}
    assert setup["DefaultDirName"].startswith("{autopf}\\")  # LOCALAPPDATA\Programs or Program Files
    for line in iss_sections()["Registry"]:
        assert line.startswith("Root: HKA;"), line  # HKCU per user, HKLM per machine
    for line in iss_sections()["Icons"]:
        assert re.match(r'Name: "\{auto(programs|desktop)\}', line), line


def test_the_installer_needs_qt6s_windows_and_cleans_up_an_old_program_folder():
    setup = setup_values()
    assert setup["MinVersion"] == "10.0.17763"  # Windows 10 1809
    assert 'Type: filesandordirs; Name: "{app}\\_internal"' in iss_sections()["InstallDelete"]
    assert setup["VersionInfoVersion"] == "{#FileVersion}" and setup["AppVersion"] == "{#AppVersion}"
    text = ISS.read_text(encoding="utf-8")
    assert f'#define AppVersion "{VERSION}"' in text  # the hand-run default is pyproject's version


def test_the_installer_signs_itself_only_when_asked():
    text = ISS.read_text(encoding="utf-8")
    block = text[text.index("#ifdef Sign") : text.index("#endif", text.index("#ifdef Sign"))]
    assert "SignTool=faaliyetsign" in block and "SignedUninstaller=yes" in block
    assert text.count("#if") == text.count("#endif")  # every preprocessor block closed


def test_the_installer_documents_silent_install_and_uninstall():
    text = ISS.read_text(encoding="utf-8")
    for switch in ("/VERYSILENT", "/SUPPRESSMSGBOXES", "/ALLUSERS", "/CURRENTUSER", "unins000.exe"):
        assert switch in text
    readme = (PACKAGING / "README.md").read_text(encoding="utf-8")
    assert "/ALLUSERS" in readme and "unins000.exe /VERYSILENT" in readme


def test_the_installer_names_files_that_exist_with_windows_paths():
    text = ISS.read_text(encoding="utf-8")
    root = re.search(r'#define Root "([^"]+)"', text).group(1)
    for match in re.finditer(r'(?:Source|SetupIconFile|LicenseFile)[:=] ?"?([^";\n]+)', text):
        path = match.group(1).replace("{#Root}", root)
        assert "/" not in path, path
        if "dist\\" in path:
            continue  # the bundle, built before iscc runs
        assert (ISS.parent / PureWindowsPath(path).as_posix()).resolve().exists(), path


# --- version resources ----------------------------------------------------------------------


class _Recorder:
    """Stand-ins for PyInstaller's versioninfo classes (its module needs pefile, a Windows tool)."""

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs


def _evaluate(text: str):
    names = {
        n: type(n, (_Recorder,), {})
        for n in ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo", "VarStruct")
    }
    return eval(compile(text, "version", "eval"), {"__builtins__": {}}, names)  # noqa: S307 (our own generated file)


def test_version_resources_are_generated_from_pyprojects_version(tmp_path):
    written = version_info.write(tmp_path)
    assert set(written) == {"faaliyet", "faaliyet-cli"}
    four = version_info.numeric(VERSION)
    for program, path in written.items():
        info = _evaluate(path.read_text(encoding="utf-8"))
        fixed = info.kwargs["ffi"].kwargs
        assert fixed["filevers"] == four and fixed["prodvers"] == four
        table = info.kwargs["kids"][0].args[0][0]
        strings = {s.args[0]: s.args[1] for s in table.args[1]}
        assert strings["ProductVersion"] == VERSION and strings["FileVersion"] == VERSION
        assert strings["OriginalFilename"] == f"{program}.exe" and strings["ProductName"] == "Faaliyet"
        assert "MIT" in strings["LegalCopyright"]


def test_a_version_number_becomes_four_numbers():
    assert version_info.numeric("0.1.0") == (0, 1, 0, 0)
    assert version_info.numeric("2.3.4rc1") == (2, 3, 4, 1)
    assert version_info.numeric("1.2") == (1, 2, 0, 0)
    with pytest.raises(ValueError):
        version_info.numeric("yeni")


def test_the_spec_gives_both_programs_their_version_resource_and_the_bundle_its_notices():
    spec = (PACKAGING / "faaliyet.spec").read_text(encoding="utf-8")
    assert 'version_files["faaliyet"]' in spec and 'version_files["faaliyet-cli"]' in spec
    assert "notices.write(" in spec and '(str(ROOT / "LICENSE"), ".")' in spec
    assert 'copy_metadata("faaliyet")' in spec  # --version in the bundle


# --- third-party notices ---------------------------------------------------------------------


def test_the_notices_list_every_runtime_package_of_the_lock_with_licence_and_text():
    packages = notices.runtime_packages()
    assert {"pyside6-essentials", "shiboken6", "reportlab", "openpyxl", "pillow", "sqlite-utils"} <= set(packages)
    assert not {"pytest", "pyinstaller", "ruff", "mypy", "hypothesis"} & set(packages)  # dev and packaging groups
    text = notices.render(packages)
    for name, version in packages.items():
        assert re.search(rf"^  {re.escape(name)} {re.escape(version)}: \S", text, re.M), name
    assert "MIT License" in text and "Apache License" in text  # licence texts, not only names
    assert "Python Software Foundation" in text or "PSF" in text


def test_the_notices_give_what_the_lgpl_asks_for_qt_and_pyside():
    text = notices.render(notices.runtime_packages())
    qt = text[text.index("Qt and Qt for Python") :]
    assert "https://code.qt.io/cgit/pyside/pyside-setup.git" in qt and "download.qt.io" in qt
    assert "Relinking" in qt and "replace them" in qt
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text and "Version 3, 29 June 2007" in text
    assert "GNU GENERAL PUBLIC LICENSE" in text  # LGPL-3.0 builds on the GPL-3.0's terms


def test_a_package_missing_here_is_still_listed():
    package = notices.describe("gibi-bir-paket-yok", "1.0")
    assert package.version == "1.0" and "not installed" in package.licence and package.texts == ()


# --- trimming the bundle ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6\\plugins\\platforms\\qwindows.dll",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6\\plugins\\imageformats\\qjpeg.dll",
        "PySide6/Qt/translations/qtbase_tr.qm",
        "PySide6\\translations\\qtbase_en.qm",
        "PySide6/Qt/lib/libQt6Network.so.6",  # QLocalServer: the single-instance handoff
        "PySide6/Qt/lib/libicudata.so.73",
        "libjpeg.so.62",
        "pillow.libs/libjpeg-6dc8d115.so.62.4.0",
        "pillow.libs/libtiff-20b7e810.so.6.3.0",  # linked by PIL._imaging itself
        "PIL/_imaging.cpython-311-x86_64-linux-gnu.so",
        "resources/translations/faaliyet_en.qm",
        "resources/help/memur.md",  # the F1 guide
        "resources/icons/faaliyet.ico",
    ],
)
def test_what_faaliyet_loads_stays(dest):
    assert not trim.dropped(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6\\plugins\\platforms\\qdirect2d.dll",
        "PySide6/Qt/plugins/imageformats/libqtiff.so",
        "PySide6\\plugins\\imageformats\\qwebp.dll",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6\\plugins\\tls\\qschannelbackend.dll",
        "PySide6\\plugins\\networkinformation\\qnetworklistmanager.dll",
        "PySide6\\plugins\\styles\\qmodernwindowsstyle.dll",
        "PySide6/Qt/translations/qt_de.qm",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
        "libQt6EglFSDeviceIntegration.so.6",
        "libcrypto.so.3",
        "libssl-3-x64.dll",
        "PySide6\\opengl32sw.dll",
        "resources/translations/faaliyet_en.ts",  # the source of the .qm
        "resources\\icons\\make_icon.py",
        "PIL/_avif.cpython-311-x86_64-linux-gnu.so",
        "pillow.libs/libavif-c6062d5f.so.16.4.2",
        "pillow.libs/libwebp-51b0b3f7.so.7.2.0",
        "libwebpdemux-9fe2abcc.so.2.0.17",
        "PIL/_webp.cpython-311-x86_64-linux-gnu.so",
        "PIL\\_imagingcms.cp311-win_amd64.pyd",
        "pillow.libs/liblcms2-88eaba2f.so.2.0.19",
    ],
)
def test_what_nobody_loads_goes(dest):
    assert trim.dropped(dest)


def test_modules_nobody_imports_are_excluded_and_those_in_use_are_not():
    excluded = set(trim.EXCLUDED_MODULES)
    assert {"setuptools", "doctest", "PIL._avif", "_ssl", "tkinter", "asyncio", "charset_normalizer"} <= excluded
    used = {"PySide6.QtNetwork", "PySide6.QtPrintSupport", "click", "sqlite3", "decimal", "unicodedata", "ctypes", "threading"}
    assert not used & excluded  # click: sqlite_utils.utils imports it at the top


def test_libraries_only_dropped_plugins_needed_go_too():
    toc = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/src/libqgtk3.so", "BINARY"),
        ("libxcb-cursor.so.0", "/src/libxcb-cursor.so.0", "BINARY"),
        ("libgtk-3.so.0", "/src/libgtk-3.so.0", "BINARY"),
        ("libpython3.11.so.1.0", "/src/libpython3.11.so.1.0", "BINARY"),
        ("resources/x.png", "/src/x.png", "DATA"),
    ]
    links = {"/src/libqxcb.so": ["libxcb-cursor.so.0"], "/src/libqgtk3.so": ["libgtk-3.so.0"]}
    kept = [e[0] for e in trim.keep(toc, lambda source: links.get(source, []))]
    assert kept == ["PySide6/Qt/plugins/platforms/libqxcb.so", "libxcb-cursor.so.0", "libpython3.11.so.1.0", "resources/x.png"]


def test_when_no_links_can_be_read_nothing_is_guessed_away():
    toc = [("PySide6/plugins/platforms/qwindows.dll", "a", "BINARY"), ("Qt6Core.dll", "b", "BINARY")]
    assert trim.keep(toc, lambda source: []) == toc


# --- size, build.ps1, names -----------------------------------------------------------------


def test_linux_leaves_libcups_to_the_system_but_keeps_the_print_plugin():
    assert trim.dropped("libcups.so.2")
    assert not trim.dropped("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so")
    assert not trim.dropped("PySide6/Qt/lib/libQt6PrintSupport.so.6")


def test_libraries_only_a_library_left_to_the_system_needed_go_too():
    # libcups is the system's: GnuTLS, which only it links, goes; Kerberos, which QtNetwork links, stays
    toc = [
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", "/src/cupsplugin", "BINARY"),
        ("PySide6/QtNetwork.abi3.so", "/src/qtnetwork", "EXTENSION"),
        ("libcups.so.2", "/src/libcups", "BINARY"),
        ("libgnutls.so.30", "/src/libgnutls", "BINARY"),
        ("libgssapi_krb5.so.2", "/src/libgssapi", "BINARY"),
    ]
    links = {
        "/src/cupsplugin": ["libcups.so.2"],
        "/src/libcups": ["libgnutls.so.30", "libgssapi_krb5.so.2"],
        "/src/qtnetwork": ["libgssapi_krb5.so.2"],
    }
    kept = [e[0] for e in trim.keep(toc, lambda source: links.get(source, []))]
    assert kept == [
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/QtNetwork.abi3.so",
        "libgssapi_krb5.so.2",
    ]


@pytest.mark.parametrize(
    ("gui", "opengl", "other"),
    [
        ("PySide6/Qt/lib/libQt6Gui.so.6", "PySide6/Qt/lib/libQt6OpenGL.so.6", "PySide6/Qt/lib/libicudata.so.73"),
        ("PySide6\\Qt6Gui.dll", "PySide6\\Qt6OpenGL.dll", "PySide6\\msvcp140.dll"),
    ],
)
def test_qt_libraries_nothing_links_go_but_not_others_in_qt_s_folder(gui, opengl, other):
    toc = [
        ("PySide6/QtGui.abi3.so", "/src/qtgui-module", "EXTENSION"),
        (gui, "/src/gui", "BINARY"),
        (opengl, "/src/opengl", "BINARY"),  # linked only by PySide6.QtOpenGL, which is excluded
        (other, "/src/other", "BINARY"),  # not a Qt6 library (ICU, C++ runtime): a root, never an orphan
    ]
    links = {"/src/qtgui-module": [gui.replace("\\", "/").rsplit("/", 1)[-1]], "/src/opengl": ["Qt6Gui.dll"]}
    kept = [e[0] for e in trim.keep(toc, lambda source: links.get(source, []))]
    assert kept == ["PySide6/QtGui.abi3.so", gui, other]


def test_a_link_to_a_library_left_out_goes_with_it():
    datas = [
        ("libQt6OpenGL.so.6", "PySide6/Qt/lib/libQt6OpenGL.so.6", "SYMLINK"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("resources/x.png", "/src/x.png", "DATA"),
    ]
    binaries = [("PySide6/Qt/lib/libQt6Gui.so.6", "/src/gui", "BINARY")]
    assert [e[0] for e in trim.without_dangling_links(datas, binaries)] == ["libQt6Gui.so.6", "resources/x.png"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF: the Linux reader")
def test_on_linux_a_library_s_links_are_its_own_not_the_whole_closure():
    import PySide6

    module = next(Path(PySide6.__file__).parent.glob("QtWidgets*.so"))
    links = trim._pyinstaller_imports(str(module))
    assert "libQt6Widgets.so.6" in links
    assert not [name for name in links if name.startswith("libicu")]  # ICU: through QtCore only


def test_identical_programs_become_one_file_and_different_ones_stay_two(tmp_path):
    (tmp_path / "faaliyet").write_bytes(b"same")
    (tmp_path / "faaliyet-cli").write_bytes(b"same")
    (tmp_path / "other").write_bytes(b"diff")
    assert trim.share_identical_programs(tmp_path, ["faaliyet", "faaliyet-cli", "other"]) == ["faaliyet-cli"]
    assert (tmp_path / "faaliyet").stat().st_ino == (tmp_path / "faaliyet-cli").stat().st_ino
    assert (tmp_path / "faaliyet-cli").read_bytes() == b"same"
    assert (tmp_path / "other").stat().st_ino != (tmp_path / "faaliyet").stat().st_ino
    assert trim.share_identical_programs(tmp_path, ["faaliyet", "faaliyet-cli"]) == []  # already one


def test_the_check_finds_a_link_left_dangling(tmp_path):
    import build

    (tmp_path / "_internal").mkdir()
    (tmp_path / "_internal" / "libQt6OpenGL.so.6").symlink_to(tmp_path / "_internal" / "gone.so")
    assert build.dangling_links(tmp_path) == ["_internal/libQt6OpenGL.so.6"]


def test_the_size_counts_a_symlinked_or_hard_linked_file_once(tmp_path):
    import build

    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "libQt6Core.so.6").write_bytes(b"x" * 1000)
    (tmp_path / "libQt6Core.so.6").symlink_to(tmp_path / "lib" / "libQt6Core.so.6")
    os.link(tmp_path / "lib" / "libQt6Core.so.6", tmp_path / "hard")
    (tmp_path / "other").write_bytes(b"y" * 10)
    assert build.size_of(tmp_path) == (1010, 2)


def test_build_ps1_builds_checks_signs_and_packages():
    raw = PS1.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Windows PowerShell 5.1 reads UTF-8 only with a BOM
    text = raw.decode("utf-8-sig")
    steps = [
        "packaging\\build.py --check",
        "demo --workdir",
        "--version",
        "QT_QPA_PLATFORM = $platform",
        "FAALIYET_SMOKE_MS",
        "signtool.exe",
        "FAALIYET_SIGN_PFX",
        "/DAppVersion=$Version",
        "packaging\\windows\\faaliyet.iss",
    ]
    positions = [text.index(step) for step in steps]
    assert positions[:3] == sorted(positions[:3])
    assert text.index("SignFile $Gui") < text.index("& $Iscc")  # the exes are signed before they are packaged
    assert "NOT RUN YET" in text
    readme = (PACKAGING / "README.md").read_text(encoding="utf-8")
    assert "build.ps1" in readme and "çalıştırılmadı" in readme


RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def test_every_file_the_bundle_ships_has_a_windows_safe_name():
    install_root = PureWindowsPath(r"C:\Program Files\Faaliyet\_internal")
    for folder in ("resources", "forms"):
        seen: dict[str, str] = {}
        for path in sorted((ROOT / folder).rglob("*")):
            rel = path.relative_to(ROOT)
            for part in rel.parts:
                assert not re.search(r'[<>:"|?*\\\x00-\x1f]', part), rel
                assert not part.endswith((" ", ".")), rel
                assert part.split(".")[0].lower() not in RESERVED, rel
            key = str(rel).lower()
            assert key not in seen, f"{rel} and {seen[key]} are one file on Windows"
            seen[key] = str(rel)
            assert len(str(install_root / PureWindowsPath(*rel.parts))) < 260, rel
