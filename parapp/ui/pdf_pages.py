"""The pages of a PDF drawn with PDFium (QtPdf is not in PySide6-Essentials): `PageView` shows
them stacked for the report window's preview, `render_page` draws one for the preview or a printer.

Pages are rendered on the GUI thread, lazily — just the pages in view, a few milliseconds each —
and the last few are cached; every PDFium call holds `parapp.core.pdfium.held()`, which the
evidence preview and the charts of a report take on their own threads.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING

from pypdfium2 import PdfiumError
from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QWidget

from parapp.core import pdfium

if TYPE_CHECKING:
    from pypdfium2 import PdfDocument

PAGE_GAP = 14  # pixels between pages in the preview
CACHE_PAGES = 16


def render_page(pdf: PdfDocument, index: int, scale: float) -> QImage:
    """Page `index` as an RGB image, `scale` pixels per point."""
    with pdfium.held():
        page = pdf[index]
        try:
            bitmap = page.render(scale=scale, rev_byteorder=True)
            fmt = (QImage.Format.Format_RGBA8888 if bitmap.n_channels == 4
                   else QImage.Format.Format_RGB888)
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                           fmt).copy()  # own the pixels
            bitmap.close()
            return image
        finally:
            page.close()


class PageView(QWidget):
    """The pages of one PDF stacked vertically, drawn as they come into view."""

    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._pdf: PdfDocument | None = None
        self._data: bytes | None = None
        self._sizes: list[tuple[float, float]] = []  # points
        self._rects: list[QRect] = []
        self._zoom = 1.0
        self._cache: OrderedDict[int, QImage] = OrderedDict()
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setBackgroundRole(QPalette.ColorRole.Dark)

    # document
    def set_pdf(self, data: bytes | None) -> None:
        self.close_pdf()
        if data is not None:
            with pdfium.held() as pypdfium2:
                pdf = pypdfium2.PdfDocument(data)
                try:
                    pdf.init_forms()  # else a signature's appearance (a form widget) is not drawn
                    self._sizes = [pdf.get_page_size(i) for i in range(len(pdf))]
                except BaseException:
                    pdf.close()
                    raise
            self._data, self._pdf = data, pdf  # PDFium reads from these bytes: keep them alive
        self._layout()

    def close_pdf(self) -> None:
        self._cache.clear()
        if self._pdf is not None:
            with pdfium.held():
                self._pdf.close()
        self._pdf, self._data, self._sizes = None, None, []

    @property
    def page_count(self) -> int:
        return len(self._sizes)

    def page_size(self, index: int) -> tuple[float, float]:
        return self._sizes[index]

    @property
    def pdf(self) -> PdfDocument | None:
        return self._pdf

    # zoom
    @property
    def zoom(self) -> float:
        return self._zoom

    def pixels_per_point(self) -> float:
        return self.logicalDpiX() / 72.0 * self._zoom

    def set_zoom(self, zoom: float) -> None:
        zoom = max(0.1, min(zoom, 6.0))
        if abs(zoom - self._zoom) < 1e-6:
            return
        self._zoom = zoom
        self._layout()
        self.zoom_changed.emit(zoom)

    def fit_width_zoom(self, width: int) -> float:
        if not self._sizes:
            return self._zoom
        widest = max(w for w, _h in self._sizes)
        return max(0.1, (width - 2 * PAGE_GAP) / (widest * self.logicalDpiX() / 72.0))

    def _layout(self) -> None:
        self._cache.clear()
        ppp = self.pixels_per_point()
        self._rects = []
        widest = max((round(w * ppp) for w, _h in self._sizes), default=0)
        y = PAGE_GAP
        for w, h in self._sizes:
            pw, ph = round(w * ppp), round(h * ppp)
            self._rects.append(QRect(PAGE_GAP + (widest - pw) // 2, y, pw, ph))
            y += ph + PAGE_GAP
        self.resize(widest + 2 * PAGE_GAP if self._sizes else 0, y if self._sizes else 0)
        self.update()

    def page_rect(self, index: int) -> QRect:
        return self._rects[index]

    def page_at(self, y: int) -> int:
        """The page shown at height `y` (0-based), or the one just above."""
        for i, rect in enumerate(self._rects):
            if y < rect.bottom() + PAGE_GAP:
                return i
        return max(0, len(self._rects) - 1)

    def image(self, index: int) -> QImage:
        """Page `index` at the current zoom, for this screen's pixel ratio (cached)."""
        image = self._cache.get(index)
        if image is None:
            ratio = self.devicePixelRatioF()
            image = render_page(self._pdf, index, self.pixels_per_point() * ratio)
            image.setDevicePixelRatio(ratio)
            self._cache[index] = image
            while len(self._cache) > CACHE_PAGES:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(index)
        return image

    def sizeHint(self) -> QSize:
        return self.size()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().color(QPalette.ColorRole.Dark))
        if self._pdf is not None:
            shadow = QColor(0, 0, 0, 60)
            for i, rect in enumerate(self._rects):
                if not rect.adjusted(-2, -2, 4, 4).intersects(event.rect()):
                    continue
                painter.fillRect(rect.translated(3, 3), shadow)
                try:
                    painter.drawImage(rect.topLeft(), self.image(i))
                except (PdfiumError, ValueError):
                    painter.fillRect(rect, Qt.GlobalColor.white)
                painter.setPen(QPen(QColor(0, 0, 0, 90), 1))
                painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.end()
