"""PDF reports (reportlab): title, shop name, parameters, tables whose header repeats on every
page, charts drawn with reportlab graphics, page numbers ("Page 3 of 12"). Chinese renders with
the embedded CJK font of ordermgr.reports.fonts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table as RLTable,
                                TableStyle)
from xml.sax.saxutils import escape

from ordermgr.reports.excel import chart_series, series_name
from ordermgr.reports.fonts import cjk_font
from ordermgr.reports.i18n import param_label, total_label, tr
from ordermgr.reports.model import Cancelled, ReportResult, Table, format_value

PAGE = landscape(A4)
MARGIN = 15 * mm
PALETTE = [colors.HexColor(c) for c in ("#305496", "#C55A11", "#548235", "#7030A0", "#BF9000",
                                        "#2F75B5", "#A5A5A5", "#FF0000")]
MAX_CHART_CATEGORIES = 60


def _needs_cjk(result: ReportResult, lang: str) -> bool:
    if lang == "zh":
        return True
    texts = [result.title, *result.notes, *(v for _, v in result.params.describe())]
    for table in result.tables:
        texts.extend(str(v) for row in table.rows for v in row if isinstance(v, str))
        texts.append(table.title)
    return any(ord(ch) > 0x2FF for text in texts for ch in text)


class _NumberedCanvas(rl_canvas.Canvas):
    """Draws 'Page n of N' and the running header once the page count is known."""

    header = ("", "")
    font = "Helvetica"
    lang = "en"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages = []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        count = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._decorate(count)
            super().showPage()
        super().save()

    def _decorate(self, count: int) -> None:
        width, height = PAGE
        self.saveState()
        self.setFont(self.font, 8)
        self.setFillColor(colors.grey)
        shop, title = self.header
        self.drawString(MARGIN, height - 10 * mm, shop)
        self.drawRightString(width - MARGIN, height - 10 * mm, title)
        if self.lang == "zh":
            text = f"第 {self._pageNumber} 页，共 {count} 页"
        else:
            text = f"Page {self._pageNumber} of {count}"
        self.drawCentredString(width / 2, 8 * mm, text)
        self.restoreState()


def write_pdf(result: ReportResult, path: Path, *, lang: str = "en", shop: str = "",
              progress: Callable[[int, int], bool] | None = None) -> None:
    font = cjk_font() if _needs_cjk(result, lang) else "Helvetica"
    bold = font if font != "Helvetica" else "Helvetica-Bold"
    styles = {
        "title": ParagraphStyle("title", fontName=bold, fontSize=18, leading=22, spaceAfter=4),
        "shop": ParagraphStyle("shop", fontName=font, fontSize=11, textColor=colors.grey,
                               spaceAfter=8),
        "h2": ParagraphStyle("h2", fontName=bold, fontSize=13, leading=16, spaceBefore=10,
                             spaceAfter=6),
        "body": ParagraphStyle("body", fontName=font, fontSize=9, leading=12),
        "cell": ParagraphStyle("cell", fontName=font, fontSize=8, leading=10),
    }
    story = [Paragraph(escape(tr(result.title, lang)), styles["title"]),
             Paragraph(escape(shop), styles["shop"])]
    params = [[param_label(label, lang), value] for label, value in result.params.describe()]
    params.append([tr("Generated", lang), result.generated_at.strftime("%Y-%m-%d %H:%M UTC")])
    story.append(_grid(params, font, header=False, widths=[45 * mm, 120 * mm]))
    story.append(Spacer(1, 4 * mm))
    for note in result.notes:
        story.append(Paragraph(escape(note), styles["body"]))
    if result.empty:
        story.append(Spacer(1, 6 * mm))
        story.append(Paragraph(escape(tr("No data for this period.", lang)), styles["h2"]))
    for i, table in enumerate(result.tables):
        if progress is not None and progress(i, len(result.tables)) is False:
            raise Cancelled()
        if not table.rows:
            continue
        heading = Paragraph(escape(tr(table.title, lang)), styles["h2"])
        if table.chart:
            story.append(KeepTogether([heading, _chart(table, font, lang)]))
            story.append(Spacer(1, 4 * mm))
        else:
            story.append(heading)
        story.append(_data_table(table, font, bold, lang, styles["cell"]))
    doc = SimpleDocTemplate(str(path), pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN + 4 * mm, bottomMargin=MARGIN,
                            title=tr(result.title, lang), author=shop or "ordermgr")

    class Canvas(_NumberedCanvas):
        pass
    Canvas.header = (shop, tr(result.title, lang))
    Canvas.font = font
    Canvas.lang = lang
    doc.build(story, canvasmaker=Canvas)


def _grid(rows, font, *, header=True, widths=None):
    table = RLTable(rows, colWidths=widths, repeatRows=1 if header else 0)
    style = [("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 9),
             ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
             ("TOPPADDING", (0, 0), (-1, -1), 2)]
    table.setStyle(TableStyle(style))
    table.hAlign = "LEFT"
    return table


def _data_table(table: Table, font: str, bold: str, lang: str, cell_style) -> RLTable:
    cols = table.columns
    header = [Paragraph(escape(tr(c.label, lang)), ParagraphStyle(
        "head", parent=cell_style, fontName=bold, textColor=colors.white)) for c in cols]
    body = []
    numeric = [c.kind not in ("text", "date") for c in cols]
    for row in table.rows:
        cur = table.row_currency(row)
        body.append([format_value(c, v, cur) if numeric[i] else Paragraph(escape(format_value(c, v)), cell_style)
                     for i, (c, v) in enumerate(zip(cols, row))])
    totals = []
    per = table.total_per
    for group, sums in table.totals():
        if not sums:
            continue
        line = [format_value(c, sums.get(c.key)) if c.key in sums else "" for c in cols]
        line[0] = total_label(lang, group)
        if per:
            line[table.index(per)] = group
        totals.append(line)
    data = [header, *body, *totals]
    width = PAGE[0] - 2 * MARGIN
    weights = _column_weights(table, lang)
    widths = [width * w / sum(weights) for w in weights]
    grid = RLTable(data, colWidths=widths, repeatRows=1)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#305496")),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#B4C6E7")),
        ("ROWBACKGROUNDS", (0, 1), (-1, len(body)), [colors.white, colors.HexColor("#EEF3FA")]),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for i, is_number in enumerate(numeric):
        if is_number:
            style.append(("ALIGN", (i, 1), (i, -1), "RIGHT"))
    if totals:
        first = len(body) + 1
        style += [("FONTNAME", (0, first), (-1, -1), bold),
                  ("LINEABOVE", (0, first), (-1, first), 1, colors.black),
                  ("BACKGROUND", (0, first), (-1, -1), colors.HexColor("#D9E1F2"))]
    grid.setStyle(TableStyle(style))
    return grid


def _column_weights(table: Table, lang: str, sample: int = 300) -> list[float]:
    """Relative column widths from the header and the longest of the first rows' values (CJK
    characters count double); long text wraps, numbers never should."""
    weights = []
    for i, col in enumerate(table.columns):
        header = _text_width(tr(col.label, lang)) * 0.8  # headers wrap onto two lines
        longest = max((_text_width(format_value(col, row[i])) for row in table.rows[:sample]),
                      default=0)
        limit = 36 if col.kind == "text" else 16
        weights.append(max(5.0, min(max(header, longest + 1), limit)))
    return weights


def _text_width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _chart(table: Table, font: str, lang: str) -> Drawing:
    categories, series = chart_series(table)
    if table.chart.kind != "line":  # bars: the first ones (tables come sorted by importance)
        categories = categories[:MAX_CHART_CATEGORIES]
    width, height = PAGE[0] - 2 * MARGIN, 60 * mm
    drawing = Drawing(width, height)
    chart = HorizontalLineChart() if table.chart.kind == "line" else VerticalBarChart()
    chart.x, chart.y = 40, 30
    chart.width, chart.height = width - 220, height - 45
    chart.data = [tuple(values[:len(categories)]) for _, _, values in series] or [(0,)]
    step = max(1, len(categories) // 30)  # at most ~30 labels; every point is still drawn
    chart.categoryAxis.categoryNames = [str(c) if i % step == 0 else ""
                                        for i, c in enumerate(categories)]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 6
    if len(categories) > 12:
        chart.categoryAxis.labels.angle = 45
        chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = min(0, *(min(v) for v in chart.data))
    for i in range(len(series)):
        color = PALETTE[i % len(PALETTE)]
        if table.chart.kind == "line":
            chart.lines[i].strokeColor = color
            chart.lines[i].strokeWidth = 1.5
        else:
            chart.bars[i].fillColor = color
            chart.bars[i].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 170, height - 20
    legend.fontName, legend.fontSize = font, 7
    legend.alignment = "right"
    legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], series_name(label, group, lang))
                             for i, (label, group, _) in enumerate(series)]
    drawing.add(legend)
    drawing.add(String(40, height - 10, tr(table.chart.title or table.title, lang),
                       fontName=font, fontSize=9))
    return drawing
