<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi_VN">
<context>
    <name>AnalysisWindow</name>
    <message>
        <location filename="../../forms/analysis_window.ui" line="14"/>
        <source>Điểm bị trừ ở đâu</source>
        <translation>Where the points were lost</translation>
    </message>
    <message>
        <location filename="../../forms/analysis_window.ui" line="22"/>
        <source>&amp;Khối:</source>
        <translation>&amp;Block:</translation>
    </message>
    <message>
        <location filename="../../forms/analysis_window.ui" line="35"/>
        <source>Đơn &amp;vị:</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <location filename="../../forms/analysis_window.ui" line="51"/>
        <source>Đơn vị &amp;bị trừ điểm ở đâu</source>
        <translation>Where the unit &amp;lost points</translation>
    </message>
    <message>
        <location filename="../../forms/analysis_window.ui" line="64"/>
        <source>Điểm bị trừ theo tiêu chí</source>
        <translation>Points lost by criterion</translation>
    </message>
    <message>
        <location filename="../../forms/analysis_window.ui" line="86"/>
        <source>Theo &amp;tiêu chí thành phần</source>
        <translation>By &amp;sub-criterion</translation>
    </message>
    <message>
        <location filename="../../forms/analysis_window.ui" line="109"/>
        <source>Tự đánh giá &amp;so với kết quả</source>
        <translation>Self scores &amp;vs the result</translation>
    </message>
    <message>
        <location filename="../../forms/analysis_window.ui" line="115"/>
        <source>Các đơn vị tự đánh giá cao hơn điểm được công nhận: số tiêu chí, tổng chênh lệch và các lĩnh vực chênh nhiều nhất (nguồn chính của khiếu nại, giải trình).</source>
        <translation>The units whose self scores were above the points recognised: how many criteria, the gap in all, and the areas with the largest gaps (the main source of disputes and explanations).</translation>
    </message>
    <message>
        <location filename="../../forms/analysis_window.ui" line="142"/>
        <source>Bản đồ &amp;nhiệt</source>
        <translation>&amp;Heat map</translation>
    </message>
    <message>
        <location filename="../../forms/analysis_window.ui" line="148"/>
        <location filename="../../parapp/ui/analysis_view.py" line="289"/>
        <source>Tỷ lệ điểm đạt so với tối đa của từng lĩnh vực (đỏ: thấp, xanh: cao). Nhấn vào một ô để xem đơn vị và lĩnh vực đó trong tab Chấm điểm.</source>
        <translation>The share of each area&apos;s maximum reached (red: low, green: high). Click a cell to see that unit and area in the Scoring tab.</translation>
    </message>
    <message>
        <location filename="../../forms/analysis_window.ui" line="172"/>
        <source>&amp;Phân bố chỉ số</source>
        <translation>Index &amp;distribution</translation>
    </message>
    <message>
        <location filename="../../forms/analysis_window.ui" line="178"/>
        <source>Chỉ số CCHC của các đơn vị được xếp hạng trong khối, giữa các ngưỡng xếp loại người đứng đầu; màu của chấm là xếp loại đã có. Di chuột lên một chấm để xem đơn vị, nhấn để chọn đơn vị đó, nhấn đúp để xem đơn vị bị trừ điểm ở đâu.</source>
        <translation>The PAR indexes of the block&apos;s ranked units between the heads&apos; classification thresholds; a dot&apos;s colour is the classification given. Hover over a dot to see the unit, click to choose it, double-click to see where it lost points.</translation>
    </message>
    <message>
        <location filename="../../forms/analysis_window.ui" line="246"/>
        <source>&amp;Xuất Excel…</source>
        <translation>&amp;Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../forms/analysis_window.ui" line="269"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="154"/>
        <source>Tiêu chí</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="154"/>
        <source>Tối đa</source>
        <translation>Max</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="154"/>
        <source>Tự đánh giá</source>
        <translation>Self score</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="155"/>
        <source>Đạt</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="155"/>
        <source>Bị trừ</source>
        <translation>Lost</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="155"/>
        <source>Bình quân khối</source>
        <translation>Block average</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="156"/>
        <source>Cao nhất khối</source>
        <translation>Block best</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="156"/>
        <source>Lý do trừ điểm</source>
        <translation>Reason for the deduction</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="157"/>
        <source>Cơ quan thẩm định</source>
        <translation>Appraised by</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="191"/>
        <source>{name} ({code}): bị trừ {lost} điểm trên {max} điểm tối đa áp dụng, ở {n} tiêu chí thành phần.</source>
        <translation>{name} ({code}): {lost} points lost of the {max} that apply, on {n} sub-criteria.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="202"/>
        <location filename="../../parapp/ui/analysis_view.py" line="236"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="202"/>
        <source>Tiêu chí thành phần</source>
        <translation>Sub-criterion</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="202"/>
        <source>Đơn vị bị trừ</source>
        <translation>Units losing</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="203"/>
        <source>Tỷ lệ đạt (%)</source>
        <translation>Reached (%)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="203"/>
        <source>Tổng điểm bị trừ</source>
        <translation>Points lost</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="204"/>
        <source>Bị trừ nhiều nhất</source>
        <translation>Lost most</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="204"/>
        <source>Lý do thường gặp</source>
        <translation>Usual reasons</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="205"/>
        <source>Tự đánh giá cao hơn</source>
        <translation>Over-scored</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="236"/>
        <source>Số tiêu chí tự đánh giá cao hơn</source>
        <translation>Criteria over-scored</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="236"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="237"/>
        <source>Tổng chênh lệch</source>
        <translation>Total gap</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="237"/>
        <source>Lĩnh vực chênh nhiều nhất</source>
        <translation>Largest by area</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="274"/>
        <source>Không áp dụng</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="280"/>
        <source>{unit} — {area}: {points}/{max} ({share}%)</source>
        <translation>{unit} — {area}: {points}/{max} ({share}%)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="297"/>
        <source>Mọi chỉ số</source>
        <translation>Any index</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="299"/>
        <source>Từ {low}% trở lên</source>
        <translation>{low}% and above</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="301"/>
        <source>Dưới {high}%</source>
        <translation>Below {high}%</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="302"/>
        <source>Từ {low}% đến dưới {high}%</source>
        <translation>{low}% to under {high}%</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="312"/>
        <source>Chỉ số CCHC</source>
        <translation>PAR index</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="312"/>
        <source>Mức theo ngưỡng</source>
        <translation>Threshold grade</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="312"/>
        <source>Số đơn vị</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="313"/>
        <source>Tỷ lệ (%)</source>
        <translation>Share (%)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="342"/>
        <source>{n} đơn vị được xếp hạng. Cao nhất: {top}% ({top_name}); thấp nhất: {low}% ({low_name}); bình quân: {average}%; trung vị: {median}%.</source>
        <translation>{n} units ranked. Highest: {top}% ({top_name}); lowest: {low}% ({low_name}); average: {average}%; median: {median}%.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="348"/>
        <source>Chưa có đơn vị nào của khối được xếp hạng.</source>
        <translation>No unit of the block is ranked yet.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="350"/>
        <source>Số đơn vị mỗi khoảng tính theo chỉ số; xếp loại còn theo điều kiện khác của quy tắc:</source>
        <translation>The units per band count the index alone; the classification also follows the rules&apos; other conditions:</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="76"/>
        <source>So sánh với năm trước</source>
        <translation>Compare with last year</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="83"/>
        <location filename="../../parapp/ui/compare_view.py" line="89"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="83"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="83"/>
        <location filename="../../parapp/ui/compare_view.py" line="109"/>
        <source>Khối</source>
        <translation>Block</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="83"/>
        <location filename="../../parapp/ui/compare_view.py" line="110"/>
        <source>Chỉ số</source>
        <translation>Index</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="84"/>
        <location filename="../../parapp/ui/compare_view.py" line="90"/>
        <source>Năm trước</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="84"/>
        <location filename="../../parapp/ui/compare_view.py" line="90"/>
        <source>Thay đổi</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="84"/>
        <location filename="../../parapp/ui/compare_view.py" line="110"/>
        <source>Hạng</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="85"/>
        <source>Hạng năm trước</source>
        <translation>Last rank</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="85"/>
        <source>Tăng/giảm hạng</source>
        <translation>Places</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="89"/>
        <source>Tiêu chí thành phần</source>
        <translation>Sub-criterion</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="89"/>
        <source>Tối đa</source>
        <translation>Max</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="90"/>
        <source>Năm nay</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="102"/>
        <source>So sánh</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="107"/>
        <source>Liên &amp;kết tệp kỳ trước…</source>
        <translation>&amp;Link last year&apos;s file…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="109"/>
        <source>Mã năm trước</source>
        <translation>Last year&apos;s code</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="108"/>
        <location filename="../../parapp/ui/compare_view.py" line="109"/>
        <location filename="../../parapp/ui/compare_view.py" line="124"/>
        <source>Đơn vị năm trước</source>
        <translation>Last year&apos;s units</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="82"/>
        <source>Đơn vị so với năm trước</source>
        <translation>Units against last year</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="88"/>
        <source>Tiêu chí của đơn vị</source>
        <translation>The unit&apos;s criteria</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="110"/>
        <source>Đơn vị năm nay</source>
        <translation>This year&apos;s unit</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="113"/>
        <source>&amp;Lưu ánh xạ</source>
        <translation>&amp;Save the mapping</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="126"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="178"/>
        <source>Kỳ đánh giá chưa liên kết kỳ năm trước. Liên kết ở thẻ «Đơn vị năm trước» (hoặc tạo kỳ mới từ tệp năm trước: Tệp › Mới…).</source>
        <translation>The period is not linked to last year&apos;s. Link it in the tab «Last year&apos;s units» (or create a new period from last year&apos;s file: File › New…).</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="186"/>
        <source>{block}: {n} đơn vị có kết quả năm {year}, chưa đơn vị nào có điểm năm nay.</source>
        <translation>{block}: {n} units with a {year} result, none scored yet this year.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="189"/>
        <source>{block}: {n} đơn vị có kết quả năm {year}; chỉ số bình quân {now}% (năm trước {then}%, {change}); {up} đơn vị tăng, {down} đơn vị giảm; tiêu chí cải thiện nhiều nhất {better}, giảm nhiều nhất {worse}.</source>
        <translation>{block}: {n} units with a {year} result; average index {now}% (last year {then}%, {change}); {up} rose, {down} fell; sub-criteria improved most {better}, fell most {worse}.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="197"/>
        <source>{n} đơn vị chưa có điểm năm nay.</source>
        <translation>{n} not scored yet this year.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="201"/>
        <source>‡ Suy ra từ các đơn vị năm trước đã sáp nhập vào đơn vị (bình quân; thứ hạng: vị trí của chỉ số bình quân trong bảng xếp hạng năm trước).</source>
        <translation>‡ Derived from last year&apos;s units merged into the unit (their average; rank: where that average index would have stood in last year&apos;s ranking).</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="231"/>
        <source>Suy ra từ: {units}</source>
        <translation>Derived from: {units}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="252"/>
        <source>{unit}: không có kết quả năm trước (chưa có đơn vị năm trước nào ánh xạ vào đơn vị này).</source>
        <translation>{unit}: no result last year (no unit of last year is mapped to it).</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="257"/>
        <source>{unit}: chưa có điểm năm nay; năm {year}: chỉ số {index}%.</source>
        <translation>{unit}: nothing scored yet this year; {year}: index {index}%.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="262"/>
        <source>{unit}: cải thiện nhiều nhất {up}; giảm nhiều nhất {down}.</source>
        <translation>{unit}: improved most {up}; fell most {down}.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="265"/>
        <source>Năm trước suy ra từ: {units}.</source>
        <translation>Last year derived from: {units}.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="281"/>
        <source>Tối đa năm trước {then}, năm nay {now}: điểm năm trước tính theo tỷ lệ trên mức tối đa năm nay</source>
        <translation>Maximum {then} last year, {now} this year: last year&apos;s points scaled to this year&apos;s maximum</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="291"/>
        <source>Chưa liên kết kỳ năm trước.</source>
        <translation>Not linked to last year&apos;s period.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="293"/>
        <source>Kỳ trước đã liên kết: {period}</source>
        <translation>Linked previous period: {period}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="300"/>
        <source>(không có đơn vị kế thừa)</source>
        <translation>(no successor)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="321"/>
        <source>Đơn vị năm nay chưa có đơn vị năm trước: {units}</source>
        <translation>This year&apos;s units without a unit of last year: {units}</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../parapp/ui/importing.py" line="179"/>
        <source>Điểm thẩm định đã nhập trong parapp</source>
        <translation>Appraisals entered in parapp</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parapp/ui/importing.py" line="181"/>
        <source>Tệp {file} có %n điểm thẩm định khác với điểm thành viên Hội đồng đã nhập trong parapp. Chưa có gì được ghi; chọn cách nhập:</source>
        <translation>
            <numerusform>{file} has %n appraisal that differs from the one council members entered in parapp. Nothing has been written yet; choose how to import:</numerusform>
            <numerusform>{file} has %n appraisals that differ from those council members entered in parapp. Nothing has been written yet; choose how to import:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="185"/>
        <source>&amp;Giữ điểm đã nhập trong parapp</source>
        <translation>&amp;Keep the appraisals entered in parapp</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="186"/>
        <source>Ghi đè bằng giá trị trong tệp &amp;Excel</source>
        <translation>Replace them with the &amp;Excel file&apos;s values</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="192"/>
        <source>Dòng</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="192"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="192"/>
        <source>Tiêu chí</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="192"/>
        <source>Vòng</source>
        <translation>Round</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="193"/>
        <source>Trong parapp</source>
        <translation>In parapp</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="193"/>
        <source>Lý do (parapp)</source>
        <translation>Reason (parapp)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="193"/>
        <source>Trong tệp Excel</source>
        <translation>In the Excel file</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="194"/>
        <source>Lý do (tệp Excel)</source>
        <translation>Reason (Excel file)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="194"/>
        <source>Khi nhập</source>
        <translation>On import</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parapp/ui/importing.py" line="218"/>
        <source>Ngoài ra, %n dòng có thay đổi khác được nhập dù chọn cách nào.</source>
        <translation>
            <numerusform>Besides, %n row with other changes is imported either way.</numerusform>
            <numerusform>Besides, %n rows with other changes are imported either way.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="220"/>
        <source>Tệp không có thay đổi nào khác.</source>
        <translation>The file has no other changes.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="223"/>
        <source>&amp;Nhập</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="225"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="246"/>
        <source>Thay bằng {value}</source>
        <translation>Replaced by {value}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="247"/>
        <source>Giữ {value}</source>
        <translation>Keeps {value}</translation>
    </message>
</context>
<context>
    <name>CouncilActions</name>
    <message>
        <location filename="../../parapp/ui/council.py" line="38"/>
        <source>Xuất gói cho thành viên Hội đồng</source>
        <translation>Export a council member&apos;s package</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/council.py" line="39"/>
        <source>Thành viên Hội đồng thẩm định:</source>
        <translation>Council member:</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/council.py" line="45"/>
        <source>Lưu gói</source>
        <translation>Save the package</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/council.py" line="46"/>
        <source>Tệp parapp (*.parapp)</source>
        <translation>parapp files (*.parapp)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/council.py" line="59"/>
        <source>Đang tạo gói cho {member}…</source>
        <translation>Making the package for {member}…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/council.py" line="55"/>
        <source>Đã tạo gói {file}: {leaves} tiêu chí × {units} đơn vị, {evidence} tài liệu</source>
        <translation>Package {file} written: {leaves} criteria × {units} units, {evidence} documents</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/council.py" line="71"/>
        <source>Xuất gói cho các đơn vị</source>
        <translation>Export the units&apos; packages</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/council.py" line="73"/>
        <source>Gói tự đánh giá</source>
        <translation>Self-assessment packages</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/council.py" line="73"/>
        <source>Gói giải trình sau thẩm định vòng 1</source>
        <translation>Explanation packages after round 1</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/council.py" line="75"/>
        <source>Loại gói:</source>
        <translation>Package type:</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/council.py" line="82"/>
        <source>Mọi khối</source>
        <translation>Every block</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/council.py" line="83"/>
        <source>Khối:</source>
        <translation>Block:</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/council.py" line="88"/>
        <source>Thư mục lưu các gói</source>
        <translation>Folder for the packages</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parapp/ui/council.py" line="102"/>
        <source>Đã tạo %n gói trong {folder}</source>
        <translation>
            <numerusform>Wrote %n package in {folder}</numerusform>
            <numerusform>Wrote %n packages in {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../parapp/ui/council.py" line="122"/>
        <source>Hợp nhất %n gói</source>
        <translation>
            <numerusform>Merge of %n package</numerusform>
            <numerusform>Merge of %n packages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parapp/ui/council.py" line="104"/>
        <source>Đang tạo gói cho các đơn vị…</source>
        <translation>Writing the units&apos; packages…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/council.py" line="129"/>
        <source>Đã hợp nhất và lưu vào tệp, nhưng không đọc lại được tệp để hiển thị: {error}
Hãy mở lại tệp để xem kết quả (Ctrl+Z vẫn hoàn tác được cả lần hợp nhất).</source>
        <translation>Merged and saved in the file, but the file could not be read again to show it: {error}
Open the file again to see the result (Ctrl+Z still undoes the whole merge).</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/council.py" line="132"/>
        <source>Đang đọc lại tệp…</source>
        <translation>Reading the file again…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/council.py" line="148"/>
        <source>Đã niêm phong gói; gửi tệp {file} cho Tổ thư ký</source>
        <translation>Package sealed; send {file} to the secretariat</translation>
    </message>
</context>
<context>
    <name>CriteriaModel</name>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="74"/>
        <source>Thiếu TLKC</source>
        <translation>Missing evidence</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="76"/>
        <source>Thiếu lý do</source>
        <translation>No reason</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="78"/>
        <source>Bị trừ điểm</source>
        <translation>Deducted</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="80"/>
        <location filename="../../parapp/ui/criteria_model.py" line="96"/>
        <source>Chưa thẩm định</source>
        <translation>Not appraised</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="87"/>
        <source>Thiếu tài liệu kiểm chứng (tiêu chí bắt buộc có tài liệu kiểm chứng)</source>
        <translation>Missing evidence (this criterion requires evidence documents)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="90"/>
        <source>Điểm thẩm định khác điểm tự đánh giá nhưng chưa ghi lý do</source>
        <translation>The appraisal score differs from the self score but no reason is given</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="93"/>
        <source>Điểm thẩm định thấp hơn điểm tự đánh giá</source>
        <translation>The appraisal score is lower than the self score</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="508"/>
        <source>Điểm lấy từ {source}</source>
        <translation>Points come from {source}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="511"/>
        <source>Bắt buộc có tài liệu kiểm chứng ({count} tệp)</source>
        <translation>Evidence required (files: {count})</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="516"/>
        <source>Đơn vị chưa tự đánh giá tiêu chí này</source>
        <translation>The unit has not self-assessed this criterion</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="546"/>
        <source>Điểm đơn vị tự đánh giá. Tiêu chí lấy điểm từ SIPAS, ĐTXHH không có điểm tự đánh giá.</source>
        <translation>Points the unit gave itself. Criteria scored from SIPAS or the survey have no self score.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="554"/>
        <source>Điểm thẩm định trừ điểm tự đánh giá, chỉ tính các tiêu chí đơn vị tự đánh giá; để trống khi bằng 0.</source>
        <translation>Appraisal score minus self score, only for criteria the unit self-assesses; blank when 0.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="518"/>
        <source>Chưa thẩm định: tạm tính bằng điểm tự đánh giá</source>
        <translation>Not appraised: the self score counts for now</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="523"/>
        <source>{status}: {count} tiêu chí</source>
        <translation>{status} (criteria: {count})</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="534"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="535"/>
        <source>Nội dung</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="536"/>
        <source>Điểm tối đa</source>
        <translation>Max points</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="537"/>
        <source>Tự đánh giá</source>
        <translation>Self score</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="538"/>
        <source>Thẩm định</source>
        <translation>Appraisal</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="539"/>
        <source>Chênh lệch</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="540"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="550"/>
        <source>Điểm được tính: điểm thẩm định (vòng 2 nếu có), điểm tự chấm nếu chưa thẩm định, điểm quy đổi từ SIPAS, ĐTXHH.</source>
        <translation>Points counted: the appraisal score (the second appraisal if any), the self score if not yet appraised, or points converted from SIPAS or the survey.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/criteria_model.py" line="558"/>
        <source>Thiếu TLKC: thiếu tài liệu kiểm chứng; Bị trừ điểm: điểm thẩm định thấp hơn tự đánh giá; Chưa thẩm định; Thiếu lý do: điểm thẩm định khác tự đánh giá mà chưa ghi lý do. Dòng cha gộp trạng thái của các tiêu chí con.</source>
        <translation>Missing evidence: evidence documents are missing; Deducted: the appraisal score is below the self score; Not appraised; No reason: the appraisal score differs from the self score but no reason is given. Parent rows combine the statuses of their sub-criteria.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="106"/>
        <source>không xếp hạng</source>
        <translation>not ranked</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="109"/>
        <source>đồng hạng</source>
        <translation>shared rank</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="111"/>
        <source>phân định theo {what}</source>
        <translation>decided by {what}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="114"/>
        <source>điều chỉnh xếp loại: {reason}</source>
        <translation>classification adjusted: {reason}</translation>
    </message>
    <message>
        <location filename="../../forms/dashboard.ui" line="19"/>
        <source>&amp;Khối:</source>
        <translation>&amp;Block:</translation>
    </message>
    <message>
        <location filename="../../forms/dashboard.ui" line="55"/>
        <source>Thiết lập xếp hạng, xếp loại…</source>
        <translation>Ranking and classification settings…</translation>
    </message>
    <message>
        <location filename="../../forms/dashboard.ui" line="73"/>
        <source>Đang xem trước thiết lập chưa lưu: thứ hạng và xếp loại chỉ để tham khảo.</source>
        <translation>Previewing unsaved settings: ranks and classifications are for reference only.</translation>
    </message>
    <message>
        <location filename="../../forms/dashboard.ui" line="104"/>
        <source>Bảng xếp hạng</source>
        <translation>Ranking table</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="617"/>
        <source>Chưa mở tệp nào: Tệp › Mở… một tệp, hoặc Tệp › Mới… để tạo kỳ đánh giá</source>
        <translation>No file open: File › Open… a file, or File › New… to make a period</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="674"/>
        <source>Chưa có dữ liệu</source>
        <translation>No data yet</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="679"/>
        <source>{n} đơn vị được xếp hạng</source>
        <translation>Ranked units: {n}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="681"/>
        <source>{n} không xếp hạng</source>
        <translation>Not ranked: {n}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="683"/>
        <source>{n} nhóm đồng hạng</source>
        <translation>Shared-rank groups: {n}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="691"/>
        <source>Xếp loại người đứng đầu các đơn vị của khối</source>
        <translation>Classification of the unit heads in this block</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="693"/>
        <source>Toàn tỉnh ({n} đơn vị): {counts}</source>
        <translation>Whole province ({n} units): {counts}</translation>
    </message>
</context>
<context>
    <name>DistributionChart</name>
    <message>
        <location filename="../../parapp/ui/distribution_chart.py" line="50"/>
        <source>Biểu đồ phân bố chỉ số của khối</source>
        <translation>Chart of the block&apos;s index distribution</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/distribution_chart.py" line="106"/>
        <source>{grade} ≥ {value}%</source>
        <translation>{grade} ≥ {value}%</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/distribution_chart.py" line="215"/>
        <source>Không có đơn vị được xếp hạng trong khối</source>
        <translation>No ranked unit in the block</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/distribution_chart.py" line="243"/>
        <source>Chỉ số CCHC (%)</source>
        <translation>PAR index (%)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/distribution_chart.py" line="279"/>
        <source>Chỉ số: {index}%</source>
        <translation>Index: {index}%</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/distribution_chart.py" line="280"/>
        <source>Hạng: {rank}</source>
        <translation>Rank: {rank}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/distribution_chart.py" line="282"/>
        <source>Xếp loại: {grade}</source>
        <translation>Classification: {grade}</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <location filename="../../parapp/ui/document.py" line="152"/>
        <source>{message}.

Tệp được mở ở chế độ chỉ xem: không sửa được điểm, không nhập được dữ liệu. Hãy mở lại khi cửa sổ kia đã đóng tệp.</source>
        <translation>{message}.

The file is open read-only: scores cannot be changed and nothing can be imported. Open it again once the other window has closed it.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/document.py" line="157"/>
        <source>{message}: tệp được mở ở chế độ chỉ xem.</source>
        <translation>{message}: the file is open read-only.</translation>
    </message>
</context>
<context>
    <name>DocumentSettingsDialog</name>
    <message>
        <location filename="../../forms/document_settings.ui" line="14"/>
        <source>Thông tin văn bản công bố</source>
        <translation>Published documents&apos; details</translation>
    </message>
    <message>
        <location filename="../../forms/document_settings.ui" line="20"/>
        <source>Những gì in trên quyết định, các phụ lục và thông báo kết quả. Ô để trống dùng nội dung mặc định (chữ mờ).</source>
        <translation>What the decision, its annexes and the result notices print. An empty field prints the default (shown greyed).</translation>
    </message>
    <message>
        <location filename="../../forms/document_settings.ui" line="34"/>
        <source>&amp;Quyết định và phụ lục</source>
        <translation>&amp;Decision and annexes</translation>
    </message>
    <message>
        <location filename="../../forms/document_settings.ui" line="45"/>
        <location filename="../../forms/document_settings.ui" line="261"/>
        <source>Cơ quan &amp;chủ quản:</source>
        <translation>&amp;Parent body:</translation>
    </message>
    <message>
        <location filename="../../forms/document_settings.ui" line="59"/>
        <source>Cơ quan &amp;ban hành:</source>
        <translation>&amp;Issuing body:</translation>
    </message>
    <message>
        <location filename="../../forms/document_settings.ui" line="73"/>
        <source>&amp;Số quyết định:</source>
        <translation>&amp;Number:</translation>
    </message>
    <message>
        <location filename="../../forms/document_settings.ui" line="87"/>
        <source>Ngà&amp;y ký:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../forms/document_settings.ui" line="101"/>
        <source>Địa &amp;danh:</source>
        <translation>P&amp;lace:</translation>
    </message>
    <message>
        <location filename="../../forms/document_settings.ui" line="152"/>
        <location filename="../../forms/document_settings.ui" line="340"/>
        <source>Họ tên &amp;người ký:</source>
        <translation>Signer&apos;s na&amp;me:</translation>
    </message>
    <message>
        <location filename="../../forms/document_settings.ui" line="166"/>
        <source>Căn cứ &amp;pháp lý:</source>
        <translation>Legal &amp;bases:</translation>
    </message>
    <message>
        <location filename="../../forms/document_settings.ui" line="189"/>
        <source>Đề n&amp;ghị:</source>
        <translation>Pr&amp;oposal:</translation>
    </message>
    <message>
        <location filename="../../forms/document_settings.ui" line="217"/>
        <source>Nơ&amp;i nhận:</source>
        <translation>&amp;Recipients:</translation>
    </message>
    <message>
        <location filename="../../forms/document_settings.ui" line="240"/>
        <source>&amp;Mỗi khối một phụ lục xếp hạng (không chọn: một phụ lục, mỗi khối một mục)</source>
        <translation>One ranking annex &amp;per block (unchecked: one annex, a section per block)</translation>
    </message>
    <message>
        <location filename="../../forms/document_settings.ui" line="275"/>
        <source>Cơ quan thông &amp;báo:</source>
        <translation>Is&amp;suing body:</translation>
    </message>
    <message>
        <location filename="../../forms/document_settings.ui" line="115"/>
        <location filename="../../forms/document_settings.ui" line="303"/>
        <source>&amp;Thẩm quyền ký:</source>
        <translation>Signing &amp;authority:</translation>
    </message>
    <message>
        <location filename="../../forms/document_settings.ui" line="138"/>
        <location filename="../../forms/document_settings.ui" line="326"/>
        <source>C&amp;hức vụ người ký:</source>
        <translation>Signer&apos;s &amp;title:</translation>
    </message>
    <message>
        <location filename="../../forms/document_settings.ui" line="203"/>
        <source>Thi hành (Điều &amp;3):</source>
        <translation>Executed by (Article &amp;3):</translation>
    </message>
    <message>
        <location filename="../../forms/document_settings.ui" line="250"/>
        <source>Thông báo &amp;kết quả</source>
        <translation>Result &amp;notices</translation>
    </message>
    <message>
        <location filename="../../forms/document_settings.ui" line="289"/>
        <source>&amp;Số thông báo:</source>
        <translation>&amp;Number:</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/document_settings.py" line="58"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/document_settings.py" line="59"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../parapp/ui/errors.py" line="133"/>
        <source>Đã xảy ra lỗi không mong đợi. Dữ liệu đã ghi không bị mất; thao tác vừa rồi có thể chưa được thực hiện.</source>
        <translation>An unexpected error occurred. Saved data is not lost; the last action may not have been carried out.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/errors.py" line="138"/>
        <source>Lỗi đã xảy ra {n} lần.</source>
        <translation>The error occurred {n} times.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/errors.py" line="139"/>
        <source>Chi tiết đã được ghi vào nhật ký:
{path}</source>
        <translation>Details were written to the log:
{path}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/errors.py" line="141"/>
        <source>Không ghi được nhật ký: bấm «Sao chép» để giữ chi tiết.</source>
        <translation>The log cannot be written: click «Copy» to keep the details.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/errors.py" line="160"/>
        <source>&amp;Sao chép</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/errors.py" line="161"/>
        <source>&amp;Mở thư mục nhật ký</source>
        <translation>&amp;Open log folder</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="170"/>
        <source>Tài liệu kiểm chứng ({count})</source>
        <translation>Evidence ({count})</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="171"/>
        <source>Tài liệu kiểm chứng</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="180"/>
        <source>Chưa có tài liệu kiểm chứng (tiêu chí bắt buộc có)</source>
        <translation>No evidence yet (required for this criterion)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="202"/>
        <source>Thêm tài liệu kiểm chứng</source>
        <translation>Add evidence</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="203"/>
        <source>Tài liệu (*.pdf *.png *.jpg *.jpeg *.doc *.docx *.xls *.xlsx);;Mọi tệp (*)</source>
        <translation>Documents (*.pdf *.png *.jpg *.jpeg *.doc *.docx *.xls *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="213"/>
        <source>Không thêm được tài liệu: chỉ xem</source>
        <translation>Cannot add documents: read-only</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="219"/>
        <location filename="../../parapp/ui/evidence_panel.py" line="352"/>
        <source>Tài liệu kiểm chứng {unit}, tiêu chí {criterion}</source>
        <translation>Evidence {unit}, criterion {criterion}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="258"/>
        <source>Đang thêm tài liệu kiểm chứng…</source>
        <translation>Adding evidence…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="265"/>
        <source>&apos;{name}&apos; không phải là tệp</source>
        <translation>&apos;{name}&apos; is not a file</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="268"/>
        <source>Tệp &apos;{name}&apos; ({size} MB) vượt giới hạn {limit} MB</source>
        <translation>File &apos;{name}&apos; ({size} MB) exceeds the {limit} MB limit</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="273"/>
        <source>Không đọc được tệp &apos;{name}&apos;: {error}</source>
        <translation>Cannot read file &apos;{name}&apos;: {error}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="250"/>
        <source>Đã thêm: {names}</source>
        <translation>Added: {names}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="284"/>
        <source>Không mở trực tiếp loại tệp này; hãy dùng “Lưu ra…”</source>
        <translation>This file type cannot be opened directly; use “Save as…”</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="309"/>
        <source>Không mở được &apos;{name}&apos;: {error}</source>
        <translation>Cannot open &apos;{name}&apos;: {error}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="305"/>
        <source>Không có ứng dụng nào mở được &apos;{name}&apos;</source>
        <translation>No application can open &apos;{name}&apos;</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="311"/>
        <source>Đang mở {name}…</source>
        <translation>Opening {name}…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="320"/>
        <source>Lưu tài liệu kiểm chứng</source>
        <translation>Save evidence document</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="330"/>
        <source>Không lưu được &apos;{name}&apos;: {error}</source>
        <translation>Cannot save &apos;{name}&apos;: {error}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="333"/>
        <source>Đang lưu {name}…</source>
        <translation>Saving {name}…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="334"/>
        <source>Đã lưu ra {path}</source>
        <translation>Saved to {path}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="343"/>
        <source>Xóa tài liệu kiểm chứng</source>
        <translation>Remove evidence document</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="344"/>
        <source>Xóa tài liệu “{name}” khỏi tiêu chí {code}?</source>
        <translation>Remove document “{name}” from criterion {code}?</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="363"/>
        <source>Đã xóa: {name}</source>
        <translation>Removed: {name}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="365"/>
        <source>Đang xóa tài liệu kiểm chứng…</source>
        <translation>Removing evidence…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="374"/>
        <source>Kéo thả tệp vào đây hoặc bấm “Thêm…”</source>
        <translation>Drag and drop files here or click “Add…”</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="379"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="381"/>
        <source>Đang xem trước {name}…</source>
        <translation>Previewing {name}…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/evidence_panel.py" line="396"/>
        <source>Không xem trước được</source>
        <translation>No preview available</translation>
    </message>
</context>
<context>
    <name>ExcelMenus</name>
    <message>
        <location filename="../../parapp/ui/excel.py" line="85"/>
        <source>Tạo mẫu &amp;Excel</source>
        <translation>&amp;Excel template</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="86"/>
        <source>&amp;Xuất Excel</source>
        <translation>E&amp;xport to Excel</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="69"/>
        <source>N&amp;hập từ Excel</source>
        <translation>&amp;Import from Excel</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="96"/>
        <source>Mỗi tiêu chí một dòng, điền sẵn điểm, giải trình, điểm thẩm định và lý do hiện có: sửa rồi nhập lại, chỉ những ô đã sửa được ghi</source>
        <translation>One row per criterion, prefilled with the current scores, explanations, appraisals and reasons: edit it and import it back, and only the edited cells are written</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="100"/>
        <source>Mỗi đơn vị × tiêu chí một dòng, điền sẵn giá trị hiện có</source>
        <translation>One row per unit × criterion, prefilled with the current values</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="112"/>
        <source>Đơn vị của kỳ trước đã liên kết và đơn vị năm nay kế thừa, điền sẵn: sửa cột «Mã đơn vị năm nay» rồi nhập lại</source>
        <translation>The linked previous period&apos;s units and this year&apos;s successors, filled in: edit the column «Mã đơn vị năm nay» and import it back</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="119"/>
        <source>Bảng điểm chi tiết để in: mọi tiêu chí với điểm tối đa, tự đánh giá, thẩm định, chênh lệch và lý do</source>
        <translation>Detailed printable score sheet: every criterion with its maximum, self score, appraisal, difference and reason</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="124"/>
        <source>Mỗi đơn vị trong khối của đơn vị đang chọn một trang</source>
        <translation>One sheet per unit in the selected unit&apos;s block</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="127"/>
        <source>Mỗi khối một trang: điểm từng lĩnh vực, tổng điểm, chỉ số, xếp hạng, xếp loại người đứng đầu</source>
        <translation>One sheet per block: points per area, total, index, rank, head classification</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="131"/>
        <source>Mọi trang nhập liệu (tiêu chí, đơn vị, điểm, khảo sát, thưởng/trừ): nhập lại được, hoặc dùng để tạo kỳ mới</source>
        <translation>Every import sheet (criteria, units, scores, surveys, bonuses/penalties): re-importable, or the start of a new period</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="136"/>
        <source>Các lần hợp nhất gói của thành viên: thay đổi, xung đột và cách giải quyết</source>
        <translation>The merges of members&apos; packages: changes, conflicts and how they were resolved</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="172"/>
        <source>Nhập «{sheet}» từ Excel</source>
        <translation>Import “{sheet}” from Excel</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="197"/>
        <source>Đã nhập từ {file}; Ctrl+Z để hoàn tác cả lần nhập.</source>
        <translation>Imported from {file}; Ctrl+Z undoes the whole import.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="220"/>
        <source>Lưu mẫu Excel</source>
        <translation>Save Excel template</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="247"/>
        <source>Xuất Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="43"/>
        <source>Sổ tính Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="71"/>
        <location filename="../../parapp/ui/excel.py" line="89"/>
        <source>&amp;Bộ tiêu chí…</source>
        <translation>&amp;Criteria set…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="72"/>
        <location filename="../../parapp/ui/excel.py" line="91"/>
        <source>Đơn &amp;vị…</source>
        <translation>&amp;Units…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="73"/>
        <source>Đ&amp;iểm…</source>
        <translation>&amp;Scores…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="74"/>
        <location filename="../../parapp/ui/excel.py" line="103"/>
        <source>Kết quả &amp;SIPAS, ĐTXHH…</source>
        <translation>SIPAS and survey &amp;results…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="75"/>
        <location filename="../../parapp/ui/excel.py" line="105"/>
        <source>Kết quả &amp;khảo sát theo tiêu chí…</source>
        <translation>Survey results &amp;per criterion…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="76"/>
        <location filename="../../parapp/ui/excel.py" line="107"/>
        <source>&amp;Danh mục điểm thưởng, điểm trừ…</source>
        <translation>&amp;Bonus and penalty catalogue…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="77"/>
        <location filename="../../parapp/ui/excel.py" line="109"/>
        <source>Điểm t&amp;hưởng, điểm trừ…</source>
        <translation>Bonus and penalty p&amp;oints…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="78"/>
        <location filename="../../parapp/ui/excel.py" line="111"/>
        <source>Đơn vị năm t&amp;rước (sắp xếp, sáp nhập)…</source>
        <translation>&amp;Last year&apos;s units (reorganisations)…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="95"/>
        <source>Điểm của đơn vị đang &amp;chọn…</source>
        <translation>Scores of the &amp;selected unit…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="99"/>
        <source>Điểm của &amp;mọi đơn vị…</source>
        <translation>Scores of &amp;all units…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="118"/>
        <source>Bảng điểm của đơn vị đang &amp;chọn…</source>
        <translation>Score sheet of the &amp;selected unit…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="123"/>
        <source>Bảng điểm các đơn vị cùng &amp;khối…</source>
        <translation>Score sheets of the units in its &amp;block…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="126"/>
        <source>&amp;Tổng hợp theo khối…</source>
        <translation>S&amp;ummary per block…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="130"/>
        <source>T&amp;oàn bộ dữ liệu…</source>
        <translation>&amp;All data…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="135"/>
        <source>Báo cáo &amp;hợp nhất gói…</source>
        <translation>Package &amp;merge report…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="173"/>
        <source>Sổ tính (*.xlsx *.xls *.ods)</source>
        <translation>Workbooks (*.xlsx *.xls *.ods)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="268"/>
        <source>Đang ghi {file}…</source>
        <translation>Writing {file}…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/excel.py" line="267"/>
        <source>Đã ghi {path}</source>
        <translation>Wrote {path}</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../parapp/ui/file_actions.py" line="44"/>
        <source>Mở ở chế độ chỉ xem</source>
        <translation>Opened read-only</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/file_actions.py" line="53"/>
        <source>Đang mở {file}…</source>
        <translation>Opening {file}…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/file_actions.py" line="64"/>
        <source>{path}: không đọc được tệp ({error})</source>
        <translation>{path}: cannot read the file ({error})</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/file_actions.py" line="77"/>
        <source>(chưa có)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/file_actions.py" line="90"/>
        <source>Lưu kỳ đánh giá mới</source>
        <translation>Save the new assessment period</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/file_actions.py" line="91"/>
        <location filename="../../parapp/ui/file_actions.py" line="133"/>
        <source>Tệp parapp (*.parapp)</source>
        <translation>parapp files (*.parapp)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/file_actions.py" line="119"/>
        <source>Không tạo được kỳ đánh giá</source>
        <translation>Could not create the assessment period</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/file_actions.py" line="124"/>
        <source>Đang tạo kỳ đánh giá…</source>
        <translation>Creating the period…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/file_actions.py" line="132"/>
        <source>Lưu bản sao</source>
        <translation>Save a copy</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/file_actions.py" line="144"/>
        <source>Không lưu được bản sao</source>
        <translation>Could not save the copy</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/file_actions.py" line="145"/>
        <source>{path}: {error}</source>
        <translation>{path}: {error}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/file_actions.py" line="148"/>
        <source>Đã lưu bản sao: {path}</source>
        <translation>Copy saved: {path}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/file_actions.py" line="156"/>
        <source>Đang lưu bản sao…</source>
        <translation>Saving a copy…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/file_actions.py" line="169"/>
        <source>Đang đóng tệp…</source>
        <translation>Closing the file…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/file_actions.py" line="174"/>
        <source>Không mở được tệp</source>
        <translation>Cannot open the file</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/file_actions.py" line="180"/>
        <source>Mở tệp đánh giá</source>
        <translation>Open assessment file</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/file_actions.py" line="181"/>
        <source>Tệp parapp (*.parapp);;Mọi tệp (*)</source>
        <translation>parapp files (*.parapp);;All files (*)</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../parapp/ui/undo.py" line="92"/>
        <source>Không hoàn tác được</source>
        <translation>Cannot undo</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/undo.py" line="104"/>
        <source>&amp;Hoàn tác: {what}</source>
        <translation>&amp;Undo: {what}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/undo.py" line="105"/>
        <source>&amp;Hoàn tác</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/undo.py" line="106"/>
        <source>&amp;Làm lại: {what}</source>
        <translation>&amp;Redo: {what}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/undo.py" line="107"/>
        <source>&amp;Làm lại</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/undo.py" line="129"/>
        <source>Đã hoàn tác: {what}</source>
        <translation>Undone: {what}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/undo.py" line="130"/>
        <source>Đã làm lại: {what}</source>
        <translation>Redone: {what}</translation>
    </message>
</context>
<context>
    <name>IndexChart</name>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="153"/>
        <source>Biểu đồ chỉ số cải cách hành chính theo đơn vị</source>
        <translation>PAR Index chart by unit</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="263"/>
        <source>Không có đơn vị nào trong khối này</source>
        <translation>No units in this block</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="300"/>
        <source>Chỉ số (%)</source>
        <translation>Index (%)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="368"/>
        <source>Chỉ số: {index}%</source>
        <translation>Index: {index}%</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="370"/>
        <source>Hạng: {rank}</source>
        <translation>Rank: {rank}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="371"/>
        <source>Không xếp hạng</source>
        <translation>Not ranked</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="374"/>
        <source>Xếp loại: {grade}</source>
        <translation>Classification: {grade}</translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <location filename="../../parapp/ui/seal_dialog.py" line="74"/>
        <source>Tạo khóa niêm phong cho {member}</source>
        <translation>Create a sealing key for {member}</translation>
    </message>
    <message>
        <location filename="../../forms/key_dialog.ui" line="32"/>
        <source>Khóa riêng dùng để niêm phong các gói bạn gửi lại Tổ thư ký; nó ở lại trên máy này. Nên đặt mật khẩu cho khóa (để trống: không đặt).</source>
        <translation>The private key seals the packages you send back to the secretariat; it stays on this computer. A passphrase for the key is recommended (empty: none).</translation>
    </message>
    <message>
        <location filename="../../forms/key_dialog.ui" line="44"/>
        <source>Tệ&amp;p khóa:</source>
        <translation>&amp;Key file:</translation>
    </message>
    <message>
        <location filename="../../forms/key_dialog.ui" line="59"/>
        <source>Chọn nơi lưu…</source>
        <translation>Choose where…</translation>
    </message>
    <message>
        <location filename="../../forms/key_dialog.ui" line="68"/>
        <source>&amp;Mật khẩu:</source>
        <translation>P&amp;assphrase:</translation>
    </message>
    <message>
        <location filename="../../forms/key_dialog.ui" line="85"/>
        <source>&amp;Nhập lại mật khẩu:</source>
        <translation>R&amp;epeat the passphrase:</translation>
    </message>
    <message>
        <location filename="../../forms/key_dialog.ui" line="153"/>
        <source>&amp;Sao chép</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/seal_dialog.py" line="68"/>
        <source>&amp;Tạo khóa</source>
        <translation>C&amp;reate key</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/seal_dialog.py" line="70"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/seal_dialog.py" line="91"/>
        <source>Lưu khóa riêng</source>
        <translation>Save the private key</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/seal_dialog.py" line="93"/>
        <source>Khóa parapp (*.key)</source>
        <translation>parapp keys (*.key)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/seal_dialog.py" line="99"/>
        <source>Hai lần nhập mật khẩu không khớp.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/seal_dialog.py" line="120"/>
        <source>Đã tạo khóa: {path}
Khóa công khai: {public}

Gửi dấu vân tay dưới đây cho Tổ thư ký (công văn, điện thoại) để đăng ký khóa của {member}:</source>
        <translation>Key created: {path}
Public key: {public}

Send the fingerprint below to the secretariat (official letter, phone) to register the key of {member}:</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/seal_dialog.py" line="130"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../forms/main_window.ui" line="71"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
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
        <source>Cơ quan thành viên Hội đồng của bạn: dùng cho bộ lọc «Lĩnh vực tôi phụ trách»</source>
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
        <location filename="../../forms/main_window.ui" line="467"/>
        <source>&amp;Báo cáo</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="483"/>
        <source>&amp;Hiển thị</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="487"/>
        <source>&amp;Giao diện</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="495"/>
        <source>&amp;Ngôn ngữ</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="512"/>
        <source>&amp;Mở…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="515"/>
        <location filename="../../forms/main_window.ui" line="518"/>
        <source>Mở một tệp đánh giá (.parapp)</source>
        <translation>Open an assessment file (.parapp)</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="534"/>
        <source>&amp;Hoàn tác</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="537"/>
        <location filename="../../forms/main_window.ui" line="540"/>
        <source>Hoàn tác lần sửa điểm gần nhất</source>
        <translation>Undo the last score edit</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="548"/>
        <source>&amp;Làm lại</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="551"/>
        <location filename="../../forms/main_window.ui" line="554"/>
        <source>Làm lại lần sửa điểm vừa hoàn tác</source>
        <translation>Redo the score edit just undone</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="562"/>
        <source>&amp;Tìm đơn vị</source>
        <translation>&amp;Find unit</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="565"/>
        <location filename="../../forms/main_window.ui" line="568"/>
        <source>Lọc danh sách đơn vị theo tên hoặc mã</source>
        <translation>Filter the unit list by name or code</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="576"/>
        <source>&amp;Phân tích điểm bị trừ…</source>
        <translation>&amp;Analysis of lost points…</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="579"/>
        <location filename="../../forms/main_window.ui" line="582"/>
        <source>Đơn vị bị trừ điểm ở đâu, từng tiêu chí thành phần của khối, bản đồ nhiệt đơn vị × lĩnh vực</source>
        <translation>Where a unit lost points, each sub-criterion of the block, a heat map of units × areas</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="587"/>
        <source>&amp;So sánh với năm trước…</source>
        <translation>Compare &amp;with last year…</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="590"/>
        <location filename="../../forms/main_window.ui" line="593"/>
        <source>Chỉ số, thứ hạng và từng tiêu chí so với kỳ năm trước đã liên kết; đơn vị năm trước của mỗi đơn vị (sắp xếp, sáp nhập)</source>
        <translation>Index, rank and each criterion against the linked previous period; each unit&apos;s units of last year (reorganisations, mergers)</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="598"/>
        <source>T&amp;iến độ…</source>
        <translation>Pro&amp;gress…</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="601"/>
        <location filename="../../forms/main_window.ui" line="604"/>
        <source>Tiến độ từng đơn vị và từng thành viên Hội đồng, việc còn lại của giai đoạn; xuất Excel</source>
        <translation>Progress of every unit and council member, what the phase still waits for; export to Excel</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="609"/>
        <source>&amp;Giai đoạn…</source>
        <translation>&amp;Phase…</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="612"/>
        <location filename="../../forms/main_window.ui" line="615"/>
        <source>Giai đoạn của kỳ đánh giá (tự đánh giá, thẩm định, giải trình, phê duyệt…), hạn và lịch sử; chuyển giai đoạn</source>
        <translation>The period&apos;s phase (self-assessment, appraisal, explanation, approval…), its deadline and history; move to another phase</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="620"/>
        <source>&amp;Thiết lập xếp hạng, xếp loại…</source>
        <translation>&amp;Ranking and classification settings…</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="623"/>
        <location filename="../../forms/main_window.ui" line="626"/>
        <source>Cách xếp hạng, xếp loại người đứng đầu và hiển thị điểm của kỳ đánh giá</source>
        <translation>How the assessment period ranks units, classifies unit heads and shows scores</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="631"/>
        <source>&amp;Xuất gói cho thành viên Hội đồng…</source>
        <translation>&amp;Export a council member&apos;s package…</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="634"/>
        <location filename="../../forms/main_window.ui" line="637"/>
        <source>Tạo gói chấm điểm cho một thành viên Hội đồng thẩm định phần được giao, ngoại tuyến</source>
        <translation>Make a package for a council member to appraise its part offline</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="642"/>
        <source>Xuất gói cho các đơn &amp;vị…</source>
        <translation>Export packages for u&amp;nits…</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="645"/>
        <location filename="../../forms/main_window.ui" line="648"/>
        <source>Tạo gói tự đánh giá, hoặc gói giải trình sau vòng 1, cho mỗi đơn vị của một khối</source>
        <translation>Write a self-assessment package, or an explanation package after round 1, for every unit of a block</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="653"/>
        <source>&amp;Hợp nhất gói của thành viên…</source>
        <translation>&amp;Merge members&apos; packages…</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="656"/>
        <location filename="../../forms/main_window.ui" line="659"/>
        <source>Hợp nhất các gói đã niêm phong vào tệp này; xung đột được giải quyết có lý do</source>
        <translation>Merge sealed packages into this file; conflicts are resolved with a reason</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="664"/>
        <source>&amp;Niêm phong gói để gửi lại…</source>
        <translation>&amp;Seal the package to send back…</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="667"/>
        <location filename="../../forms/main_window.ui" line="670"/>
        <source>Ký niêm phong gói chấm điểm này bằng khóa của thành viên, để gửi lại Tổ thư ký</source>
        <translation>Seal this package with the member&apos;s key, to send it back to the secretariat</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="675"/>
        <source>Thông tin &amp;văn bản…</source>
        <translation>Document de&amp;tails…</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="678"/>
        <location filename="../../forms/main_window.ui" line="681"/>
        <source>Số, ngày, người ký, căn cứ, nơi nhận của quyết định; cơ quan và người ký thông báo kết quả</source>
        <translation>The decision&apos;s number, date, signer, legal bases and recipients; the result notices&apos; issuer and signer</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="686"/>
        <source>Báo cáo &amp;kết quả (kèm biểu đồ)…</source>
        <translation>Res&amp;ults report (with charts)…</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="689"/>
        <location filename="../../forms/main_window.ui" line="692"/>
        <source>Báo cáo của Sở Nội vụ về kết quả: phân bố chỉ số, điểm bình quân theo lĩnh vực, xếp loại người đứng đầu, biểu đồ theo khối</source>
        <translation>The Department of Home Affairs&apos; report on the results: the spread of the indexes, average points per area, heads&apos; classification, charts per block</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="697"/>
        <source>&amp;Quyết định công bố kèm phụ lục…</source>
        <translation>&amp;Decision with its annexes…</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="700"/>
        <location filename="../../forms/main_window.ui" line="703"/>
        <source>Quyết định phê duyệt và công bố Chỉ số CCHC cùng các phụ lục trong một tệp: xem, in, lưu PDF hoặc Word, ký số</source>
        <translation>The decision approving and publishing the PAR Index with its annexes in one file: view, print, save as PDF or Word, sign</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="708"/>
        <source>Phụ lục Chỉ số &amp;SIPAS…</source>
        <translation>&amp;SIPAS index annex…</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="711"/>
        <location filename="../../forms/main_window.ui" line="714"/>
        <source>Xem, in, lưu và ký số phụ lục Chỉ số hài lòng về sự phục vụ hành chính theo khối</source>
        <translation>View, print, save and sign the annex of the citizen satisfaction (SIPAS) index per block</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="719"/>
        <source>&amp;Phụ lục xếp hạng…</source>
        <translation>&amp;Ranking annex…</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="722"/>
        <location filename="../../forms/main_window.ui" line="725"/>
        <source>Xem, in, lưu và ký số phụ lục kết quả xếp hạng Chỉ số CCHC theo khối</source>
        <translation>Preview, print, save and digitally sign the PAR Index ranking annex by block</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="730"/>
        <source>&amp;Xếp loại người đứng đầu…</source>
        <translation>&amp;Classification of heads…</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="733"/>
        <location filename="../../forms/main_window.ui" line="736"/>
        <source>Xem, in, lưu và ký số phụ lục xếp loại người đứng đầu các đơn vị</source>
        <translation>Preview, print, save and digitally sign the annex classifying the heads of the units</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="741"/>
        <source>&amp;Thông báo kết quả thẩm định…</source>
        <translation>Appraisal result &amp;notice…</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="744"/>
        <location filename="../../forms/main_window.ui" line="747"/>
        <source>Thông báo kết quả thẩm định của đơn vị đang chọn: điểm từng tiêu chí, lý do trừ điểm, cơ quan thẩm định</source>
        <translation>The appraisal result notice of the selected unit: points per criterion, deduction reasons, appraising body</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="752"/>
        <source>&amp;Báo cáo tự đánh giá của đơn vị…</source>
        <translation>Unit&apos;s s&amp;elf-assessment report…</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="755"/>
        <location filename="../../forms/main_window.ui" line="758"/>
        <source>Báo cáo kết quả tự đánh giá của đơn vị đang chọn, để lãnh đạo đơn vị xem và ký: điểm tự đánh giá, số liệu, giải trình, tài liệu kiểm chứng</source>
        <translation>The selected unit&apos;s self-assessment report, for its leader to check and sign: self scores, figures, explanations, evidence</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="763"/>
        <source>Theo &amp;hệ thống</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="771"/>
        <source>&amp;Sáng</source>
        <translation>&amp;Light</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="779"/>
        <source>&amp;Tối</source>
        <translation>&amp;Dark</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="787"/>
        <source>&amp;Tiếng Việt</source>
        <translation>&amp;Tiếng Việt</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="795"/>
        <source>&amp;English</source>
        <translation>&amp;English</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="526"/>
        <source>&amp;Thoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="195"/>
        <source>Tạo kỳ đánh giá mới, lấy bộ tiêu chí và đơn vị từ sổ tính Excel</source>
        <translation>Create a new assessment period, taking the criteria and units from an Excel workbook</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="199"/>
        <source>Mở &amp;gần đây</source>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="202"/>
        <source>&amp;Lưu bản sao…</source>
        <translation>Save a cop&amp;y…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="203"/>
        <source>Lưu một bản sao trọn vẹn của tệp (ví dụ để gửi thư điện tử)</source>
        <translation>Save a complete copy of the file (for example to send by e-mail)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="206"/>
        <source>Đó&amp;ng</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="277"/>
        <source>{job}: đang hủy; cửa sổ sẽ đóng khi đã hủy xong, không có gì bị ghi dở.</source>
        <translation>{job}: cancelling; the window closes once it is cancelled, nothing is left half-written.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="280"/>
        <source>{job}: việc này không dừng giữa chừng được; cửa sổ sẽ đóng khi xong.</source>
        <translation>{job}: this cannot stop halfway; the window closes when it is done.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="354"/>
        <source> — gói của {member}, vòng {round}</source>
        <translation> — package of {member}, round {round}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="357"/>
        <source> — gói tự đánh giá của đơn vị {unit}</source>
        <translation> — self-assessment package of unit {unit}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="359"/>
        <source> — gói giải trình của đơn vị {unit}</source>
        <translation> — explanation package of unit {unit}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="361"/>
        <source> (chỉ xem)</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="369"/>
        <source>Gói: {units} đơn vị · {criteria} tiêu chí được giao</source>
        <translation>Package: {units} units · {criteria} criteria assigned</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="422"/>
        <source>Gói giải trình của đơn vị</source>
        <translation>The unit&apos;s explanation package</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="423"/>
        <source>Gói tự đánh giá của đơn vị</source>
        <translation>The unit&apos;s self-assessment package</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="425"/>
        <source>Chỉ ghi được giải trình và tài liệu bổ sung ở các tiêu chí bị trừ điểm vòng 1. Xong thì Kỳ đánh giá › Niêm phong gói để gửi lại.</source>
        <translation>Only explanations and further evidence on the criteria deducted in round 1 can be written. When done: Assessment period › Seal the package to send back.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="427"/>
        <source>Chỉ ghi được điểm tự đánh giá, số liệu, giải trình và tài liệu kiểm chứng của đơn vị. Xong thì Kỳ đánh giá › Niêm phong gói để gửi lại (kiểm tra những gì còn thiếu trước khi niêm phong).</source>
        <translation>Only the unit&apos;s self scores, figures, explanations and evidence can be written. When done: Assessment period › Seal the package to send back (what is still missing is listed before sealing).</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="431"/>
        <source>Gói của thành viên — chỉ phần được giao</source>
        <translation>Member&apos;s package — its part only</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="433"/>
        <source>Chỉ ghi được điểm thẩm định phần được giao; tổng điểm và xếp hạng ở đây chỉ tính phần trong gói. Xong thì Kỳ đánh giá › Niêm phong gói để gửi lại.</source>
        <translation>Only the appraisal of the member&apos;s part can be written; totals and ranks here count the package&apos;s part only. When done: Assessment period › Seal the package to send back.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="436"/>
        <source>Đang chỉnh sửa</source>
        <translation>Editing</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="437"/>
        <source>Mỗi điểm được ghi ngay vào tệp khi nhấn Enter hoặc rời ô nhập; Ctrl+Z để hoàn tác</source>
        <translation>Each score is saved to the file as soon as you press Enter or leave the field; Ctrl+Z to undo</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="440"/>
        <source>Tạm dừng chỉnh sửa</source>
        <translation>Editing paused</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="441"/>
        <source>Sửa lại được khi việc đang chạy xong (bên trái; bấm Hủy để dừng nó)</source>
        <translation>Editing comes back when the work under way ends (on the left; Cancel stops it)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="444"/>
        <source>tệp mở chỉ để đọc</source>
        <translation>file opened read-only</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="445"/>
        <source>Chỉ xem — {who}</source>
        <translation>Read-only — {who}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="446"/>
        <source>Không sửa được điểm, không nhập được dữ liệu</source>
        <translation>Scores cannot be edited and data cannot be imported</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="459"/>
        <source>Kết quả đã khóa; muốn sửa phải mở lại giai đoạn trước, có ghi lý do</source>
        <translation>The results are locked; reopen an earlier phase, with a reason, to change them</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="463"/>
        <source>Ghi được: {what}</source>
        <translation>Can be written: {what}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="465"/>
        <source>, tài liệu kiểm chứng</source>
        <translation>, evidence</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="579"/>
        <source>Ngôn ngữ mới được áp dụng khi mở lại parapp</source>
        <translation>The new language takes effect when parapp is restarted</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="349"/>
        <source>parapp — {file} — {province} {year}</source>
        <translation>parapp — {file} — {province} {year}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="193"/>
        <source>Mớ&amp;i…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="365"/>
        <source>{units} đơn vị · {blocks} khối · {criteria} tiêu chí</source>
        <translation>Units: {units} · Blocks: {blocks} · Criteria: {criteria}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/main_window.py" line="342"/>
        <source>Chưa mở tệp nào — chọn Tệp › Mở…</source>
        <translation>No file open — choose File › Open…</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="14"/>
        <source>Hợp nhất gói của thành viên Hội đồng</source>
        <translation>Merge council members&apos; packages</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="381"/>
        <source>Dừng</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="107"/>
        <source>&amp;Hợp nhất</source>
        <translation>&amp;Merge</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="110"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="115"/>
        <source>Tệp chính: &lt;b&gt;{file}&lt;/b&gt;. Thêm các gói (.parapp) thành viên Hội đồng đã niêm phong gửi lại — bằng nút «Thêm gói…» hoặc kéo thả tệp vào đây. Việc chạy thử không ghi gì vào tệp.</source>
        <translation>Master file: &lt;b&gt;{file}&lt;/b&gt;. Add the sealed packages (.parapp) council members sent back — with “Add packages…” or by dropping the files here. The dry run writes nothing to the file.</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="45"/>
        <source>&amp;Thêm gói…</source>
        <translation>&amp;Add packages…</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="55"/>
        <source>&amp;Bỏ gói đã chọn</source>
        <translation>&amp;Remove selected</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="64"/>
        <source>Các gói hợp nhất</source>
        <translation>Packages to merge</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="83"/>
        <source>Tệp gói</source>
        <translation>Package file</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="88"/>
        <location filename="../../forms/merge_dialog.ui" line="173"/>
        <source>Thành viên</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="93"/>
        <source>Niêm phong lúc</source>
        <translation>Sealed at</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="98"/>
        <source>Áp dụng</source>
        <translation>Applied</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="103"/>
        <source>Song song</source>
        <translation>Parallel</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="108"/>
        <location filename="../../forms/merge_dialog.ui" line="150"/>
        <source>Xung đột</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="113"/>
        <source>Không đổi</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="123"/>
        <source>Chấp nhận gói nộp &amp;muộn hoặc ngoài giai đoạn, lý do:</source>
        <translation>Accept packages returned &amp;late or out of their phase, because:</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="130"/>
        <source>Lý do chấp nhận nộp muộn</source>
        <translation>Reason for accepting it late</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="136"/>
        <source>Căn cứ chấp nhận (ghi vào nhật ký), ví dụ công văn xin gia hạn</source>
        <translation>The grounds (kept in the audit log), e.g. the letter asking for more time</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="157"/>
        <source>Các xung đột</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="178"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="183"/>
        <source>Tiêu chí</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="188"/>
        <source>Phần</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="193"/>
        <source>Giá trị gốc</source>
        <translation>Base value</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="198"/>
        <source>Tệp chính (hiện tại)</source>
        <translation>Master (now)</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="203"/>
        <source>Gói của thành viên</source>
        <translation>Member&apos;s package</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="208"/>
        <source>Chọn</source>
        <translation>Choice</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="213"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="243"/>
        <source>Chọn cho mọi xung đột</source>
        <translation>Choice for every conflict</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="250"/>
        <source>— chọn —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="255"/>
        <source>Giữ tệp chính</source>
        <translation>Keep the master&apos;s</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="260"/>
        <source>Lấy giá trị của gói</source>
        <translation>Take the package&apos;s</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="268"/>
        <source>Lý do chung cho mọi xung đột</source>
        <translation>Reason for every conflict</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="271"/>
        <source>Lý do chung</source>
        <translation>Common reason</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="278"/>
        <source>Điền cho các xung đột còn trống</source>
        <translation>Fill in the open conflicts</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="236"/>
        <source>Cho mọi xung đột:</source>
        <translation>For every conflict:</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="314"/>
        <source>Cả lần hợp nhất là một bước: hoàn tác được trong cửa sổ chính (Sửa › Hoàn tác).</source>
        <translation>The whole merge is one step: it can be undone in the main window (Edit › Undo).</translation>
    </message>
    <message>
        <location filename="../../forms/merge_dialog.ui" line="340"/>
        <source>Xuất báo cáo &amp;Excel…</source>
        <translation>Export &amp;Excel report…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="180"/>
        <source>Chọn các gói thành viên gửi lại</source>
        <translation>Choose the packages members sent back</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="181"/>
        <source>Gói parapp (*.parapp);;Mọi tệp (*)</source>
        <translation>parapp packages (*.parapp);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="202"/>
        <source>Đã có một gói cùng tên trong danh sách; hãy đổi tên tệp rồi thêm lại:
{files}</source>
        <translation>A package of the same name is already in the list; rename the file and add it again:
{files}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="277"/>
        <source>Đang chạy thử hợp nhất, không ghi gì vào tệp…</source>
        <translation>Dry run of the merge, nothing is written to the file…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="287"/>
        <source>Đang hợp nhất (một giao dịch, sau khi sao lưu tệp chính)…</source>
        <translation>Merging (one transaction, after a backup of the master)…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="307"/>
        <source>Đang dừng, không có thay đổi nào được ghi…</source>
        <translation>Stopping, no change is written…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="354"/>
        <source>Không hợp nhất được</source>
        <translation>Could not merge</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="367"/>
        <source>Đã dừng chạy thử. Bấm «Thêm gói…» hoặc bỏ một gói để chạy lại.</source>
        <translation>Dry run stopped. Click “Add packages…” or remove a package to run it again.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="371"/>
        <source>Đã dừng hợp nhất, không có thay đổi nào.</source>
        <translation>Merge stopped, nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="389"/>
        <source>Bị từ chối, không hợp nhất: {message}</source>
        <translation>Refused, not merged: {message}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="394"/>
        <source>Chưa chạy thử</source>
        <translation>Not checked yet</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="404"/>
        <source>đã hợp nhất trước đó; không có gì thay đổi</source>
        <translation>already merged; nothing changes</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="453"/>
        <source>Bắt buộc: vì sao chọn giá trị này</source>
        <translation>Required: why this value</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="455"/>
        <source>{holder}, đơn vị {unit}, tiêu chí {criterion}</source>
        <translation>{holder}, unit {unit}, criterion {criterion}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="457"/>
        <source>Chọn giá trị: {where}</source>
        <translation>Value to keep: {where}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="458"/>
        <source>Lý do: {where}</source>
        <translation>Reason: {where}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="473"/>
        <source>Xung đột ({n}): chọn giá trị và ghi lý do cho từng xung đột</source>
        <translation>Conflicts ({n}): choose a value and give a reason for each</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="475"/>
        <source>Không có xung đột</source>
        <translation>No conflicts</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="515"/>
        <source>Đang chạy…</source>
        <translation>Running…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="517"/>
        <source>Chưa có gói nào: bấm «Thêm gói…» hoặc kéo thả tệp .parapp vào đây.</source>
        <translation>No packages yet: click “Add packages…” or drop .parapp files here.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="519"/>
        <source>Chưa chạy thử được các gói.</source>
        <translation>The packages could not be checked.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="521"/>
        <source>Không có gói nào để hợp nhất.</source>
        <translation>No package to merge.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parapp/ui/merge_dialog.py" line="529"/>
        <source>%n xung đột chưa chọn giá trị</source>
        <translation>
            <numerusform>%n conflict without a choice</numerusform>
            <numerusform>%n conflicts without a choice</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../parapp/ui/merge_dialog.py" line="531"/>
        <source>%n xung đột chưa ghi lý do</source>
        <translation>
            <numerusform>%n conflict without a reason</numerusform>
            <numerusform>%n conflicts without a reason</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../parapp/ui/merge_dialog.py" line="566"/>
        <source>Đã hợp nhất %n gói vào {file}</source>
        <translation>
            <numerusform>Merged %n package into {file}</numerusform>
            <numerusform>Merged %n packages into {file}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="533"/>
        <source>Chưa hợp nhất được: {what}.</source>
        <translation>Cannot merge yet: {what}.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="551"/>
        <source>Sẵn sàng hợp nhất. Gói bị từ chối ({n}) sẽ không được hợp nhất.</source>
        <translation>Ready to merge. Refused packages ({n}) will not be merged.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="553"/>
        <source>Sẵn sàng hợp nhất.</source>
        <translation>Ready to merge.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="570"/>
        <source>Bản sao lưu trước khi hợp nhất: {path}</source>
        <translation>Backup before the merge: {path}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="572"/>
        <source>Tệp lớn hơn 1 GB: không sao chép cả tệp trước khi hợp nhất; hoàn tác bằng Ctrl+Z, và hãy lưu bản sao của tệp định kỳ.</source>
        <translation>The file is over 1 GB: it was not copied whole before the merge; undo with Ctrl+Z, and keep copies of the file on a schedule.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="581"/>
        <source>{file}: gói của {member} đã hợp nhất trước đó; không có gì thay đổi</source>
        <translation>{file}: {member}&apos;s package was merged before; nothing changed</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="585"/>
        <source>{file} ({member}, niêm phong {at}): {applied} áp dụng, {parallel} song song, {conflict} xung đột, {unchanged} không đổi</source>
        <translation>{file} ({member}, sealed {at}): {applied} applied, {parallel} parallel, {conflict} conflicts, {unchanged} unchanged</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="595"/>
        <source>xung đột, giữ tệp chính</source>
        <translation>conflict, kept the master&apos;s</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="596"/>
        <source>xung đột, lấy giá trị của gói</source>
        <translation>conflict, took the package&apos;s</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="598"/>
        <source>áp dụng</source>
        <translation>applied</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="599"/>
        <source>song song</source>
        <translation>parallel</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="601"/>
        <source>{unit}, {criterion} ({part}): {old} → {new} ({status})</source>
        <translation>{unit}, {criterion} ({part}): {old} → {new} ({status})</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="605"/>
        <source>{file}: không hợp nhất — {message}</source>
        <translation>{file}: not merged — {message}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="612"/>
        <source>giữ tệp chính {value}</source>
        <translation>kept the master&apos;s {value}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="614"/>
        <source>lấy giá trị của gói {value}</source>
        <translation>took the package&apos;s {value}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="615"/>
        <source>Xung đột {unit}, {criterion} ({member}): {chosen}; lý do: {reason}</source>
        <translation>Conflict {unit}, {criterion} ({member}): {chosen}; reason: {reason}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="624"/>
        <location filename="../../parapp/ui/merge_dialog.py" line="642"/>
        <source>Xuất báo cáo hợp nhất</source>
        <translation>Export the merge report</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="647"/>
        <source>Không xuất được báo cáo</source>
        <translation>Could not export the report</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="643"/>
        <source>Đã xuất báo cáo hợp nhất: {path}</source>
        <translation>Merge report written: {path}</translation>
    </message>
</context>
<context>
    <name>NewPeriodDialog</name>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="45"/>
        <source>Kỳ đánh giá mới</source>
        <translation>New assessment period</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="47"/>
        <source>Ví dụ: Tỉnh Sơn Hà</source>
        <translation>For example: Tỉnh Sơn Hà</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="52"/>
        <source>&amp;Tỉnh:</source>
        <translation>&amp;Province:</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="53"/>
        <source>&amp;Năm đánh giá:</source>
        <translation>Assessed &amp;year:</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="55"/>
        <source>Kỳ đánh giá t&amp;rống</source>
        <translation>&amp;Empty period</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="56"/>
        <source>Từ &amp;sổ tính Excel</source>
        <translation>From an Excel &amp;workbook</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="81"/>
        <source>Tệp .parapp của kỳ năm trước</source>
        <translation>Last year&apos;s .parapp file</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="82"/>
        <source>C&amp;họn…</source>
        <translation>C&amp;hoose…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="63"/>
        <source>Sổ tính có trang «Tiêu chí» và «Đơn vị»</source>
        <translation>Workbook with the sheets “Tiêu chí” and “Đơn vị”</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="57"/>
        <source>Từ tệp kỳ đánh &amp;giá năm trước</source>
        <translation>From &amp;last year&apos;s period file</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="64"/>
        <source>&amp;Chọn…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="66"/>
        <source>Sổ tính bộ tiêu chí và đơn vị</source>
        <translation>Workbook of criteria and units</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="68"/>
        <source>&amp;Lưu mẫu sổ tính…</source>
        <translation>&amp;Save a template workbook…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="70"/>
        <source>Lưu sổ tính mẫu có hai trang «Tiêu chí» và «Đơn vị», mỗi cột có chú thích</source>
        <translation>Save a template workbook with the sheets «Tiêu chí» and «Đơn vị», each column with a comment</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="83"/>
        <source>Tệp kỳ đánh giá năm trước</source>
        <translation>Last year&apos;s period file</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="84"/>
        <source>Chọn tệp năm trước</source>
        <translation>Choose last year&apos;s file</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="90"/>
        <source>Chỉ có tỉnh và năm; bộ tiêu chí và đơn vị nhập sau ở Tệp › Nhập từ Excel.</source>
        <translation>Only the province and the year; criteria and units are imported later with File › Import from Excel.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="92"/>
        <source>Bộ tiêu chí và đơn vị lấy từ một sổ tính có trang «Tiêu chí» và «Đơn vị» (ví dụ tệp «Toàn bộ dữ liệu» xuất từ một kỳ khác). Chưa có sổ tính thì lưu mẫu, điền vào rồi chọn ở đây. Sổ tính có lỗi thì không tạo tệp nào, mọi lỗi được liệt kê theo ô.</source>
        <translation>Criteria and units taken from a workbook with the sheets «Tiêu chí» and «Đơn vị» (for example «All data» exported from another period). No workbook yet? Save the template, fill it in, then choose it here. A workbook with errors creates no file; every error is listed with its cell.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="102"/>
        <source>Bộ tiêu chí và đơn vị</source>
        <translation>Criteria and units</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="130"/>
        <source>Tạo…</source>
        <translation>Create…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="131"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="158"/>
        <source>Chọn tệp kỳ năm trước</source>
        <translation>Choose last year&apos;s file</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="159"/>
        <source>Tệp parapp (*.parapp)</source>
        <translation>parapp files (*.parapp)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="173"/>
        <source>Đang đọc tệp năm trước…</source>
        <translation>Reading last year&apos;s file…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="180"/>
        <source>Lưu mẫu sổ tính</source>
        <translation>Save template workbook</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="194"/>
        <source>Đang lưu mẫu…</source>
        <translation>Saving the template…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="191"/>
        <source>Đã lưu mẫu {file}: điền bộ tiêu chí và đơn vị vào đó, lưu lại rồi chọn ở đây.</source>
        <translation>Saved the template {file}: fill in the criteria and units, save it, then choose it here.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="96"/>
        <source>Khối, thành viên Hội đồng và khóa của họ, bộ tiêu chí (sửa được sau), đơn vị, danh mục thưởng, trừ và thiết lập lấy từ tệp năm trước; kết quả năm trước được liên kết để so sánh và tính thay đổi thứ hạng. Không lấy điểm nào của năm trước; tệp năm trước chỉ được đọc.</source>
        <translation>Blocks, council members and their keys, the criteria set (editable afterwards), units, the bonus and penalty catalogue and the settings come from last year&apos;s file; last year&apos;s results are linked for comparison and rank changes. None of last year&apos;s scores; last year&apos;s file is only read.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="67"/>
        <location filename="../../parapp/ui/new_period.py" line="151"/>
        <source>Chọn sổ tính</source>
        <translation>Choose a workbook</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="181"/>
        <source>Sổ tính Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/new_period.py" line="152"/>
        <source>Sổ tính (*.xlsx *.xls *.ods)</source>
        <translation>Workbooks (*.xlsx *.xls *.ods)</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../parapp/ui/operations.py" line="178"/>
        <source>Đang ghi nốt…</source>
        <translation>Finishing the writes…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/operations.py" line="246"/>
        <source>Lỗi không mong đợi: {error}</source>
        <translation>Unexpected error: {error}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/operations.py" line="361"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PhaseDialog</name>
    <message>
        <location filename="../../forms/phase_dialog.ui" line="14"/>
        <source>Giai đoạn của kỳ đánh giá</source>
        <translation>The period&apos;s phase</translation>
    </message>
    <message>
        <location filename="../../forms/phase_dialog.ui" line="29"/>
        <source>&amp;Chuyển sang:</source>
        <translation>&amp;Move to:</translation>
    </message>
    <message>
        <location filename="../../forms/phase_dialog.ui" line="42"/>
        <source>Có &amp;hạn:</source>
        <translation>&amp;Deadline:</translation>
    </message>
    <message>
        <location filename="../../forms/phase_dialog.ui" line="49"/>
        <source>Hạn của giai đoạn</source>
        <translation>Phase deadline</translation>
    </message>
    <message>
        <location filename="../../forms/phase_dialog.ui" line="62"/>
        <source>&amp;Lý do:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../../forms/phase_dialog.ui" line="72"/>
        <source>Bắt buộc khi mở lại giai đoạn trước: căn cứ (văn bản, kết luận)</source>
        <translation>Required to reopen an earlier phase: the grounds (a document, a conclusion)</translation>
    </message>
    <message>
        <location filename="../../forms/phase_dialog.ui" line="81"/>
        <source>Các giai đoạn đã qua</source>
        <translation>Phase history</translation>
    </message>
    <message>
        <location filename="../../forms/phase_dialog.ui" line="94"/>
        <source>Lúc</source>
        <translation>At</translation>
    </message>
    <message>
        <location filename="../../forms/phase_dialog.ui" line="99"/>
        <source>Giai đoạn</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../../forms/phase_dialog.ui" line="104"/>
        <source>Hạn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../forms/phase_dialog.ui" line="109"/>
        <source>Người</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../forms/phase_dialog.ui" line="114"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/phase_dialog.py" line="47"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/phase_dialog.py" line="48"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/phase_dialog.py" line="50"/>
        <source>Hiện tại: {phase}</source>
        <translation>Now: {phase}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/phase_dialog.py" line="95"/>
        <source>Mở lại giai đoạn trước: {problem}</source>
        <translation>Reopening an earlier phase: {problem}</translation>
    </message>
</context>
<context>
    <name>PointsValidator</name>
    <message>
        <location filename="../../parapp/ui/score_fields.py" line="114"/>
        <source>Chưa phải là số</source>
        <translation>Not a number</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_fields.py" line="118"/>
        <source>tối đa {n} chữ số thập phân</source>
        <translation>at most {n} decimal places</translation>
    </message>
</context>
<context>
    <name>ProgressWindow</name>
    <message>
        <location filename="../../forms/progress_window.ui" line="14"/>
        <source>Tiến độ của kỳ đánh giá</source>
        <translation>Progress of the assessment period</translation>
    </message>
    <message>
        <location filename="../../forms/progress_window.ui" line="37"/>
        <source>Lọc đơn vị</source>
        <translation>Filter units</translation>
    </message>
    <message>
        <location filename="../../forms/progress_window.ui" line="40"/>
        <source>Lọc theo mã, tên, khối…</source>
        <translation>Filter by code, name, block…</translation>
    </message>
    <message>
        <location filename="../../forms/progress_window.ui" line="51"/>
        <source>Đơn &amp;vị</source>
        <translation>&amp;Units</translation>
    </message>
    <message>
        <location filename="../../forms/progress_window.ui" line="57"/>
        <source>Tiến độ của các đơn vị</source>
        <translation>Units&apos; progress</translation>
    </message>
    <message>
        <location filename="../../forms/progress_window.ui" line="77"/>
        <source>&amp;Thành viên Hội đồng</source>
        <translation>Council &amp;members</translation>
    </message>
    <message>
        <location filename="../../forms/progress_window.ui" line="100"/>
        <source>&amp;Giữa hai vòng thẩm định</source>
        <translation>&amp;Between the rounds</translation>
    </message>
    <message>
        <location filename="../../forms/progress_window.ui" line="126"/>
        <source>&amp;Dự kiến đạt tối đa</source>
        <translation>Expected at full &amp;points</translation>
    </message>
    <message>
        <location filename="../../forms/progress_window.ui" line="180"/>
        <source>&amp;Xuất Excel…</source>
        <translation>&amp;Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../forms/progress_window.ui" line="197"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="64"/>
        <source>Giai đoạn: {phase}</source>
        <translation>Phase: {phase}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="68"/>
        <location filename="../../parapp/ui/progress_view.py" line="77"/>
        <location filename="../../parapp/ui/progress_view.py" line="114"/>
        <location filename="../../parapp/ui/progress_view.py" line="162"/>
        <location filename="../../parapp/ui/progress_view.py" line="169"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="68"/>
        <location filename="../../parapp/ui/progress_view.py" line="114"/>
        <location filename="../../parapp/ui/progress_view.py" line="162"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="68"/>
        <location filename="../../parapp/ui/progress_view.py" line="77"/>
        <location filename="../../parapp/ui/progress_view.py" line="114"/>
        <location filename="../../parapp/ui/progress_view.py" line="162"/>
        <source>Khối</source>
        <translation>Block</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="69"/>
        <source>Thiếu TLKC</source>
        <translation>Missing evidence</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="69"/>
        <location filename="../../parapp/ui/progress_view.py" line="77"/>
        <source>Thẩm định vòng 1</source>
        <translation>Round 1</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="69"/>
        <source>Bị trừ điểm</source>
        <translation>Deducted</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="70"/>
        <source>Đã giải trình</source>
        <translation>Explained</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="70"/>
        <location filename="../../parapp/ui/progress_view.py" line="78"/>
        <source>Thẩm định vòng 2</source>
        <translation>Round 2</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="77"/>
        <source>Cơ quan</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="78"/>
        <source>Giải trình cần xem</source>
        <translation>Explanations to review</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="114"/>
        <source>Tiêu chí</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="115"/>
        <source>Tự đánh giá</source>
        <translation>Self score</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="115"/>
        <source>Vòng 1</source>
        <translation>Round 1</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="115"/>
        <source>Lý do vòng 1</source>
        <translation>Round 1 reason</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="116"/>
        <source>Giải trình</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="116"/>
        <source>Vòng 2</source>
        <translation>Round 2</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="116"/>
        <source>Lý do vòng 2</source>
        <translation>Round 2 reason</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="117"/>
        <source>Người quyết định</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="117"/>
        <source>Thay đổi</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="143"/>
        <source>&amp;Giữa hai vòng thẩm định ({n})</source>
        <translation>&amp;Between the rounds ({n})</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="154"/>
        <source>Chưa có điểm dự kiến. Nhập ở cột «Điểm dự kiến» của trang «Điểm» (Tệp › Nhập từ Excel) trước mùa đánh giá.</source>
        <translation>No expected scores yet. Enter them in the column «Điểm dự kiến» of the sheet «Điểm» (File › Import from Excel) before the season.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="159"/>
        <source>Toàn tỉnh: {full}/{leaves} lượt tiêu chí thành phần dự kiến đạt điểm tối đa (đã dự kiến {estimated}/{leaves}). Chọn một đơn vị để xem các tiêu chí chưa đạt tối đa.</source>
        <translation>Province: {full}/{leaves} unit sub-criteria expected at full points ({estimated}/{leaves} estimated). Choose a unit to see those below their maximum.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="163"/>
        <source>Dự kiến đạt tối đa</source>
        <translation>Expected at full</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="163"/>
        <source>Đã dự kiến</source>
        <translation>Estimated</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="169"/>
        <source>Tiêu chí thành phần chưa dự kiến đạt tối đa</source>
        <translation>Sub-criteria not expected at full points</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="170"/>
        <source>Tối đa</source>
        <translation>Max</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="170"/>
        <source>Dự kiến</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="191"/>
        <source>chưa dự kiến</source>
        <translation>not estimated</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="70"/>
        <location filename="../../parapp/ui/progress_view.py" line="78"/>
        <source>Gói đã gửi</source>
        <translation>Packages sent</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="68"/>
        <source>Đã tự đánh giá</source>
        <translation>Self-assessed</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="71"/>
        <location filename="../../parapp/ui/progress_view.py" line="79"/>
        <source>Gói đã hợp nhất</source>
        <translation>Packages merged</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="405"/>
        <source>Hạng</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="405"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="405"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="405"/>
        <source>Tổng điểm</source>
        <translation>Total points</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="406"/>
        <source>Chỉ số (%)</source>
        <translation>Index (%)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="406"/>
        <source>Năm trước</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="406"/>
        <source>Tăng/giảm</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="407"/>
        <source>Xếp loại</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="407"/>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="409"/>
        <source>Hạng trong khối; đơn vị không xếp hạng để trống (—)</source>
        <translation>Rank within the block; blank (—) for units not ranked</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="410"/>
        <source>Tổng điểm sau thẩm định, gồm điểm thưởng và điểm trừ</source>
        <translation>Total points after appraisal, including bonus and penalty points</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="411"/>
        <source>Tổng điểm chia điểm tối đa áp dụng cho đơn vị, nhân 100</source>
        <translation>Total points divided by the max points applicable to the unit, times 100</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="412"/>
        <source>Hạng năm trước</source>
        <translation>Last year&apos;s rank</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="413"/>
        <source>Số bậc tăng (+) hoặc giảm (−) so với năm trước</source>
        <translation>Places gained (+) or lost (−) since last year</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="414"/>
        <source>Xếp loại người đứng đầu</source>
        <translation>Unit head classification</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="415"/>
        <source>Đồng hạng, tiêu chí phụ đã phân định thứ hạng, lý do điều chỉnh xếp loại</source>
        <translation>Shared ranks, tie-breakers that decided the rank, reasons for classification adjustments</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="513"/>
        <source>Người đứng đầu: {head}</source>
        <translation>Unit head: {head}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="516"/>
        <source>Giữ chức vụ từ ngày {date}</source>
        <translation>In post since {date}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/dashboard.py" line="519"/>
        <source>{total} / {max} điểm</source>
        <translation>{total} / {max} points</translation>
    </message>
</context>
<context>
    <name>ReportWindow</name>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="65"/>
        <source>Phụ lục xếp hạng</source>
        <translation>Ranking annex</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="67"/>
        <source>Xếp loại người đứng đầu</source>
        <translation>Classification of heads</translation>
    </message>
    <message>
        <location filename="../../forms/report_window.ui" line="69"/>
        <source>Làm &amp;mới</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../forms/report_window.ui" line="66"/>
        <source>Tạo lại văn bản từ dữ liệu hiện tại của tệp (F5)</source>
        <translation>Build the document again from the file&apos;s current data (F5)</translation>
    </message>
    <message>
        <location filename="../../forms/report_window.ui" line="95"/>
        <source>&amp;In…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../forms/report_window.ui" line="105"/>
        <source>&amp;Lưu PDF…</source>
        <translation>&amp;Save PDF…</translation>
    </message>
    <message>
        <location filename="../../forms/report_window.ui" line="125"/>
        <source>&amp;Ký số…</source>
        <translation>Si&amp;gn…</translation>
    </message>
    <message>
        <location filename="../../forms/report_window.ui" line="92"/>
        <source>In văn bản ra máy in (Ctrl+P)</source>
        <translation>Print the document (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../forms/report_window.ui" line="102"/>
        <source>Lưu bản PDF của văn bản đang xem (Ctrl+S)</source>
        <translation>Save the PDF of the document shown (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../forms/report_window.ui" line="122"/>
        <source>Ký số văn bản bằng tệp khóa PKCS#12 hoặc thiết bị ký số USB</source>
        <translation>Digitally sign the document with a PKCS#12 key file or a USB signing token</translation>
    </message>
    <message>
        <location filename="../../forms/report_window.ui" line="20"/>
        <source>&amp;Văn bản:</source>
        <translation>&amp;Document:</translation>
    </message>
    <message>
        <location filename="../../forms/report_window.ui" line="112"/>
        <source>Lưu bản Word (.docx) của văn bản đang xem để sửa câu chữ trước khi trình ký; bản ký số vẫn là PDF</source>
        <translation>Save a Word draft (.docx) of this document to edit its wording before it goes for signature; the signed form stays the PDF</translation>
    </message>
    <message>
        <location filename="../../forms/report_window.ui" line="115"/>
        <source>Lưu bản &amp;Word…</source>
        <translation>Save as &amp;Word…</translation>
    </message>
    <message>
        <location filename="../../forms/report_window.ui" line="146"/>
        <source>Trang trước</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../forms/report_window.ui" line="149"/>
        <source>Trang trước (Page Up)</source>
        <translation>Previous page (Page Up)</translation>
    </message>
    <message>
        <location filename="../../forms/report_window.ui" line="172"/>
        <source>Trang sau</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../forms/report_window.ui" line="175"/>
        <source>Trang sau (Page Down)</source>
        <translation>Next page (Page Down)</translation>
    </message>
    <message>
        <location filename="../../forms/report_window.ui" line="211"/>
        <source>Thu nhỏ</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../forms/report_window.ui" line="214"/>
        <source>Thu nhỏ (Ctrl+-)</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../forms/report_window.ui" line="227"/>
        <source>Phóng to</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../forms/report_window.ui" line="230"/>
        <source>Phóng to (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="171"/>
        <source>Vừa chiều rộng</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../forms/report_window.ui" line="136"/>
        <source>Trang:</source>
        <translation>Page:</translation>
    </message>
    <message>
        <location filename="../../forms/report_window.ui" line="201"/>
        <source>Thu phóng:</source>
        <translation>Zoom:</translation>
    </message>
    <message>
        <location filename="../../forms/report_window.ui" line="259"/>
        <source>Dữ liệu đã thay đổi — bấm Làm mới (F5)</source>
        <translation>The data has changed — click Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../forms/report_window.ui" line="256"/>
        <source>Điểm hoặc thiết lập đã được sửa sau khi văn bản này được tạo</source>
        <translation>Scores or settings were changed after this document was built</translation>
    </message>
    <message>
        <location filename="../../forms/report_window.ui" line="288"/>
        <location filename="../../parapp/ui/report_view.py" line="569"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../forms/report_window.ui" line="285"/>
        <source>Bỏ văn bản đang tạo</source>
        <translation>Drop the document being built</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="264"/>
        <source>Tất cả các khối</source>
        <translation>All blocks</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="64"/>
        <source>Quyết định công bố (kèm phụ lục)</source>
        <translation>Decision (with its annexes)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="66"/>
        <source>Phụ lục Chỉ số SIPAS</source>
        <translation>SIPAS index annex</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="68"/>
        <source>Thông báo kết quả thẩm định</source>
        <translation>Appraisal result notice</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="69"/>
        <source>Báo cáo tự đánh giá của đơn vị</source>
        <translation>Unit&apos;s self-assessment report</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="70"/>
        <source>Báo cáo kết quả (kèm biểu đồ)</source>
        <translation>Results report (with charts)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="322"/>
        <source>Báo cáo — {document} — {scope} — {file}</source>
        <translation>Report — {document} — {scope} — {file}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="325"/>
        <source> (đã ký số)</source>
        <translation> (digitally signed)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="363"/>
        <source>Đang tạo «{document}»…</source>
        <translation>Building «{document}»…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="373"/>
        <source>Đã hủy</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="403"/>
        <source>Không tạo được văn bản</source>
        <translation>Could not build the document</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="404"/>
        <source>Không tạo được văn bản: {error}</source>
        <translation>Could not build the document: {error}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="419"/>
        <source>Không đọc được tệp PDF {file}: {error}</source>
        <translation>Cannot read the PDF file {file}: {error}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="428"/>
        <source>/ {n}</source>
        <translation>/ {n}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="543"/>
        <source>Không có máy in</source>
        <translation>No printer</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="544"/>
        <source>Máy này chưa có máy in nào. Để có tệp PDF của văn bản, dùng Lưu PDF… (Ctrl+S).</source>
        <translation>This computer has no printer. For a PDF file of the document, use Save PDF… (Ctrl+S).</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="548"/>
        <source>In văn bản</source>
        <translation>Print the document</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="569"/>
        <source>Đang in…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="583"/>
        <source>Không in được</source>
        <translation>Could not print</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="584"/>
        <source>Không mở được máy in «{printer}».</source>
        <translation>Cannot open the printer «{printer}».</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="627"/>
        <source>Lưu văn bản PDF</source>
        <translation>Save the PDF document</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="628"/>
        <source>Tài liệu PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="658"/>
        <source>Không lưu được</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="635"/>
        <source>Không ghi được {file}: {error}</source>
        <translation>Cannot write {file}: {error}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="279"/>
        <source>Đơ&amp;n vị:</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="280"/>
        <source>Chỉ k&amp;hối:</source>
        <translation>Only &amp;block:</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="280"/>
        <source>K&amp;hối:</source>
        <translation>&amp;Block:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parapp/ui/report_view.py" line="396"/>
        <source>%n trang</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../parapp/ui/report_view.py" line="607"/>
        <source>Đã gửi %n trang tới máy in</source>
        <translation>
            <numerusform>Sent %n page to the printer</numerusform>
            <numerusform>Sent %n pages to the printer</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="654"/>
        <location filename="../../parapp/ui/report_view.py" line="691"/>
        <source>Đã lưu {file}</source>
        <translation>Saved {file}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="674"/>
        <source>Lưu bản Word</source>
        <translation>Save a Word draft</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="676"/>
        <source>Tài liệu Word (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="731"/>
        <source>Đã ký số: {file}</source>
        <translation>Digitally signed: {file}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="735"/>
        <source>Kiểm tra chữ ký: {error}</source>
        <translation>Signature check: {error}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="736"/>
        <source>Kiểm tra chữ ký: {summary}</source>
        <translation>Signature check: {summary}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parapp/ui/report_view.py" line="740"/>
        <source>%n trang — đã ký số</source>
        <translation>
            <numerusform>%n page — digitally signed</numerusform>
            <numerusform>%n pages — digitally signed</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="742"/>
        <source>Người ký khác tên trên văn bản</source>
        <translation>The signer differs from the name on the document</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/report_view.py" line="751"/>
        <source>Đang ký, chờ xong rồi đóng</source>
        <translation>Signing; the window closes once it is done</translation>
    </message>
</context>
<context>
    <name>ScoreEditor</name>
    <message>
        <location filename="../../forms/score_editor.ui" line="94"/>
        <source>Đơn vị tự đánh giá</source>
        <translation>Unit self-assessment</translation>
    </message>
    <message>
        <location filename="../../forms/score_editor.ui" line="100"/>
        <location filename="../../parapp/ui/score_editor.py" line="680"/>
        <source>Điểm tự đánh giá</source>
        <translation>Self score</translation>
    </message>
    <message>
        <location filename="../../forms/score_editor.ui" line="145"/>
        <location filename="../../forms/score_editor.ui" line="335"/>
        <source>Số liệu:</source>
        <translation>Figure:</translation>
    </message>
    <message>
        <location filename="../../forms/score_editor.ui" line="162"/>
        <source>Dự kiến:</source>
        <translation>Expected:</translation>
    </message>
    <message>
        <location filename="../../forms/score_editor.ui" line="232"/>
        <source>Giải trình</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../forms/score_editor.ui" line="284"/>
        <source>Hội đồng thẩm định</source>
        <translation>Appraisal council</translation>
    </message>
    <message>
        <location filename="../../forms/score_editor.ui" line="290"/>
        <location filename="../../parapp/ui/score_editor.py" line="681"/>
        <source>Điểm thẩm định</source>
        <translation>Appraisal score</translation>
    </message>
    <message>
        <location filename="../../forms/score_editor.ui" line="382"/>
        <source>Lý do trừ điểm</source>
        <translation>Deduction reason</translation>
    </message>
    <message>
        <location filename="../../forms/score_editor.ui" line="451"/>
        <location filename="../../forms/score_editor.ui" line="464"/>
        <source>Tài liệu kiểm chứng</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../forms/score_editor.ui" line="507"/>
        <source>Thêm…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../forms/score_editor.ui" line="514"/>
        <source>Mở</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../forms/score_editor.ui" line="521"/>
        <source>Lưu ra…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../forms/score_editor.ui" line="528"/>
        <source>Xóa</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../forms/score_editor.ui" line="475"/>
        <source>Xem trước tài liệu</source>
        <translation>Document preview</translation>
    </message>
    <message>
        <location filename="../../forms/score_editor.ui" line="504"/>
        <source>Thêm tệp (có thể kéo thả tệp vào đây)</source>
        <translation>Add files (you can also drag and drop files here)</translation>
    </message>
    <message>
        <location filename="../../forms/score_editor.ui" line="17"/>
        <location filename="../../parapp/ui/score_editor.py" line="260"/>
        <source>Chưa chọn tiêu chí</source>
        <translation>No criterion selected</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="300"/>
        <source>Không có đơn vị {unit} hoặc tiêu chí {code}</source>
        <translation>Unit {unit} or criterion {code} does not exist</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="306"/>
        <source>Tiêu chí không thuộc bộ chỉ số của khối {block}</source>
        <translation>The criterion is not in the index of block {block}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="377"/>
        <source>số trường hợp</source>
        <translation>number of cases</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="378"/>
        <source>3194/3400 hoặc 93,9%</source>
        <translation>3194/3400 or 93.9%</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="386"/>
        <source>Số liệu đơn vị kê khai (ví dụ 3194/3400 hồ sơ trực tuyến hoặc 93,9%); Enter: điểm được tính theo cách chấm của tiêu chí</source>
        <translation>The figure the unit declares (e.g. 3194/3400 records online, or 93.9%); Enter: the points are worked out with the criterion&apos;s method</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="389"/>
        <source>Số liệu thẩm định lại (nếu khác số liệu đơn vị kê khai, cần ghi lý do); Enter: tính điểm thẩm định</source>
        <translation>The figure as appraised (a reason is needed when it differs from the unit&apos;s); Enter: works out the appraisal</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="455"/>
        <source>Điểm lấy từ kết quả {source}; chưa có kết quả {source}</source>
        <translation>Points come from the {source} results; there are no {source} results yet</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="457"/>
        <source>Điểm lấy từ kết quả {source} ({pct}%)</source>
        <translation>Points come from the {source} results ({pct}%)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="478"/>
        <source>{each} mỗi trường hợp</source>
        <translation>{each} a case</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="479"/>
        <source>, tối đa {most}</source>
        <translation>, at most {most}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="482"/>
        <source>0 hoặc {top}</source>
        <translation>0 or {top}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="484"/>
        <source>Điểm tối đa: {max}</source>
        <translation>Max points: {max}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="488"/>
        <source>Cách chấm: {method}</source>
        <translation>Scoring method: {method}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="490"/>
        <source>Bắt buộc có tài liệu kiểm chứng</source>
        <translation>Evidence required</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="491"/>
        <source>Không bắt buộc tài liệu kiểm chứng</source>
        <translation>Evidence not required</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="494"/>
        <source>Cách tính điểm</source>
        <translation>How points are given</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="495"/>
        <source>Yêu cầu tài liệu kiểm chứng</source>
        <translation>Evidence required</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="500"/>
        <source>/ {max}</source>
        <translation>/ {max}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="523"/>
        <source>Giải trình khi tự đánh giá: {text}</source>
        <translation>Explanation at self-assessment: {text}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="527"/>
        <source>Giải trình bổ sung: {text}</source>
        <translation>Additional explanation: {text}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="600"/>
        <source>Vì sao đơn vị đề nghị xem xét lại điểm trừ…</source>
        <translation>Why the unit asks for the deduction to be reviewed…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="601"/>
        <source>Giải trình của đơn vị…</source>
        <translation>The unit&apos;s explanation…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="602"/>
        <source>Lý do khi điểm thẩm định khác điểm tự đánh giá…</source>
        <translation>Reason when the appraisal score differs from the self score…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="656"/>
        <source>Điểm dự kiến: {problem}</source>
        <translation>Expected score: {problem}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="682"/>
        <source>Điểm dự kiến</source>
        <translation>Expected score</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="686"/>
        <source>{side} «{text}»: {problem}</source>
        <translation>{side} «{text}»: {problem}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="698"/>
        <source>tự đánh giá</source>
        <translation>the self-assessment</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="702"/>
        <source>Điểm thẩm định {points} thấp hơn điểm {what} {reference} nhưng thiếu lý do trừ điểm</source>
        <translation>The appraisal {points} is below {what} ({reference}) but the reason for the deduction is missing</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="704"/>
        <source>Điểm thẩm định {points} cao hơn điểm {what} {reference} nhưng thiếu lý do</source>
        <translation>The appraisal {points} is above {what} ({reference}) but the reason is missing</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="718"/>
        <source>Tiêu chí {code}, {unit}</source>
        <translation>Criterion {code}, {unit}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="720"/>
        <location filename="../../parapp/ui/score_editor.py" line="896"/>
        <source>Điểm chưa được ghi</source>
        <translation>Score not saved</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="303"/>
        <source>Tiêu chí này có tiêu chí con: chọn một tiêu chí thành phần để chấm điểm</source>
        <translation>This criterion has sub-criteria: choose one of them to score</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="722"/>
        <source>Điểm chỉ được ghi vào tệp khi đầy đủ. Quay lại để hoàn tất, hay bỏ giá trị vừa nhập?</source>
        <translation>A score is saved to the file only when it is complete. Go back and complete it, or drop what was typed?</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="724"/>
        <source>Quay lại hoàn tất</source>
        <translation>Go back and complete it</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="725"/>
        <source>Bỏ giá trị vừa nhập</source>
        <translation>Drop what was typed</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="761"/>
        <source>Cần ghi lý do khi điểm thẩm định khác điểm tự đánh giá</source>
        <translation>A reason is required when the appraisal score differs from the self score</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="781"/>
        <source>Điểm thẩm định cao hơn điểm tự đánh giá</source>
        <translation>The appraisal score is higher than the self score</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="874"/>
        <source>Sửa điểm {unit}, tiêu chí {criterion}</source>
        <translation>Edit score {unit}, criterion {criterion}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="227"/>
        <source>Điểm đơn vị dự kiến đạt được ở tiêu chí này (giữa năm, trước khi tự đánh giá); Enter: ghi</source>
        <translation>The points the unit expects to reach on this criterion (mid-year, before self-assessment); Enter: save</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="530"/>
        <source>Thẩm định vòng 1: {points}</source>
        <translation>Round 1 appraisal: {points}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="536"/>
        <source>Thẩm định vòng 2: {points}</source>
        <translation>Round 2 appraisal: {points}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="697"/>
        <source>thẩm định vòng 1</source>
        <translation>the round 1 appraisal</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="760"/>
        <source>Cần ghi lý do khi điểm thẩm định vòng 2 khác vòng 1</source>
        <translation>A reason is required when the round 2 appraisal differs from round 1</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/score_editor.py" line="897"/>
        <source>Tiêu chí {code}, {unit}: {message}</source>
        <translation>Criterion {code}, {unit}: {message}</translation>
    </message>
</context>
<context>
    <name>ScoringView</name>
    <message>
        <location filename="../../parapp/ui/scoring.py" line="505"/>
        <source>Chọn cơ quan của bạn ở ô «Tôi là» để xem các lĩnh vực mình phụ trách</source>
        <translation>Choose your agency in the “I am” box to see the areas you are responsible for</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/scoring.py" line="521"/>
        <source>(chưa chọn)</source>
        <translation>(none selected)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/scoring.py" line="583"/>
        <source>Giữ chức vụ từ ngày {date}</source>
        <translation>In post since {date}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/scoring.py" line="585"/>
        <source>{total} / {max} điểm</source>
        <translation>{total} / {max} points</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/scoring.py" line="592"/>
        <source>Không xếp hạng</source>
        <translation>Not ranked</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/scoring.py" line="597"/>
        <source> (đồng hạng)</source>
        <translation> (shared rank)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/scoring.py" line="599"/>
        <source>Hạng {rank} trên {count} đơn vị được xếp hạng của {block}</source>
        <translation>Rank {rank} of {count} ranked units in {block}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/scoring.py" line="605"/>
        <source>Hạng năm trước: {rank}</source>
        <translation>Last year&apos;s rank: {rank}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/scoring.py" line="606"/>
        <source>Không có hạng năm trước</source>
        <translation>No rank last year</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/scoring.py" line="615"/>
        <source> (điều chỉnh)</source>
        <translation> (adjusted)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/scoring.py" line="623"/>
        <source>tăng {n} bậc</source>
        <translation>up {n}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/scoring.py" line="625"/>
        <source>giảm {n} bậc</source>
        <translation>down {n}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/scoring.py" line="626"/>
        <source>giữ nguyên</source>
        <translation>unchanged</translation>
    </message>
</context>
<context>
    <name>SealDialog</name>
    <message>
        <location filename="../../forms/seal_dialog.ui" line="14"/>
        <source>Niêm phong gói để gửi Tổ thư ký</source>
        <translation>Seal the package for the secretariat</translation>
    </message>
    <message>
        <location filename="../../forms/seal_dialog.ui" line="49"/>
        <source>&amp;Khóa riêng:</source>
        <translation>&amp;Private key:</translation>
    </message>
    <message>
        <location filename="../../forms/seal_dialog.ui" line="66"/>
        <source>Chọn tệp khóa khác…</source>
        <translation>Choose another key file…</translation>
    </message>
    <message>
        <location filename="../../forms/seal_dialog.ui" line="73"/>
        <source>Tạo khóa mới…</source>
        <translation>Create a new key…</translation>
    </message>
    <message>
        <location filename="../../forms/seal_dialog.ui" line="97"/>
        <source>&amp;Mật khẩu của khóa:</source>
        <translation>Key p&amp;assphrase:</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/seal_dialog.py" line="179"/>
        <source>&amp;Niêm phong</source>
        <translation>&amp;Seal</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/seal_dialog.py" line="182"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/seal_dialog.py" line="187"/>
        <source>Gói &lt;b&gt;{file}&lt;/b&gt; của &lt;b&gt;{member}&lt;/b&gt; sẽ được ký bằng khóa riêng của mình. Sau khi niêm phong, mọi sửa đổi trong gói sẽ làm mất niêm phong (phải niêm phong lại).</source>
        <translation>The package &lt;b&gt;{file}&lt;/b&gt; of &lt;b&gt;{member}&lt;/b&gt; will be signed with its own private key. Once sealed, any change in the package breaks the seal (it must be sealed again).</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/seal_dialog.py" line="216"/>
        <source>Đang kiểm tra gói…</source>
        <translation>Checking the package…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/seal_dialog.py" line="232"/>
        <source>Chưa niêm phong được: {n} tiêu chí thiếu tài liệu kiểm chứng bắt buộc. Bổ sung tài liệu rồi niêm phong lại.</source>
        <translation>Cannot be sealed yet: {n} criteria lack mandatory evidence. Attach it, then seal.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../parapp/ui/seal_dialog.py" line="235"/>
        <source>Còn %n mục chưa làm (có thể niêm phong, nhưng hãy xem lại):</source>
        <translation>
            <numerusform>%n item not done yet (you may seal, but look again):</numerusform>
            <numerusform>%n items not done yet (you may seal, but look again):</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parapp/ui/seal_dialog.py" line="238"/>
        <source>Đã đủ: mọi tiêu chí của gói đã được làm.</source>
        <translation>Complete: every criterion of the package is done.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/seal_dialog.py" line="262"/>
        <source>Không có khóa tại {path}. Chọn tệp khóa khác, hoặc tạo khóa mới rồi gửi dấu vân tay cho Tổ thư ký đăng ký trước khi gửi gói.</source>
        <translation>No key at {path}. Choose another key file, or create a new key and send its fingerprint to the secretariat to register before sending the package.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/seal_dialog.py" line="282"/>
        <source>Chọn khóa riêng</source>
        <translation>Choose the private key</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/seal_dialog.py" line="284"/>
        <source>Khóa parapp (*.key);;Mọi tệp (*)</source>
        <translation>parapp keys (*.key);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/seal_dialog.py" line="318"/>
        <source>Đang niêm phong gói…</source>
        <translation>Sealing the package…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="14"/>
        <source>Thiết lập xếp hạng và xếp loại</source>
        <translation>Ranking and classification settings</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/settings_dialog.py" line="134"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/settings_dialog.py" line="135"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/settings_dialog.py" line="137"/>
        <source>Đưa mọi thiết lập trong hộp thoại về mặc định (chỉ ghi khi bấm Lưu)</source>
        <translation>Reset every setting in this dialog to its default (saved only when you click Save)</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="24"/>
        <source>Xếp hạng khi bằng chỉ số</source>
        <translation>Ranking on equal index</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="361"/>
        <source>Quy tắc xếp loại người đứng đầu</source>
        <translation>Head classification rule</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="439"/>
        <source>— (không áp dụng)</source>
        <translation>— (off)</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="442"/>
        <source> tháng</source>
        <translation> months</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="452"/>
        <source>trong năm</source>
        <translation>of the year</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="103"/>
        <source>Ưu tiên tiêu chí phụ đang chọn hơn</source>
        <translation>Give the selected tie-breaker a higher priority</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="30"/>
        <source>Đồng &amp;hạng (1, 2, 2, 4)</source>
        <translation>&amp;Shared rank (1, 2, 2, 4)</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="40"/>
        <source>Đồng hạng &amp;khi bằng nhau ở số công bố</source>
        <translation>Shared &amp;when equal as published</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="50"/>
        <source>&amp;Phân định theo tiêu chí phụ</source>
        <translation>&amp;Break ties with tie-breakers</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="73"/>
        <source>&amp;Tiêu chí phụ, theo thứ tự ưu tiên:</source>
        <translation>&amp;Tie-breakers, in order of priority:</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="106"/>
        <source>&amp;Lên</source>
        <translation>&amp;Up</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="113"/>
        <source>Ưu tiên tiêu chí phụ đang chọn kém hơn</source>
        <translation>Give the selected tie-breaker a lower priority</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="116"/>
        <source>&amp;Xuống</source>
        <translation>&amp;Down</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="140"/>
        <source>Đánh dấu các tiêu chí phụ dùng để phân định; kéo thả hoặc dùng nút Lên, Xuống để đổi thứ tự ưu tiên.</source>
        <translation>Tick the tie-breakers to use; drag and drop or use the Up and Down buttons to change their priority.</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="179"/>
        <source>&amp;Số chữ số thập phân:</source>
        <translation>D&amp;ecimal places:</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="205"/>
        <source>Điểm thưởng tối đ&amp;a:</source>
        <translation>Max bonus &amp;points:</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="238"/>
        <source>Điểm t&amp;rừ tối đa:</source>
        <translation>Max pe&amp;nalty points:</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="271"/>
        <source>&amp;Giới hạn chỉ số trong khoảng 0…100%</source>
        <translation>&amp;Limit the index to 0…100%</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="291"/>
        <source>Ch&amp;o phép điểm thẩm định cao hơn điểm tự đánh giá (chỉ cảnh báo)</source>
        <translation>&amp;Allow appraisal scores above the self score (warning only)</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="311"/>
        <source>Số liệu &amp;công bố:</source>
        <translation>Publis&amp;hed figures:</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="355"/>
        <source>Xếp loại &amp;người đứng đầu</source>
        <translation>Unit head &amp;classification</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="371"/>
        <source>&amp;Quy tắc, xét lần lượt từ trên xuống:</source>
        <translation>&amp;Rules, applied in order from the top:</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="429"/>
        <source>Không xếp loại người đứng đầu giữ chức vụ &amp;dưới</source>
        <translation>Do not classify a head in p&amp;ost for less than</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="173"/>
        <source>Tính điểm và hiển thị</source>
        <translation>Scoring and display</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/settings_dialog.py" line="167"/>
        <source>{n} chữ số (ví dụ {sample})</source>
        <translation>{n} digits (e.g. {sample})</translation>
    </message>
    <message>
        <location filename="../../forms/settings_dialog.ui" line="215"/>
        <location filename="../../forms/settings_dialog.ui" line="248"/>
        <source>không giới hạn</source>
        <translation>no limit</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/settings_dialog.py" line="176"/>
        <source>Tùy chỉnh (JSON)</source>
        <translation>Custom (JSON)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/settings_dialog.py" line="136"/>
        <source>&amp;Mặc định</source>
        <translation>De&amp;faults</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/settings_dialog.py" line="169"/>
        <source>Làm tròn từng cột rồi cộng</source>
        <translation>Columns rounded, then added</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/settings_dialog.py" line="170"/>
        <source>Tính trên số chưa làm tròn</source>
        <translation>Computed unrounded</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/settings_dialog.py" line="269"/>
        <source>Mỗi quy tắc: grade (xuat_sac, tot, hoan_thanh, khong_hoan_thanh), min_index, max_rank, component_min, quota (0…1), quota_base.</source>
        <translation>Each rule: grade (xuat_sac, tot, hoan_thanh, khong_hoan_thanh), min_index, max_rank, component_min, quota (0…1), quota_base.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/settings_dialog.py" line="278"/>
        <source>Bộ quy tắc có sẵn. Chọn «Tùy chỉnh (JSON)» để sửa từ bộ quy tắc này.</source>
        <translation>A built-in rule set. Choose «Custom (JSON)» to edit a copy of it.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/settings_dialog.py" line="381"/>
        <source>Chưa chọn tiêu chí phụ nào: các đơn vị bằng chỉ số vẫn đồng hạng.</source>
        <translation>No tie-breaker selected: units with an equal index still share a rank.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/settings_dialog.py" line="403"/>
        <source> (lỗi ở dòng {line}, cột {col})</source>
        <translation> (error at line {line}, column {col})</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/settings_dialog.py" line="406"/>
        <source> — nhập một số không âm, ví dụ 2 hoặc 1,5; để trống nếu không giới hạn</source>
        <translation> — enter a non-negative number, e.g. 2 or 1.5; leave blank for no limit</translation>
    </message>
</context>
<context>
    <name>SettingsSession</name>
    <message>
        <location filename="../../parapp/ui/settings_dialog.py" line="473"/>
        <source>Đang xem trước thiết lập chưa lưu</source>
        <translation>Previewing unsaved settings</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/settings_dialog.py" line="496"/>
        <location filename="../../parapp/ui/settings_dialog.py" line="517"/>
        <source>Không lưu được thiết lập</source>
        <translation>Cannot save the settings</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/settings_dialog.py" line="502"/>
        <source>Thiết lập xếp hạng, xếp loại</source>
        <translation>Ranking and classification settings</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/settings_dialog.py" line="512"/>
        <source>Đã lưu {n} thiết lập</source>
        <translation>Settings saved: {n}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/settings_dialog.py" line="518"/>
        <source>Đang lưu thiết lập…</source>
        <translation>Saving the settings…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/settings_dialog.py" line="500"/>
        <source>Thiết lập không thay đổi</source>
        <translation>Settings unchanged</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../parapp/ui/sign_dialog.py" line="44"/>
        <source>Ghi đè tệp?</source>
        <translation>Overwrite the file?</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/sign_dialog.py" line="45"/>
        <source>Tệp {file} đã có. Ghi đè?</source>
        <translation>{file} already exists. Overwrite it?</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="20"/>
        <source>Ký số văn bản</source>
        <translation>Sign the document</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="33"/>
        <source>Tệp khóa &amp;PKCS#12 (.p12, .pfx)</source>
        <translation>&amp;PKCS#12 key file (.p12, .pfx)</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="43"/>
        <source>Thiết bị ký số &amp;USB (PKCS#11)</source>
        <translation>&amp;USB signing token (PKCS#11)</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="69"/>
        <source>&amp;Tệp khóa:</source>
        <translation>&amp;Key file:</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="81"/>
        <source>Tệp .p12 hoặc .pfx chứa khóa và chứng thư số</source>
        <translation>A .p12 or .pfx file holding the key and the certificate</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="100"/>
        <source>&amp;Mật khẩu:</source>
        <translation>P&amp;assphrase:</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="113"/>
        <source>Không lưu lại; để trống nếu tệp không có mật khẩu</source>
        <translation>Never stored; leave empty if the file has no passphrase</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="136"/>
        <source>Thư &amp;viện:</source>
        <translation>&amp;Library:</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="332"/>
        <source>&amp;Lưu bản đã ký:</source>
        <translation>Save the signed cop&amp;y as:</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="148"/>
        <source>Thư viện PKCS#11 của thiết bị (.so, .dll, .dylib)</source>
        <translation>The token&apos;s PKCS#11 library (.so, .dll, .dylib)</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="167"/>
        <source>Thiết &amp;bị:</source>
        <translation>T&amp;oken:</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="182"/>
        <source>Tìm thiết bị</source>
        <translation>Find tokens</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="201"/>
        <source>Mã P&amp;IN:</source>
        <translation>PI&amp;N:</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="214"/>
        <location filename="../../parapp/ui/sign_dialog.py" line="242"/>
        <source>Không lưu lại</source>
        <translation>Never stored</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="225"/>
        <source>Hình thức chữ ký (không bắt buộc)</source>
        <translation>Signature appearance (optional)</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="231"/>
        <source>Ảnh &amp;chữ ký:</source>
        <translation>Signature &amp;image:</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="243"/>
        <source>Ảnh chữ ký (PNG, JPEG)</source>
        <translation>Signature image (PNG, JPEG)</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="250"/>
        <source>Chọn ảnh chữ ký</source>
        <translation>Choose the signature image</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="262"/>
        <source>Ảnh con &amp;dấu:</source>
        <translation>S&amp;eal image:</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="274"/>
        <source>Ảnh con dấu (PNG, JPEG)</source>
        <translation>Seal image (PNG, JPEG)</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="281"/>
        <source>Chọn ảnh con dấu</source>
        <translation>Choose the seal image</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="298"/>
        <source>Chứng thư &amp;gốc tin cậy:</source>
        <translation>&amp;Trusted roots:</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="313"/>
        <source>Không bắt buộc (PEM, DER; cách nhau bởi ;)</source>
        <translation>Optional (PEM, DER; separated by ;)</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="310"/>
        <source>Tệp chứng thư gốc dùng để kiểm tra độ tin cậy của chữ ký sau khi ký; nhiều tệp cách nhau bởi dấu ;</source>
        <translation>Root certificate files to check the signature&apos;s trust against after signing; separate several files with ;</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/sign_dialog.py" line="98"/>
        <source>&amp;Ký</source>
        <translation>&amp;Sign</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/sign_dialog.py" line="99"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/sign_dialog.py" line="97"/>
        <source>Văn bản: {file}</source>
        <translation>Document: {file}</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="91"/>
        <location filename="../../forms/sign_dialog.ui" line="158"/>
        <location filename="../../forms/sign_dialog.ui" line="253"/>
        <location filename="../../forms/sign_dialog.ui" line="284"/>
        <location filename="../../forms/sign_dialog.ui" line="323"/>
        <location filename="../../forms/sign_dialog.ui" line="350"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="88"/>
        <location filename="../../parapp/ui/sign_dialog.py" line="145"/>
        <source>Chọn tệp khóa</source>
        <translation>Choose the key file</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/sign_dialog.py" line="146"/>
        <source>Tệp khóa PKCS#12 (*.p12 *.pfx)</source>
        <translation>PKCS#12 key files (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="155"/>
        <location filename="../../parapp/ui/sign_dialog.py" line="152"/>
        <source>Chọn thư viện PKCS#11</source>
        <translation>Choose the PKCS#11 library</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/sign_dialog.py" line="153"/>
        <source>Thư viện (*.so *.dll *.dylib);;Mọi tệp (*)</source>
        <translation>Libraries (*.so *.dll *.dylib);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/sign_dialog.py" line="159"/>
        <source>Chọn ảnh</source>
        <translation>Choose an image</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/sign_dialog.py" line="160"/>
        <source>Ảnh (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="320"/>
        <location filename="../../parapp/ui/sign_dialog.py" line="166"/>
        <source>Chọn chứng thư gốc tin cậy</source>
        <translation>Choose trusted root certificates</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/sign_dialog.py" line="167"/>
        <source>Chứng thư số (*.pem *.crt *.cer *.der);;Mọi tệp (*)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/sign_dialog.py" line="172"/>
        <source>Lưu bản đã ký</source>
        <translation>Save the signed copy</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/sign_dialog.py" line="174"/>
        <source>Tài liệu PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/sign_dialog.py" line="227"/>
        <source>Không thấy thiết bị ký số nào (đã cắm thiết bị chưa?)</source>
        <translation>No signing token found (is it plugged in?)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/sign_dialog.py" line="259"/>
        <source>Nhập PIN trên bàn phím của thiết bị</source>
        <translation>Enter the PIN on the device&apos;s keypad</translation>
    </message>
    <message>
        <location filename="../../forms/sign_dialog.ui" line="347"/>
        <location filename="../../parapp/ui/sign_dialog.py" line="294"/>
        <source>Chọn nơi lưu bản đã ký</source>
        <translation>Choose where to save the signed copy</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/sign_dialog.py" line="306"/>
        <source>Chọn tệp khóa PKCS#12</source>
        <translation>Choose a PKCS#12 key file</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/sign_dialog.py" line="314"/>
        <source>Chọn thư viện PKCS#11 và thiết bị ký số</source>
        <translation>Choose the PKCS#11 library and the signing token</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/sign_dialog.py" line="318"/>
        <source>Nhập mã PIN của thiết bị ký số</source>
        <translation>Enter the signing device&apos;s PIN</translation>
    </message>
</context>
<context>
    <name>UnitList</name>
    <message>
        <location filename="../../parapp/ui/unit_list.py" line="56"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/unit_list.py" line="56"/>
        <source>Tổng
điểm</source>
        <translation>Total
points</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/unit_list.py" line="57"/>
        <source>Chỉ số
(%)</source>
        <translation>Index
(%)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/unit_list.py" line="57"/>
        <source>Hạng</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/unit_list.py" line="61"/>
        <source>Tổng điểm sau thẩm định, gồm điểm thưởng và điểm trừ</source>
        <translation>Total points after appraisal, including bonus and penalty points</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/unit_list.py" line="63"/>
        <source>Tổng điểm chia điểm tối đa áp dụng cho đơn vị, nhân 100</source>
        <translation>Total points divided by the max points applicable to the unit, times 100</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/unit_list.py" line="64"/>
        <source>Hạng trong khối</source>
        <translation>Rank within the block</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/unit_list.py" line="106"/>
        <source>{name} ({count})</source>
        <translation>{name} ({count})</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/unit_list.py" line="155"/>
        <source>Không xếp hạng</source>
        <translation>Not ranked</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/unit_list.py" line="156"/>
        <source>Đồng hạng</source>
        <translation>Shared rank</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../parapp/ui/app.py" line="84"/>
        <source>Đang tạo tỉnh mẫu…</source>
        <translation>Creating the demo province…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/app.py" line="82"/>
        <source>Không tạo được tỉnh mẫu</source>
        <translation>Could not create the demo province</translation>
    </message>
</context>
<context>
    <name>busy</name>
    <message>
        <location filename="../../parapp/ui/busy.py" line="43"/>
        <source>Lỗi không mong đợi: {error}</source>
        <translation>Unexpected error: {error}</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../parapp/ui/document_settings.py" line="133"/>
        <source>Thông tin văn bản công bố</source>
        <translation>Published documents&apos; details</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/document_settings.py" line="134"/>
        <source>Đã lưu {n} thông tin văn bản</source>
        <translation>Saved {n} document details</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/document_settings.py" line="135"/>
        <source>Không lưu được</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/document_settings.py" line="143"/>
        <source>Đang lưu thông tin văn bản…</source>
        <translation>Saving the document details…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/phase_dialog.py" line="115"/>
        <source>Giai đoạn: {phase}</source>
        <translation>Phase: {phase}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/phase_dialog.py" line="116"/>
        <source>Không chuyển được giai đoạn</source>
        <translation>Could not change the phase</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/phase_dialog.py" line="124"/>
        <source>Đang chuyển giai đoạn…</source>
        <translation>Changing the phase…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="230"/>
        <source>Xuất tiến độ</source>
        <translation>Export the progress</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="401"/>
        <source>Xuất Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="412"/>
        <source>Đang xuất…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/analysis_view.py" line="405"/>
        <source>Đã ghi {path}</source>
        <translation>Wrote {path}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="234"/>
        <source>Không xuất được</source>
        <translation>Could not export</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="238"/>
        <source>Đang xuất tiến độ…</source>
        <translation>Exporting the progress…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="355"/>
        <source>Đang so sánh với năm trước…</source>
        <translation>Comparing with last year…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="362"/>
        <source>Ánh xạ không thay đổi</source>
        <translation>The mapping is unchanged</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="364"/>
        <source>Ánh xạ đơn vị năm trước</source>
        <translation>Mapping of last year&apos;s units</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="373"/>
        <source>Đã lưu ánh xạ {n} đơn vị năm trước</source>
        <translation>Saved the mapping of {n} units of last year</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="376"/>
        <source>Đang lưu ánh xạ…</source>
        <translation>Saving the mapping…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="383"/>
        <source>Chọn tệp kỳ năm trước</source>
        <translation>Choose last year&apos;s file</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="385"/>
        <source>Tệp parapp (*.parapp)</source>
        <translation>parapp files (*.parapp)</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="390"/>
        <source>Liên kết kỳ năm trước</source>
        <translation>Link last year&apos;s period</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="400"/>
        <source>Đã liên kết {province} năm {year}: {n} đơn vị, {m} ánh xạ theo mã</source>
        <translation>Linked {province} {year}: {n} units, {m} mapped by code</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="403"/>
        <source>Đang liên kết kỳ năm trước…</source>
        <translation>Linking last year&apos;s period…</translation>
    </message>
</context>
<context>
    <name>importing</name>
    <message>
        <location filename="../../parapp/ui/importing.py" line="80"/>
        <source>Nhập dữ liệu</source>
        <translation>Import data</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="82"/>
        <source>Đang nhập «{sheet}» từ {file}…</source>
        <translation>Importing “{sheet}” from {file}…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="84"/>
        <source>Nhập từ {file}</source>
        <translation>Import from {file}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="158"/>
        <source>Không nhập được dữ liệu</source>
        <translation>Could not import the data</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/importing.py" line="154"/>
        <source>Đã hủy nhập, không có thay đổi nào.</source>
        <translation>Import cancelled, nothing was changed.</translation>
    </message>
</context>
<context>
    <name>merging</name>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="57"/>
        <source>Thẩm định</source>
        <translation>Appraisal</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="59"/>
        <source>Thẩm định vòng 2</source>
        <translation>Round 2 appraisal</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="61"/>
        <source>Tự đánh giá</source>
        <translation>Self-assessment</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merge_dialog.py" line="63"/>
        <source>Giải trình sau vòng 1</source>
        <translation>Explanation after round 1</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merging.py" line="113"/>
        <source>{path}: không mở được tệp ({error})</source>
        <translation>{path}: cannot open the file ({error})</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merging.py" line="128"/>
        <source>Không hợp nhất được ({error}); không có gì thay đổi</source>
        <translation>Could not merge ({error}); nothing was changed</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merging.py" line="199"/>
        <source>Niêm phong gói</source>
        <translation>Seal the package</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merging.py" line="208"/>
        <source>{file} là tệp của Tổ thư ký, không phải gói của thành viên: không cần niêm phong.</source>
        <translation>{file} is the secretariat&apos;s file, not a member&apos;s package: it needs no seal.</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/merging.py" line="218"/>
        <source>Đã niêm phong {file} ({member}, lúc {at}).
Khóa: {fingerprint}

Gửi tệp này cho Tổ thư ký. Dấu vân tay trên phải trùng với dấu vân tay Tổ thư ký đã đăng ký.</source>
        <translation>Sealed {file} ({member}, at {at}).
Key: {fingerprint}

Send this file to the secretariat. The fingerprint above must match the one the secretariat registered.</translation>
    </message>
</context>
<context>
    <name>seal</name>
    <message>
        <location filename="../../parapp/ui/seal_dialog.py" line="142"/>
        <source>thành viên {code}</source>
        <translation>member {code}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/seal_dialog.py" line="143"/>
        <source>đơn vị {code}</source>
        <translation>unit {code}</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="240"/>
        <source>Đã xuất {file}</source>
        <translation>Exported {file}</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/progress_view.py" line="243"/>
        <source>Đang tính tiến độ…</source>
        <translation>Counting the progress…</translation>
    </message>
    <message>
        <location filename="../../parapp/ui/compare_view.py" line="351"/>
        <source>Đang so sánh với năm trước…</source>
        <translation>Comparing with last year…</translation>
    </message>
</context>
</TS>
