"""Draws Faaliyet's application icon (run once; the PNG and ICO are committed).

    uv run python resources/icons/make_icon.py

A blue rounded square with a white report page and a small bar chart.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen  # noqa: E402

HERE = Path(__file__).resolve().parent


def draw(size: int) -> QImage:
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    bg = QPainterPath()
    bg.addRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 44 * s, 44 * s)
    p.fillPath(bg, QColor("#1a5fb4"))
    page = QPainterPath()
    page.moveTo(64 * s, 40 * s)
    page.lineTo(158 * s, 40 * s)
    page.lineTo(196 * s, 78 * s)
    page.lineTo(196 * s, 216 * s)
    page.lineTo(64 * s, 216 * s)
    page.closeSubpath()
    p.fillPath(page, QColor("white"))
    fold = QPainterPath()
    fold.moveTo(158 * s, 40 * s)
    fold.lineTo(158 * s, 78 * s)
    fold.lineTo(196 * s, 78 * s)
    fold.closeSubpath()
    p.fillPath(fold, QColor("#c9d8ee"))
    p.setPen(QPen(QColor("#9aa9bd"), max(1.0, 6 * s), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    for y in (70, 92):
        p.drawLine(QPointF(82 * s, y * s), QPointF(140 * s, y * s))
    p.setPen(Qt.PenStyle.NoPen)
    for i, (h, color) in enumerate(((40, "#f5a623"), (70, "#2e7d32"), (96, "#1a5fb4"))):
        x = 86 + i * 34
        p.setBrush(QColor(color))
        p.drawRoundedRect(QRectF(x * s, (196 - h) * s, 24 * s, h * s), 3 * s, 3 * s)
    p.end()
    return img


def to_pil(img: QImage) -> Image.Image:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv)
    draw(256).save(str(HERE / "faaliyet.png"))
    big = to_pil(draw(256))
    big.save(HERE / "faaliyet.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    print(HERE / "faaliyet.png", HERE / "faaliyet.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
