"""Official PDF reports (NĐ 30/2020 format): ranking annex, head classification, score sheets.

Qt-free. `tables` turns a period into plain rows (the Excel exporter builds from the same rows);
`nd30` lays out the document; `annex`, `heads` and `unit_sheet` build the three documents.
"""
