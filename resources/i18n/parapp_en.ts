<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi_VN">
<context>
    <name>CriteriaModel</name>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="57"/>
        <source>Thiếu TLKC</source>
        <translation>No docs</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="59"/>
        <source>Thiếu lý do</source>
        <translation>No reason</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="61"/>
        <source>Bị trừ điểm</source>
        <translation>Deducted</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="63"/>
        <location filename="../../parapp/ui/criteria_model.py" line="79"/>
        <source>Chưa thẩm định</source>
        <translation>Not appraised</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="70"/>
        <source>Thiếu tài liệu kiểm chứng (tiêu chí bắt buộc có tài liệu kiểm chứng)</source>
        <translation>Missing evidence (this criterion requires evidence documents)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="73"/>
        <source>Điểm thẩm định khác điểm tự đánh giá nhưng chưa ghi lý do</source>
        <translation>The appraisal score differs from the self score but no reason is given</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="76"/>
        <source>Điểm thẩm định thấp hơn điểm tự đánh giá</source>
        <translation>The appraisal score is lower than the self score</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="459"/>
        <source>Điểm lấy từ {source}</source>
        <translation>Points come from {source}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="462"/>
        <source>Bắt buộc có tài liệu kiểm chứng ({count} tệp)</source>
        <translation>Evidence required (files: {count})</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="467"/>
        <source>Đơn vị chưa tự chấm tiêu chí này</source>
        <translation>The unit has not self-assessed this criterion</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="469"/>
        <source>Chưa thẩm định: tạm tính bằng điểm tự đánh giá</source>
        <translation>Not appraised: the self score counts for now</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="474"/>
        <source>{status}: {count} tiêu chí</source>
        <translation>{status} (criteria: {count})</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="485"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="486"/>
        <source>Nội dung</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="487"/>
        <source>Điểm tối đa</source>
        <translation>Max points</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="488"/>
        <source>Tự đánh giá</source>
        <translation>Self score</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="489"/>
        <source>Thẩm định</source>
        <translation>Appraisal</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="490"/>
        <source>Chênh lệch</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="491"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="497"/>
        <source>Điểm đơn vị tự chấm. Tiêu chí lấy điểm từ SIPAS, ĐTXHH không có điểm tự đánh giá.</source>
        <translation>Points the unit gave itself. Criteria scored from SIPAS or the survey have no self score.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="501"/>
        <source>Điểm được tính: điểm thẩm định (vòng 2 nếu có), điểm tự chấm nếu chưa thẩm định, điểm quy đổi từ SIPAS, ĐTXHH.</source>
        <translation>Points counted: the appraisal score (the second appraisal if any), the self score if not yet appraised, or points converted from SIPAS or the survey.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="505"/>
        <source>Điểm thẩm định trừ điểm tự đánh giá, chỉ tính các tiêu chí đơn vị tự chấm; để trống khi bằng 0.</source>
        <translation>Appraisal score minus self score, only for criteria the unit self-assesses; blank when 0.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="509"/>
        <source>Thiếu TLKC: thiếu tài liệu kiểm chứng; Bị trừ điểm: điểm thẩm định thấp hơn tự đánh giá; Chưa thẩm định; Thiếu lý do: điểm thẩm định khác tự đánh giá mà chưa ghi lý do. Dòng cha gộp trạng thái của các tiêu chí con.</source>
        <translation>No docs: evidence documents are missing; Deducted: the appraisal score is below the self score; Not appraised; No reason: the appraisal score differs from the self score but no reason is given. Parent rows combine the statuses of their sub-criteria.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="94"/>
        <source>không xếp hạng</source>
        <translation>not ranked</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="97"/>
        <source>đồng hạng</source>
        <translation>shared rank</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="99"/>
        <source>phân định theo {what}</source>
        <translation>decided by {what}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="102"/>
        <source>điều chỉnh xếp loại: {reason}</source>
        <translation>classification adjusted: {reason}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="524"/>
        <source>&amp;Khối:</source>
        <translation>&amp;Block:</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="527"/>
        <source>Thiết lập xếp hạng, xếp loại…</source>
        <translation>Ranking and classification settings…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="537"/>
        <source>Đang xem trước thiết lập chưa lưu: thứ hạng và xếp loại chỉ để tham khảo.</source>
        <translation>Previewing unsaved settings: ranks and classifications are for reference only.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="677"/>
        <source>Chưa có dữ liệu</source>
        <translation>No data yet</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="682"/>
        <source>{n} đơn vị được xếp hạng</source>
        <translation>Ranked units: {n}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="684"/>
        <source>{n} không xếp hạng</source>
        <translation>Not ranked: {n}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="686"/>
        <source>{n} nhóm đồng hạng</source>
        <translation>Shared-rank groups: {n}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="694"/>
        <source>Xếp loại người đứng đầu các đơn vị của khối</source>
        <translation>Classification of the unit heads in this block</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="696"/>
        <source>Toàn tỉnh ({n} đơn vị): {counts}</source>
        <translation>Whole province ({n} units): {counts}</translation>
    </message>
</context>
<context>
    <name>IndexChart</name>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="134"/>
        <source>Biểu đồ chỉ số cải cách hành chính theo đơn vị</source>
        <translation>PAR Index chart by unit</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="243"/>
        <source>Không có đơn vị nào trong khối này</source>
        <translation>No units in this block</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="280"/>
        <source>Chỉ số (%)</source>
        <translation>Index (%)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="348"/>
        <source>Chỉ số: {index}%</source>
        <translation>Index: {index}%</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="349"/>
        <source>Hạng: {rank}</source>
        <translation>Rank: {rank}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="350"/>
        <source>Không xếp hạng</source>
        <translation>Not ranked</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="353"/>
        <source>Xếp loại: {grade}</source>
        <translation>Classification: {grade}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../forms/main_window.ui" line="71"/>
        <location filename="../../parapp/ui/main_window.py" line="288"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="289"/>
        <source>Hạng</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="153"/>
        <source>Đơn vị đang chọn</source>
        <translation>Selected unit</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="190"/>
        <source>Người đứng đầu:</source>
        <translation>Unit head:</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="278"/>
        <source>Xếp loại:</source>
        <translation>Classification:</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="210"/>
        <source>Tổng điểm:</source>
        <translation>Total points:</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="244"/>
        <source>Chỉ số:</source>
        <translation>Index:</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="227"/>
        <source>Xếp hạng:</source>
        <translation>Rank:</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="55"/>
        <source>Lọc đơn vị</source>
        <translation>Filter units</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="58"/>
        <source>Gõ tên hoặc mã đơn vị, có dấu hay không dấu đều được (Ctrl+F)</source>
        <translation>Type a unit&apos;s name or code, with or without Vietnamese diacritics (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="61"/>
        <source>Lọc đơn vị…</source>
        <translation>Filter units…</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="104"/>
        <source>&amp;Chấm điểm</source>
        <translation>&amp;Scoring</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="261"/>
        <source>So với năm trước:</source>
        <translation>Vs. last year:</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="303"/>
        <source>&amp;Xem:</source>
        <translation>Sho&amp;w:</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="313"/>
        <source>Chỉ hiện các tiêu chí thỏa điều kiện (và các mục cha của chúng)</source>
        <translation>Show only the criteria that match (and their parent items)</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="323"/>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="328"/>
        <source>Chưa thẩm định</source>
        <translation>Not appraised</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="333"/>
        <source>Bị trừ điểm</source>
        <translation>Deducted</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="338"/>
        <source>Thiếu tài liệu kiểm chứng</source>
        <translation>Missing evidence</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="343"/>
        <source>Lĩnh vực tôi phụ trách</source>
        <translation>My areas</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="351"/>
        <source>Tôi &amp;là:</source>
        <translation>&amp;I am:</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="361"/>
        <source>Cơ quan thành viên hội đồng của bạn: dùng cho bộ lọc «Lĩnh vực tôi phụ trách»</source>
        <translation>Your council member agency: used by the “My areas” filter</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="376"/>
        <source>Bộ chỉ số</source>
        <translation>Index criteria</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="407"/>
        <source>Tổn&amp;g hợp</source>
        <translation>&amp;Overview</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="435"/>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="443"/>
        <source>&amp;Sửa</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="452"/>
        <source>&amp;Kỳ đánh giá</source>
        <translation>&amp;Assessment period</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="458"/>
        <source>&amp;Hiển thị</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="462"/>
        <source>&amp;Giao diện</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="470"/>
        <source>&amp;Ngôn ngữ</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="486"/>
        <source>&amp;Mở…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="489"/>
        <location filename="../../forms/main_window.ui" line="492"/>
        <source>Mở một tệp đánh giá (.parapp)</source>
        <translation>Open an assessment file (.parapp)</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="508"/>
        <location filename="../../parapp/ui/main_window.py" line="827"/>
        <source>&amp;Hoàn tác</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="511"/>
        <location filename="../../forms/main_window.ui" line="514"/>
        <source>Hoàn tác lần sửa điểm gần nhất</source>
        <translation>Undo the last score edit</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="522"/>
        <location filename="../../parapp/ui/main_window.py" line="829"/>
        <source>&amp;Làm lại</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="525"/>
        <location filename="../../forms/main_window.ui" line="528"/>
        <source>Làm lại lần sửa điểm vừa hoàn tác</source>
        <translation>Redo the score edit just undone</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="536"/>
        <source>&amp;Tìm đơn vị</source>
        <translation>&amp;Find unit</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="539"/>
        <location filename="../../forms/main_window.ui" line="542"/>
        <source>Lọc danh sách đơn vị theo tên hoặc mã</source>
        <translation>Filter the unit list by name or code</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="550"/>
        <source>&amp;Thiết lập xếp hạng, xếp loại…</source>
        <translation>&amp;Ranking and classification settings…</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="553"/>
        <location filename="../../forms/main_window.ui" line="556"/>
        <source>Cách xếp hạng, xếp loại người đứng đầu và hiển thị điểm của kỳ đánh giá</source>
        <translation>How the assessment period ranks units, classifies unit heads and shows scores</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="561"/>
        <source>Theo &amp;hệ thống</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="569"/>
        <source>&amp;Sáng</source>
        <translation>&amp;Light</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="577"/>
        <source>&amp;Tối</source>
        <translation>&amp;Dark</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="585"/>
        <source>&amp;Tiếng Việt</source>
        <translation>&amp;Tiếng Việt</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="593"/>
        <source>&amp;English</source>
        <translation>&amp;English</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="500"/>
        <source>&amp;Thoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="372"/>
        <source>&amp;Nhập từ Excel</source>
        <translation>&amp;Import from Excel</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="374"/>
        <source>Bộ tiêu chí…</source>
        <translation>Criteria set…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="375"/>
        <source>Đơn vị…</source>
        <translation>Units…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="376"/>
        <source>Điểm…</source>
        <translation>Scores…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="377"/>
        <source>Kết quả SIPAS, ĐTXHH…</source>
        <translation>SIPAS and survey results…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="378"/>
        <source>Điểm thưởng, điểm trừ…</source>
        <translation>Bonus and penalty points…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="392"/>
        <source>&amp;Mới…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="394"/>
        <source>Tạo kỳ đánh giá mới, lấy bộ tiêu chí và đơn vị từ sổ tính Excel</source>
        <translation>Create a new assessment period, taking the criteria and units from an Excel workbook</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="398"/>
        <source>Mở &amp;gần đây</source>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="401"/>
        <source>&amp;Lưu bản sao…</source>
        <translation>Save a cop&amp;y…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="402"/>
        <source>Lưu một bản sao trọn vẹn của tệp (ví dụ để gửi thư điện tử)</source>
        <translation>Save a complete copy of the file (for example to send by e-mail)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="405"/>
        <source>Đó&amp;ng</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="555"/>
        <source>{path}: không đọc được tệp ({error})</source>
        <translation>{path}: cannot read the file ({error})</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="563"/>
        <location filename="../../parapp/ui/main_window.py" line="840"/>
        <source>{path}: không đọc được dữ liệu ({error})</source>
        <translation>{path}: cannot read the data ({error})</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="572"/>
        <source>Mở ở chế độ chỉ xem</source>
        <translation>Opened read-only</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="584"/>
        <source>(chưa có)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="591"/>
        <source>Lưu kỳ đánh giá mới</source>
        <translation>Save the new assessment period</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="593"/>
        <location filename="../../parapp/ui/main_window.py" line="617"/>
        <source>Tệp parapp (*.parapp)</source>
        <translation>parapp files (*.parapp)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="603"/>
        <location filename="../../parapp/ui/main_window.py" line="607"/>
        <source>Không tạo được kỳ đánh giá</source>
        <translation>Could not create the assessment period</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="615"/>
        <source>Lưu bản sao</source>
        <translation>Save a copy</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="629"/>
        <source>Không lưu được bản sao</source>
        <translation>Could not save the copy</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="630"/>
        <source>{path}: {error}</source>
        <translation>{path}: {error}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="632"/>
        <source>Đã lưu bản sao: {path}</source>
        <translation>Copy saved: {path}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="648"/>
        <source>Không có quyền ghi vào {file}: tệp được mở ở chế độ chỉ xem.</source>
        <translation>No permission to write to {file}: the file is opened read-only.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="649"/>
        <source>không có quyền ghi</source>
        <translation>no write permission</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="657"/>
        <source>một cửa sổ parapp khác</source>
        <translation>another parapp window</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="658"/>
        <source>{message}.

Tệp được mở ở chế độ chỉ xem: không sửa được điểm, không nhập được dữ liệu. Hãy mở lại khi cửa sổ kia đã đóng tệp.</source>
        <translation>{message}.

The file is opened read-only: scores cannot be edited and data cannot be imported. Open it again once the other window has closed the file.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="662"/>
        <source>Không tạo được tệp khóa cạnh {file} ({error}): tệp được mở ở chế độ chỉ xem.</source>
        <translation>Cannot create the lock file next to {file} ({error}): the file is opened read-only.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="665"/>
        <source>không ghi được vào thư mục của tệp</source>
        <translation>cannot write to the file&apos;s folder</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="684"/>
        <source>Không mở được tệp</source>
        <translation>Cannot open the file</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="689"/>
        <source>Mở tệp đánh giá</source>
        <translation>Open assessment file</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="690"/>
        <source>Tệp parapp (*.parapp);;Mọi tệp (*)</source>
        <translation>parapp files (*.parapp);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="700"/>
        <source>Điểm chưa được ghi</source>
        <translation>Score not saved</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="701"/>
        <source>Giá trị đang nhập ở tiêu chí {code} không hợp lệ nên chưa được ghi.
Bỏ giá trị này?</source>
        <translation>The value entered for criterion {code} is not valid, so it has not been saved.
Discard this value?</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="759"/>
        <source> (chỉ xem)</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="813"/>
        <source>Đang chỉnh sửa</source>
        <translation>Editing</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="814"/>
        <source>Mỗi điểm được ghi ngay vào tệp khi nhấn Enter hoặc rời ô nhập; Ctrl+Z để hoàn tác</source>
        <translation>Each score is saved to the file as soon as you press Enter or leave the field; Ctrl+Z to undo</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="817"/>
        <source>tệp mở chỉ để đọc</source>
        <translation>file opened read-only</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="818"/>
        <source>Chỉ xem — {who}</source>
        <translation>Read-only — {who}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="819"/>
        <source>Không sửa được điểm, không nhập được dữ liệu</source>
        <translation>Scores cannot be edited and data cannot be imported</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="826"/>
        <source>&amp;Hoàn tác: {what}</source>
        <translation>&amp;Undo: {what}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="828"/>
        <source>&amp;Làm lại: {what}</source>
        <translation>&amp;Redo: {what}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="1165"/>
        <source>Chọn cơ quan của bạn ở ô «Tôi là» để xem các lĩnh vực mình phụ trách</source>
        <translation>Choose your agency in the “I am” box to see the areas you are responsible for</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="1182"/>
        <source>(chưa chọn)</source>
        <translation>(none selected)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="1340"/>
        <source>Không hoàn tác được</source>
        <translation>Cannot undo</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="1353"/>
        <source>Sửa điểm {unit}, tiêu chí {criterion}</source>
        <translation>Edit score {unit}, criterion {criterion}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="1360"/>
        <source>Tài liệu kiểm chứng {unit}, tiêu chí {criterion}</source>
        <translation>Evidence {unit}, criterion {criterion}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="1425"/>
        <source>Đã hoàn tác: {what}</source>
        <translation>Undone: {what}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="1426"/>
        <source>Đã làm lại: {what}</source>
        <translation>Redone: {what}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="1494"/>
        <source>Không đọc được thiết lập</source>
        <translation>Cannot read the settings</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="1518"/>
        <source>Đang xem trước thiết lập chưa lưu</source>
        <translation>Previewing unsaved settings</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="1538"/>
        <source>Không lưu được thiết lập</source>
        <translation>Cannot save the settings</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="1541"/>
        <source>Thiết lập xếp hạng, xếp loại</source>
        <translation>Ranking and classification settings</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="1545"/>
        <source>Đã lưu {n} thiết lập</source>
        <translation>Settings saved: {n}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="1546"/>
        <source>Thiết lập không thay đổi</source>
        <translation>Settings unchanged</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="1572"/>
        <source>Ngôn ngữ mới được áp dụng khi mở lại parapp</source>
        <translation>The new language takes effect when parapp is restarted</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="1583"/>
        <source>Nhập «{sheet}» từ Excel</source>
        <translation>Import “{sheet}” from Excel</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="1584"/>
        <source>Sổ tính Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="1612"/>
        <source>Nhập từ {file}</source>
        <translation>Import from {file}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="1615"/>
        <source>Đã nhập từ {file}; Ctrl+Z để hoàn tác cả lần nhập.</source>
        <translation>Imported from {file}; Ctrl+Z undoes the whole import.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="756"/>
        <source>parapp — {file} — {province} {year}</source>
        <translation>parapp — {file} — {province} {year}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="762"/>
        <source>{units} đơn vị · {blocks} khối · {criteria} tiêu chí</source>
        <translation>Units: {units} · Blocks: {blocks} · Criteria: {criteria}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="734"/>
        <source>Chưa mở tệp nào — chọn Tệp › Mở…</source>
        <translation>No file open — choose File › Open…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="288"/>
        <source>Tổng
điểm</source>
        <translation>Total
points</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="289"/>
        <source>Chỉ số
(%)</source>
        <translation>Index
(%)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="293"/>
        <source>Tổng điểm sau thẩm định, gồm điểm thưởng và điểm trừ</source>
        <translation>Total points after appraisal, including bonus and penalty points</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="295"/>
        <source>Tổng điểm chia điểm tối đa áp dụng cho đơn vị, nhân 100</source>
        <translation>Total points divided by the max points applicable to the unit, times 100</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="296"/>
        <source>Hạng trong khối</source>
        <translation>Rank within the block</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="869"/>
        <source>{name} ({count})</source>
        <translation>{name} ({count})</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="912"/>
        <location filename="../../parapp/ui/main_window.py" line="1247"/>
        <source>Không xếp hạng</source>
        <translation>Not ranked</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="913"/>
        <source>Đồng hạng</source>
        <translation>Shared rank</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="1240"/>
        <source>{total} / {max} điểm</source>
        <translation>{total} / {max} points</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="1252"/>
        <source> (đồng hạng)</source>
        <translation> (shared rank)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="1254"/>
        <source>Hạng {rank} trên {count} đơn vị được xếp hạng của {block}</source>
        <translation>Rank {rank} of {count} ranked units in {block}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="1260"/>
        <source>Hạng năm trước: {rank}</source>
        <translation>Last year&apos;s rank: {rank}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="1261"/>
        <source>Không có hạng năm trước</source>
        <translation>No rank last year</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="1270"/>
        <source> (điều chỉnh)</source>
        <translation> (adjusted)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="1278"/>
        <source>tăng {n} bậc</source>
        <translation>up {n}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="1280"/>
        <source>giảm {n} bậc</source>
        <translation>down {n}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="1281"/>
        <source>giữ nguyên</source>
        <translation>unchanged</translation>
    </message>
</context>
<context>
    <name>NewPeriodDialog</name>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="112"/>
        <source>Kỳ đánh giá mới</source>
        <translation>New assessment period</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="114"/>
        <source>Ví dụ: Tỉnh Sơn Hà</source>
        <translation>For example: Tỉnh Sơn Hà</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="119"/>
        <source>Sổ tính có trang «Tiêu chí» và «Đơn vị»</source>
        <translation>Workbook with the sheets “Tiêu chí” and “Đơn vị”</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="120"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="126"/>
        <source>Tỉnh:</source>
        <translation>Province:</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="127"/>
        <source>Năm đánh giá:</source>
        <translation>Assessed year:</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="128"/>
        <source>Bộ tiêu chí, đơn vị:</source>
        <translation>Criteria and units:</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="142"/>
        <source>Chọn sổ tính</source>
        <translation>Choose a workbook</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="143"/>
        <source>Sổ tính Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>PointsValidator</name>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="184"/>
        <source>Chưa phải là số</source>
        <translation>Not a number</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="188"/>
        <source>tối đa {n} chữ số thập phân</source>
        <translation>at most {n} decimal places</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="384"/>
        <source>Hạng</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="384"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="384"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="384"/>
        <source>Tổng điểm</source>
        <translation>Total points</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="385"/>
        <source>Chỉ số (%)</source>
        <translation>Index (%)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="385"/>
        <source>Năm trước</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="385"/>
        <source>Tăng/giảm</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="386"/>
        <source>Xếp loại</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="386"/>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="388"/>
        <source>Hạng trong khối; đơn vị không xếp hạng để trống (—)</source>
        <translation>Rank within the block; blank (—) for units not ranked</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="389"/>
        <source>Tổng điểm sau thẩm định, gồm điểm thưởng và điểm trừ</source>
        <translation>Total points after appraisal, including bonus and penalty points</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="390"/>
        <source>Tổng điểm chia điểm tối đa áp dụng cho đơn vị, nhân 100</source>
        <translation>Total points divided by the max points applicable to the unit, times 100</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="391"/>
        <source>Hạng năm trước</source>
        <translation>Last year&apos;s rank</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="392"/>
        <source>Số bậc tăng (+) hoặc giảm (−) so với năm trước</source>
        <translation>Places gained (+) or lost (−) since last year</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="393"/>
        <source>Xếp loại người đứng đầu</source>
        <translation>Unit head classification</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="394"/>
        <source>Đồng hạng, tiêu chí phụ đã phân định thứ hạng, lý do điều chỉnh xếp loại</source>
        <translation>Shared ranks, tie-breakers that decided the rank, reasons for classification adjustments</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="491"/>
        <source>Người đứng đầu: {head}</source>
        <translation>Unit head: {head}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="494"/>
        <source>{total} / {max} điểm</source>
        <translation>{total} / {max} points</translation>
    </message>
</context>
<context>
    <name>ScoreEditor</name>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="265"/>
        <source>Đơn vị tự đánh giá</source>
        <translation>Unit self-assessment</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="267"/>
        <source>Điểm tự đánh giá</source>
        <translation>Self score</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="270"/>
        <source>Giải trình</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="284"/>
        <source>Hội đồng thẩm định</source>
        <translation>Appraisal council</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="286"/>
        <source>Điểm thẩm định</source>
        <translation>Appraisal score</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="290"/>
        <source>Lý do trừ điểm</source>
        <translation>Deduction reason</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="370"/>
        <location filename="../../parapp/ui/score_editor.py" line="806"/>
        <source>Tài liệu kiểm chứng</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="390"/>
        <source>Thêm…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="391"/>
        <source>Mở</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="392"/>
        <source>Lưu ra…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="393"/>
        <source>Xóa</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="394"/>
        <source>Thêm tệp (có thể kéo thả tệp vào đây)</source>
        <translation>Add files (you can also drag and drop files here)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="433"/>
        <source>Chưa chọn tiêu chí</source>
        <translation>No criterion selected</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="465"/>
        <source>Không có đơn vị {unit} hoặc tiêu chí {code}</source>
        <translation>Unit {unit} or criterion {code} does not exist</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="468"/>
        <source>Chỉ chấm điểm ở tiêu chí không có tiêu chí con</source>
        <translation>Only criteria without sub-criteria are scored</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="470"/>
        <source>Tiêu chí không thuộc bộ chỉ số của khối {block}</source>
        <translation>The criterion is not in the index of block {block}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="498"/>
        <source>Điểm lấy từ kết quả {source}; chưa có kết quả {source}</source>
        <translation>Points come from the {source} results; there are no {source} results yet</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="500"/>
        <source>Điểm lấy từ kết quả {source} ({pct}%)</source>
        <translation>Points come from the {source} results ({pct}%)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="520"/>
        <source>0 hoặc {top}</source>
        <translation>0 or {top}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="522"/>
        <source>Điểm tối đa: {max}</source>
        <translation>Max points: {max}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="523"/>
        <source>Cách chấm: {method}</source>
        <translation>Scoring method: {method}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="525"/>
        <source>Bắt buộc có tài liệu kiểm chứng</source>
        <translation>Evidence required</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="526"/>
        <source>Không bắt buộc tài liệu kiểm chứng</source>
        <translation>Evidence not required</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="528"/>
        <source>/ {max}</source>
        <translation>/ {max}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="548"/>
        <source>Giải trình bổ sung: {text}</source>
        <translation>Additional explanation: {text}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="550"/>
        <source>Thẩm định lần 2: {points}</source>
        <translation>Second appraisal: {points}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="575"/>
        <source>Giải trình của đơn vị…</source>
        <translation>The unit&apos;s explanation…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="577"/>
        <source>Lý do khi điểm thẩm định khác điểm tự đánh giá…</source>
        <translation>Reason when the appraisal score differs from the self score…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="644"/>
        <location filename="../../parapp/ui/score_editor.py" line="699"/>
        <source>Cần ghi lý do khi điểm thẩm định khác điểm tự đánh giá</source>
        <translation>A reason is required when the appraisal score differs from the self score</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="649"/>
        <source>Điểm thẩm định cao hơn điểm tự đánh giá</source>
        <translation>The appraisal score is higher than the self score</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="805"/>
        <source>Tài liệu kiểm chứng ({count})</source>
        <translation>Evidence ({count})</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="813"/>
        <source>Chưa có tài liệu kiểm chứng (tiêu chí bắt buộc có)</source>
        <translation>No evidence yet (required for this criterion)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="835"/>
        <source>Thêm tài liệu kiểm chứng</source>
        <translation>Add evidence</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="836"/>
        <source>Tài liệu (*.pdf *.png *.jpg *.jpeg *.doc *.docx *.xls *.xlsx);;Mọi tệp (*)</source>
        <translation>Documents (*.pdf *.png *.jpg *.jpeg *.doc *.docx *.xls *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="846"/>
        <source>Không thêm được tài liệu: chỉ xem</source>
        <translation>Cannot add documents: read-only</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="858"/>
        <source>&apos;{name}&apos; không phải là tệp</source>
        <translation>&apos;{name}&apos; is not a file</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="862"/>
        <source>Tệp &apos;{name}&apos; ({size} MB) vượt giới hạn {limit} MB</source>
        <translation>File &apos;{name}&apos; ({size} MB) exceeds the {limit} MB limit</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="868"/>
        <source>Không đọc được tệp &apos;{name}&apos;: {error}</source>
        <translation>Cannot read file &apos;{name}&apos;: {error}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="892"/>
        <source>Đã thêm: {names}</source>
        <translation>Added: {names}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="905"/>
        <source>Không mở trực tiếp loại tệp này; hãy dùng “Lưu ra…”</source>
        <translation>This file type cannot be opened directly; use “Save as…”</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="913"/>
        <source>Không mở được &apos;{name}&apos;: {error}</source>
        <translation>Cannot open &apos;{name}&apos;: {error}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="917"/>
        <source>Không có ứng dụng nào mở được &apos;{name}&apos;</source>
        <translation>No application can open &apos;{name}&apos;</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="925"/>
        <source>Lưu tài liệu kiểm chứng</source>
        <translation>Save evidence document</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="932"/>
        <source>Không lưu được &apos;{name}&apos;: {error}</source>
        <translation>Cannot save &apos;{name}&apos;: {error}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="935"/>
        <source>Đã lưu ra {path}</source>
        <translation>Saved to {path}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="943"/>
        <source>Xóa tài liệu kiểm chứng</source>
        <translation>Remove evidence document</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="944"/>
        <source>Xóa tài liệu “{name}” khỏi tiêu chí {code}?</source>
        <translation>Remove document “{name}” from criterion {code}?</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="957"/>
        <source>Đã xóa: {name}</source>
        <translation>Removed: {name}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="967"/>
        <source>Kéo thả tệp vào đây hoặc bấm “Thêm…”</source>
        <translation>Drag and drop files here or click “Add…”</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="990"/>
        <source>Không xem trước được</source>
        <translation>No preview available</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="747"/>
        <source>Thiết lập xếp hạng và xếp loại</source>
        <translation>Ranking and classification settings</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="774"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="775"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="776"/>
        <source>Mặc định</source>
        <translation>Defaults</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="777"/>
        <source>Đưa mọi thiết lập trong hộp thoại về mặc định (chỉ ghi khi bấm Lưu)</source>
        <translation>Reset every setting in this dialog to its default (saved only when you click Save)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="803"/>
        <source>Xếp hạng khi bằng chỉ số</source>
        <translation>Ranking on equal index</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="805"/>
        <source>Đồng hạng (1, 2, 2, 4)</source>
        <translation>Shared rank (1, 2, 2, 4)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="806"/>
        <source>Phân định theo tiêu chí phụ</source>
        <translation>Break ties with tie-breakers</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="833"/>
        <source>Lên</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="834"/>
        <source>Xuống</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="835"/>
        <source>Ưu tiên tiêu chí phụ đang chọn hơn</source>
        <translation>Give the selected tie-breaker a higher priority</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="836"/>
        <source>Ưu tiên tiêu chí phụ đang chọn kém hơn</source>
        <translation>Give the selected tie-breaker a lower priority</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="846"/>
        <source>Đánh dấu các tiêu chí phụ dùng để phân định; kéo thả hoặc dùng nút Lên, Xuống để đổi thứ tự ưu tiên.</source>
        <translation>Tick the tie-breakers to use; drag and drop or use the Up and Down buttons to change their priority.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="858"/>
        <source>Tiêu chí phụ, theo thứ tự ưu tiên:</source>
        <translation>Tie-breakers, in order of priority:</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="867"/>
        <source>Tính điểm và hiển thị</source>
        <translation>Scoring and display</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="873"/>
        <source>{n} chữ số (ví dụ {sample})</source>
        <translation>{n} digits (e.g. {sample})</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="877"/>
        <source>Số chữ số thập phân:</source>
        <translation>Decimal places:</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="882"/>
        <source>Điểm thưởng tối đa:</source>
        <translation>Max bonus points:</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="884"/>
        <source>Điểm trừ tối đa:</source>
        <translation>Max penalty points:</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="885"/>
        <source>không giới hạn</source>
        <translation>no limit</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="892"/>
        <source>Giới hạn chỉ số trong khoảng 0…100%</source>
        <translation>Limit the index to 0…100%</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="895"/>
        <source>Cho phép điểm thẩm định cao hơn điểm tự đánh giá (chỉ cảnh báo)</source>
        <translation>Allow appraisal scores above the self score (warning only)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="905"/>
        <source>Xếp loại người đứng đầu</source>
        <translation>Unit head classification</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="915"/>
        <source>Tùy chỉnh (JSON)</source>
        <translation>Custom (JSON)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="935"/>
        <source>Quy tắc, xét lần lượt từ trên xuống:</source>
        <translation>Rules, applied in order from the top:</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="1006"/>
        <source>Mỗi quy tắc: grade (xuat_sac, tot, hoan_thanh, khong_hoan_thanh), min_index, max_rank, component_min, quota (0…1), quota_base.</source>
        <translation>Each rule: grade (xuat_sac, tot, hoan_thanh, khong_hoan_thanh), min_index, max_rank, component_min, quota (0…1), quota_base.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="1014"/>
        <source>Bộ quy tắc có sẵn, chỉ xem. Chọn «Tùy chỉnh (JSON)» để sửa từ bộ quy tắc này.</source>
        <translation>Built-in rule set, read-only. Choose “Custom (JSON)” to edit a copy of these rules.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="1107"/>
        <source>Chưa chọn tiêu chí phụ nào: các đơn vị bằng chỉ số vẫn đồng hạng.</source>
        <translation>No tie-breaker selected: units with an equal index still share a rank.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="1129"/>
        <source> (lỗi ở dòng {line}, cột {col})</source>
        <translation> (error at line {line}, column {col})</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="1132"/>
        <source> — nhập một số không âm, ví dụ 2 hoặc 1,5; để trống nếu không giới hạn</source>
        <translation> — enter a non-negative number, e.g. 2 or 1.5; leave blank for no limit</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../parapp/ui/app.py" line="59"/>
        <source>Đang tạo tỉnh mẫu…</source>
        <translation>Creating the demo province…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/app.py" line="78"/>
        <source>Không tạo được tỉnh mẫu</source>
        <translation>Could not create the demo province</translation>
    </message>
</context>
<context>
    <name>importing</name>
    <message>
        <location filename="../../parapp/ui/importing.py" line="102"/>
        <source>{path}: không mở được tệp để nhập ({error})</source>
        <translation>{path}: could not open the file for import ({error})</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="117"/>
        <source>{file}: không nhập được ({error}); không có dữ liệu nào được nhập</source>
        <translation>{file}: could not import ({error}); nothing was imported</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="167"/>
        <source>Đang hủy, không có thay đổi nào được ghi…</source>
        <translation>Cancelling, nothing will be written…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="198"/>
        <source>Nhập dữ liệu</source>
        <translation>Import data</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="200"/>
        <source>Đang nhập «{sheet}» từ {file}…</source>
        <translation>Importing “{sheet}” from {file}…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="202"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="233"/>
        <source>Việc nhập đã xong trước khi kịp hủy; các thay đổi đã được ghi.</source>
        <translation>The import finished before it could be cancelled; the changes were written.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="244"/>
        <source>Không nhập được dữ liệu</source>
        <translation>Could not import the data</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="247"/>
        <source>Đã hủy nhập, không có thay đổi nào.</source>
        <translation>Import cancelled, nothing was changed.</translation>
    </message>
</context>
</TS>
