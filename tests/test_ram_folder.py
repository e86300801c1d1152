"""Scratch files go to RAM only where there is a writable folder with room
(knotenpunkt/ram.py: Pagefind's bundle, the test suite's temporary files)."""

from __future__ import annotations

import os

from knotenpunkt.ram import ram_folder, same_filesystem


def free_bytes(folder) -> int:
    usage = os.statvfs(folder)
    return usage.f_bavail * usage.f_frsize


def test_a_writable_folder_with_room_is_used(tmp_path):
    assert ram_folder(1, tmp_path) == tmp_path


def test_a_missing_or_full_folder_is_not_used(tmp_path):
    assert ram_folder(1, tmp_path / "missing") is None
    assert ram_folder(free_bytes(tmp_path) + 1024**3, tmp_path) is None


def test_a_folder_is_not_used_when_memory_is_short(tmp_path, monkeypatch):
    """A tmpfs reports its size limit as free, not what memory is left."""
    from knotenpunkt import ram

    monkeypatch.setattr(ram, "available_memory", lambda: 10 * 1024**2)
    assert ram_folder(20 * 1024**2, tmp_path) is None
    assert ram_folder(5 * 1024**2, tmp_path) == tmp_path


def test_available_memory_is_read_from_the_kernel():
    from knotenpunkt import ram

    memory = ram.available_memory()
    assert memory is None or memory > 0
    if os.path.exists("/proc/meminfo"):
        assert memory is not None


def test_a_read_only_folder_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    assert ram_folder(1, tmp_path) is None


def test_same_filesystem(tmp_path):
    (tmp_path / "a").mkdir()
    assert same_filesystem(tmp_path, tmp_path / "a")
    assert not same_filesystem(tmp_path, tmp_path / "missing")
