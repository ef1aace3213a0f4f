"""Render the program's icon (resources/icons/family-planner.svg) into the raster files each
system wants: a 256-pixel PNG (the window, and the Linux .desktop), a multi-size .ico (Windows)
and an .icns (macOS). Run after changing the SVG: `.venv/bin/python tools/make_icons.py`."""

from __future__ import annotations

import os
from io import BytesIO
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
ICONS, PACKAGING = ROOT / "resources" / "icons", ROOT / "packaging"


def rendered(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(BytesIO(bytes(buffer.data().data()))).convert("RGBA")


def main() -> None:
    _app = QGuiApplication([])
    renderer = QSvgRenderer(str(ICONS / "family-planner.svg"))
    large = rendered(renderer, 1024)
    rendered(renderer, 256).save(ICONS / "family-planner.png")
    sizes = [(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
    large.save(PACKAGING / "family-planner.ico", sizes=sizes)
    large.save(PACKAGING / "family-planner.icns")


if __name__ == "__main__":
    main()
