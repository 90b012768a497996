"""The spreadsheet layouts parapp reads and writes: one place for sheet names and headers.

Templates, imports, exports and docs/excel-templates.md all come from these definitions.
Headers are matched ignoring case and surrounding or repeated spaces; an accent-less spelling
("Diem tu danh gia") is accepted when it matches exactly one known header.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from parapp.core.i18n import fold

# Longest text a cell may hold, by what the column is: a workbook is checked against what the
# period can sensibly store, not against Excel's own 32,767 characters.
CODE, SHORT, NAME, NOTE = 50, 200, 1_000, 5_000


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool = False
    width: int = 14
    help: str = ""  # what goes in the column (shown in the docs and as a header comment)
    max_len: int = CODE  # characters; codes and numbers unless said otherwise


@dataclass(frozen=True)
class Layout:
    kind: str
    sheet: str
    columns: tuple[Column, ...]
    any_of: tuple[str, ...] = ()  # at least one of these columns must be present
    help: str = ""

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


MAX_PREFIX = "Điểm tối đa"  # "Điểm tối đa (SO)": the max points for one block

CRITERIA = Layout("criteria", "Tiêu chí", (
    Column("code", "Mã", True, 9, "Mã phân cấp: 1, 1.2, 1.2.3 — cấp cha suy ra từ mã"),
    Column("name", "Nội dung", True, 70, "Tên lĩnh vực, tiêu chí, tiêu chí thành phần", NAME),
    Column("max", MAX_PREFIX, False, 12,
           "Trên 0, tối đa 100; hoặc một cột cho mỗi khối: «Điểm tối đa (<mã khối>)»"),
    Column("method", "Cách chấm", False, 28,
           "Chấm trực tiếp | Có/Không | Theo mức: 1; 0,5; 0 | "
           "Theo khoảng tỷ lệ: ≥100% 2; ≥80% 1; ≥0% 0 | Tỷ lệ thuận | "
           "Tỷ lệ thuận: dưới 50% 0 điểm | "
           "Trừ theo trường hợp: 0,25 mỗi trường hợp; tối đa 1", SHORT),
    Column("source", "Nguồn điểm", False, 12, "Tự đánh giá | SIPAS | ĐTXHH"),
    Column("appraiser", "Cơ quan thẩm định", False, 28, "Mã hoặc tên cơ quan thành viên", SHORT),
    Column("evidence", "Bắt buộc TLKC", False, 10, "Có / Không (tài liệu kiểm chứng)"),
    Column("guidance", "Cách tính điểm", False, 45, "Như bộ chỉ số ghi (hiện bên ô chấm điểm)",
           NOTE),
    Column("evidence_guidance", "Yêu cầu TLKC", False, 35,
           "Tài liệu kiểm chứng cần có, như bộ chỉ số ghi", NOTE),
), help="Bộ chỉ số: lĩnh vực → tiêu chí → tiêu chí thành phần")

UNITS = Layout("units", "Đơn vị", (
    Column("code", "Mã đơn vị", True, 12, "Mã ngắn, không dấu (SYT, X001)"),
    Column("name", "Tên đơn vị", True, 45, max_len=NAME),
    Column("block", "Khối", True, 16, "Mã hoặc tên khối; khối chưa có sẽ được tạo", SHORT),
    Column("head_name", "Người đứng đầu", False, 26, max_len=SHORT),
    Column("head_title", "Chức vụ", False, 22, max_len=SHORT),
    Column("head_since", "Giữ chức vụ từ ngày", False, 14,
           "Ngày người đứng đầu nhận chức vụ, dd/mm/yyyy; để trống: giữ chức vụ cả năm"),
    Column("prev_rank", "Xếp hạng năm trước", False, 10,
           "Số nguyên từ 1 đến số đơn vị của kỳ đánh giá"),
    Column("unranked", "Không xếp hạng", False, 10, "Có: chấm điểm nhưng không xếp hạng"),
), help="Đơn vị được đánh giá và người đứng đầu")

SCORES = Layout("scores", "Điểm", (
    Column("unit", "Mã đơn vị", True, 12),
    Column("criterion", "Mã tiêu chí", True, 10, "Mã tiêu chí không có tiêu chí con"),
    Column("self", "Điểm tự đánh giá", False, 12),
    Column("self_figure", "Số liệu tự đánh giá", False, 14,
           "Tiêu chí chấm theo tỷ lệ: a/b (3194/3400) hoặc phần trăm; trừ theo trường hợp: số "
           "trường hợp. Điểm được tính theo cách chấm của tiêu chí", max_len=100),
    Column("explanation", "Giải trình", False, 45, max_len=NOTE),
    Column("appraisal", "Điểm thẩm định", False, 12),
    Column("note", "Lý do trừ điểm", False, 45,
           "Bắt buộc khi điểm thẩm định khác điểm tự đánh giá", NOTE),
    Column("explanation2", "Giải trình bổ sung", False, 40, max_len=NOTE),
    Column("appraisal2", "Điểm thẩm định lần 2", False, 12),
    Column("note2", "Lý do (lần 2)", False, 40, max_len=NOTE),
    Column("not_applicable", "Không áp dụng", False, 30,
           "Ghi lý do nếu tiêu chí không áp dụng với đơn vị", NOTE),
    Column("expected", "Điểm dự kiến", False, 12,
           "Giữa năm: điểm đơn vị dự kiến đạt (không tính vào kết quả)"),
), any_of=("self", "self_figure", "appraisal", "appraisal2", "explanation", "explanation2",
           "not_applicable", "expected"),
    help="Điểm theo dạng dọc: mỗi dòng một đơn vị × một tiêu chí")

SURVEY = Layout("survey", "Điều tra", (
    Column("unit", "Mã đơn vị", True, 12),
    Column("sipas", "SIPAS (%)", False, 12, "Tỷ lệ hài lòng, 0…100 (91,17 hoặc 91,17%)"),
    Column("survey", "ĐTXHH (%)", False, 12, "Kết quả điều tra xã hội học, 0…100"),
), any_of=("sipas", "survey"), help="Kết quả SIPAS và điều tra xã hội học theo đơn vị")

SURVEY_ITEMS = Layout("survey_items", "Điều tra theo tiêu chí", (
    Column("unit", "Mã đơn vị", True, 12),
    Column("criterion", "Mã tiêu chí", True, 12, "Tiêu chí thành phần lấy điểm từ ĐTXHH hoặc SIPAS"),
    Column("pct", "Tỷ lệ (%)", True, 12, "Kết quả của tiêu chí (nhóm câu hỏi), 0…100"),
), help="Kết quả khảo sát theo từng tiêu chí (nhóm câu hỏi), thay cho một tỷ lệ chung")

BONUS_ITEMS = Layout("bonus_items", "Danh mục thưởng, trừ", (
    Column("code", "Mã mục", True, 10, "Mã của mục (chữ không dấu, số, . _ -)"),
    Column("kind", "Loại", True, 10, "Thưởng | Trừ"),
    Column("name", "Nội dung", True, 60, "Ví dụ: Sáng kiến CCHC được công nhận cấp tỉnh",
           max_len=NAME),
    Column("max", "Điểm tối đa", True, 10, "Điểm tối đa của mục (số dương)"),
    Column("evidence", "Bắt buộc TLKC", False, 10, "Có: phải có tài liệu kiểm chứng"),
    Column("appraiser", "Cơ quan thẩm định", False, 24, "Mã hoặc tên thành viên Hội đồng",
           max_len=NAME),
    Column("guidance", "Hướng dẫn", False, 50, "Cách tính điểm, tài liệu cần có",
           max_len=NOTE),
), help="Danh mục điểm thưởng, điểm trừ của bộ chỉ số: mỗi mục có điểm tối đa riêng")

ADJUSTMENTS = Layout("adjustments", "Điểm thưởng, trừ", (
    Column("unit", "Mã đơn vị", True, 12),
    Column("item", "Mã mục", False, 10,
           "Mục trong danh mục thưởng, trừ (nếu có): loại, nội dung và điểm tối đa theo mục"),
    Column("kind", "Loại", False, 10, "Thưởng | Trừ (không cần khi có mã mục)"),
    Column("description", "Nội dung", False, 50, "Không cần khi có mã mục", max_len=NAME),
    Column("self", "Điểm tự đánh giá", False, 12,
           "Số dương, không quá mức tối đa của kỳ (nếu có) và 100"),
    Column("appraisal", "Điểm thẩm định", False, 12,
           "Số dương, không quá mức tối đa của kỳ (nếu có) và 100"),
    Column("note", "Ghi chú", False, 40, max_len=NOTE),
), help="Điểm thưởng, điểm trừ ngoài bộ tiêu chí (có giới hạn)")

PREVIOUS_UNITS = Layout("previous_units", "Đơn vị năm trước", (
    Column("previous", "Mã đơn vị năm trước", True, 14, "Đơn vị của kỳ trước đã liên kết"),
    Column("name", "Tên đơn vị năm trước", False, 40, "Chỉ để đọc; không nhập", max_len=NAME),
    Column("block", "Khối năm trước", False, 12, "Chỉ để đọc; không nhập"),
    Column("index", "Chỉ số năm trước", False, 12, "Chỉ để đọc; không nhập"),
    Column("rank", "Xếp hạng năm trước", False, 10, "Chỉ để đọc; không nhập"),
    Column("unit", "Mã đơn vị năm nay", False, 14,
           "Đơn vị năm nay tiếp nhận đơn vị này (nhiều đơn vị cũ có thể cùng một đơn vị mới); "
           "để trống: không có đơn vị kế thừa"),
), help="Đơn vị của kỳ trước và đơn vị năm nay kế thừa (sắp xếp, sáp nhập)")

LAYOUTS = {layout.kind: layout for layout in (CRITERIA, UNITS, SCORES, SURVEY, SURVEY_ITEMS,
                                                BONUS_ITEMS, ADJUSTMENTS, PREVIOUS_UNITS)}


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", str(text)).casefold().split())


_BLOCK_MAX = re.compile(r"^diem toi da\s*\((.+)\)$")


def block_max_header(header: str) -> str | None:
    """'Điểm tối đa (SO)' → 'SO'."""
    match = _BLOCK_MAX.match(fold(header))
    if not match:
        return None
    raw = normalise(header)
    return raw[raw.index("(") + 1:raw.rindex(")")].strip().upper()


def match_header(layout: Layout, header: str) -> str | None:
    """The column key a header names, or None for an extra column (ignored)."""
    if not header or not str(header).strip():
        return None
    wanted = normalise(header)
    for column in layout.columns:
        if normalise(column.header) == wanted:
            return column.key
    folded = [c.key for c in layout.columns if fold(c.header) == fold(header)]
    return folded[0] if len(folded) == 1 else None
