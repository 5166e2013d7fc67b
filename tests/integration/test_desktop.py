"""The desktop knows counterclaim: a menu entry that opens the files counterclaim imports,
an icon legible from 16 to 256 px, AppStream data for software centres, all valid by the
desktop's own validators, and `make install-desktop` puts them where the desktop looks."""

from __future__ import annotations

import configparser
import mimetypes
import os
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from counterclaim.ingest import SUPPORTED_SUFFIXES
from counterclaim.paths import APP_ID, app_icon

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
ICON = PACKAGING / f"{APP_ID}.svg"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def validator(name: str, package: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is missing: install {package} (bash packaging/system-deps.sh)"
    return found


def entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_menu_entry_is_valid_and_opens_every_kind_of_article_file() -> None:
    checked = subprocess.run(
        [validator("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "error" not in checked.stdout.lower()
    desktop = entry()
    assert desktop["Exec"] == "counterclaim %F"
    assert desktop["Icon"] == APP_ID
    assert desktop["Terminal"] == "false"
    assert desktop["Categories"] == "Office;Utility;"
    opened = set(desktop["MimeType"].rstrip(";").split(";"))
    for suffix in SUPPORTED_SUFFIXES:
        kind, _ = mimetypes.guess_type(f"article{suffix}")
        assert kind in opened, f"a {suffix} file ({kind}) is imported but not offered to us"


def test_the_appstream_data_is_valid_and_names_this_release() -> None:
    checked = subprocess.run(
        [validator("appstreamcli", "appstream"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("project_license") == PROJECT["license"]
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("provides/binary") in PROJECT["scripts"]
    releases = component.findall("releases/release")
    assert releases[0].get("version") == PROJECT["version"], "add the release to the metainfo"
    [rating] = component.findall("content_rating")
    assert rating.get("type") == "oars-1.1"


def rendered(size: int) -> QImage:
    renderer = QSvgRenderer(str(ICON))
    assert renderer.isValid()
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def distance(one: QColor, other: QColor) -> int:
    return (
        abs(one.red() - other.red())
        + abs(one.green() - other.green())
        + abs(one.blue() - other.blue())
    )


@pytest.mark.parametrize("size", [16, 256])
def test_the_icon_shows_a_claim_and_a_rebuttal_at_every_size(qapp: object, size: int) -> None:
    image = rendered(size)
    colours = [image.pixelColor(x, y) for x in range(size) for y in range(size)]

    def share(wanted: str) -> float:
        target = QColor(wanted)
        near = [c for c in colours if c.alpha() == 255 and distance(c, target) < 40]
        return len(near) / len(colours)

    assert share("#D55E00") > 0.12  # the claim's balloon, vermilion
    assert share("#0072B2") > 0.12  # the rebuttal's, blue
    assert share("#FFFFFF") > 0.02  # the lines of speech and the rim between the two


def test_the_window_uses_the_icon_the_desktop_shows() -> None:
    assert app_icon().read_bytes() == ICON.read_bytes()


def make_install(data_home: Path, path: str) -> subprocess.CompletedProcess[str]:
    make = shutil.which("make")
    assert make
    outer = ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")  # when `make test` runs us: a make of its own
    env = {k: v for k, v in os.environ.items() if k not in outer}
    env |= {"XDG_DATA_HOME": str(data_home), "PATH": path}
    return subprocess.run(
        [make, "-s", "install-desktop"], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_make_install_desktop_puts_the_files_where_the_desktop_looks(tmp_path: Path) -> None:
    data = tmp_path / "share"
    done = make_install(data, os.environ["PATH"])
    assert done.returncode == 0, done.stderr
    assert (data / "applications" / DESKTOP.name).read_bytes() == DESKTOP.read_bytes()
    icon = data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert icon.read_bytes() == ICON.read_bytes()
    assert (data / "metainfo" / METAINFO.name).read_bytes() == METAINFO.read_bytes()
    cache = (data / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
    assert f"text/markdown={DESKTOP.name};" in cache.splitlines()


def test_make_install_desktop_works_without_the_menu_cache_tool(tmp_path: Path) -> None:
    bare = tmp_path / "bin"  # `install` only: no update-desktop-database
    bare.mkdir()
    installer = shutil.which("install")
    assert installer
    (bare / "install").symlink_to(installer)
    data = tmp_path / "share"
    done = make_install(data, str(bare))
    assert done.returncode == 0, done.stderr
    assert (data / "applications" / DESKTOP.name).is_file()
    assert not (data / "applications" / "mimeinfo.cache").exists()
