"""Output files are replaced whole or not at all."""
import pytest

from parapp.core.errors import ParappError
from parapp.core.files import replacing, write_bytes


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    out = tmp_path / "phu-luc.pdf"
    out.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with replacing(out) as tmp:
            tmp.write_bytes(b"half")
            raise RuntimeError("crash while writing")
    assert out.read_bytes() == b"old" and sorted(tmp_path.iterdir()) == [out]
    write_bytes(out, b"new")
    assert out.read_bytes() == b"new" and sorted(tmp_path.iterdir()) == [out]


def test_an_unwritable_place_is_a_message_naming_the_file(tmp_path):
    out = tmp_path / "khong-co" / "bang-diem.xlsx"
    with pytest.raises(ParappError, match="khong-co/bang-diem.xlsx: không ghi được tệp"):
        write_bytes(out, b"x")
