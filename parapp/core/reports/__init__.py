"""Official documents (NĐ 30/2020 format): the decision with its annexes, each annex on its own,
the units' result notices and the report on the results, as PDF (signed) or Word (draft).

Qt-free. `tables` turns a period into plain rows (the Excel exporter builds from the same rows);
`decision`, `annex`, `sipas`, `heads`, `notice` and `results` turn those rows into documents made
of the blocks of `model`; `nd30` lays them out as PDF and `word` as .docx (`common.write` picks
by the file's extension).
"""
