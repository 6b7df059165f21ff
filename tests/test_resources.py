"""ClerkDesk's own files are found from a checkout and from a frozen bundle,
and the icon is there at every size each platform asks for."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PIL import Image

from clerkdesk import resources
from clerkdesk.export import pdf_styles
from clerkdesk.resources import icons_dir, release_notes_file, resources_dir

REPO = Path(__file__).resolve().parents[1]
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def test_from_a_checkout_the_files_are_in_the_repository() -> None:
    assert resources_dir() == REPO / "resources"
    assert (resources_dir() / "fonts" / "LiberationSans-Regular.ttf").is_file()
    assert release_notes_file().is_file()


def test_frozen_by_pyinstaller_the_files_are_in_the_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_dir() == tmp_path / "resources"
    assert icons_dir() == tmp_path / "resources" / "icons"
    assert release_notes_file() == tmp_path / "docs" / "release-notes.md"


def test_the_pdf_fonts_are_found_the_same_way() -> None:
    assert pdf_styles.resources_dir is resources.resources_dir


@pytest.mark.parametrize("size", SIZES)
def test_an_icon_for_every_size(size: int) -> None:
    with Image.open(icons_dir() / f"clerkdesk-{size}.png") as image:
        assert image.size == (size, size)
        assert image.mode == "RGBA"
        assert image.getpixel((0, 0))[3] < 16  # rounded corners: (nearly) transparent
        assert image.getpixel((size // 2, size // 2))[3] == 255


def test_the_windows_icon_holds_every_size_up_to_256() -> None:
    with Image.open(icons_dir() / "clerkdesk.ico") as ico:
        assert ico.ico.sizes() == {(s, s) for s in SIZES if s <= 256}  # type: ignore[attr-defined]


def test_the_macos_icon_holds_the_retina_sizes() -> None:
    with Image.open(icons_dir() / "clerkdesk.icns") as icns:
        # What Pillow writes: 128 to 512 at single and double density, and 16
        # and 32 at double (from which macOS makes the single).
        assert set(icns.info["sizes"]) == {
            *((s, s, d) for s in (128, 256, 512) for d in (1, 2)),
            (16, 16, 2),
            (32, 32, 2),
        }
        assert icns.size == (1024, 1024)
