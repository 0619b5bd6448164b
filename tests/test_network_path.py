"""Files on network shares open read-only: UNC paths, mapped network drives, redirected folders.

The Windows call (GetDriveTypeW) and path resolution are replaced, so these run on any system.
"""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

from desktop.store.file import safe_open
from desktop.store.file.network_path import DRIVE_REMOTE, on_network

DRIVE_FIXED = 3


def drives(**types):
    """GetDriveTypeW replaced: {"H": DRIVE_REMOTE, ...}; every other drive fixed. Records the calls."""
    calls = []

    def drive_type(root: str) -> int:
        calls.append(root)
        return types.get(root[0], DRIVE_FIXED)

    drive_type.calls = calls
    return drive_type


def same(text: str) -> str:
    return text


def test_unc_paths_are_on_the_network_on_every_system():
    for path in (r"\\sunucu\paylasim\itfaiye.faaliyet", "//sunucu/paylasim/itfaiye.faaliyet", r"\\?\UNC\sunucu\p\a.faaliyet"):
        assert on_network(path, windows=False)
        assert on_network(PureWindowsPath(path), windows=True, drive_type=drives(), resolve=same)


def test_a_mapped_network_drive_is_on_the_network():
    drive_type = drives(H=DRIVE_REMOTE, Z=DRIVE_REMOTE)
    assert on_network(r"H:\Birimler\itfaiye.faaliyet", windows=True, drive_type=drive_type, resolve=same)
    assert on_network(r"z:\a.faaliyet", windows=True, drive_type=drive_type, resolve=same)
    assert drive_type.calls[0] == "H:\\"  # the drive's root, as GetDriveTypeW wants it
    assert not on_network(r"C:\Users\memur\Belgeler\a.faaliyet", windows=True, drive_type=drive_type, resolve=same)
    assert not on_network(r"D:\a.faaliyet", windows=True, drive_type=drives(D=2), resolve=same)  # a USB stick


def test_a_folder_redirected_to_a_share_is_on_the_network():
    # Documents redirected by group policy, reached through a junction or a subst drive
    def resolve(text: str) -> str:
        return text.replace(r"C:\Users\memur\Documents", r"\\?\UNC\dosya\kullanicilar\memur\Belgeler")

    assert on_network(r"C:\Users\memur\Documents\a.faaliyet", windows=True, drive_type=drives(), resolve=resolve)

    def subst(text: str) -> str:
        return text.replace("S:", "H:")

    assert on_network(r"S:\a.faaliyet", windows=True, drive_type=drives(H=DRIVE_REMOTE), resolve=subst)
    assert not on_network(r"C:\Users\memur\Desktop\a.faaliyet", windows=True, drive_type=drives(), resolve=resolve)


def test_an_unresolvable_path_is_judged_by_its_name():
    def broken(text: str) -> str:
        raise OSError("erişilemedi")

    assert not on_network(r"C:\a.faaliyet", windows=True, drive_type=drives(), resolve=broken)


def test_off_windows_only_unc_names_count():
    assert not on_network("/home/memur/a.faaliyet", windows=False, drive_type=drives(H=DRIVE_REMOTE))


def test_a_file_on_a_mapped_drive_opens_read_only_with_the_offer_to_copy(monkeypatch, tmp_path):
    """writable_reason (the one place that decides read-only) asks on_network."""
    calls = []

    def network(path):
        calls.append(path)
        return True

    monkeypatch.setattr(safe_open, "on_network", network)
    reason = safe_open.writable_reason(tmp_path / "a.faaliyet")
    assert calls and "ağ" in reason and "ağ sürücüsü" in reason


def test_a_local_file_stays_writable(tmp_path):
    path = tmp_path / "a.faaliyet"
    path.write_bytes(b"")
    assert safe_open.writable_reason(Path(path)) is None
