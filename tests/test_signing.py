"""Digital signatures: PAdES signing from PKCS#12 and a real PKCS#11 token (SoftHSM2), the NĐ 30
stamp (its text fits the box), verification (tampering, later updates, trust), the CLI, and an
independent verifier (poppler's pdfsig). Certificates are generated at test time."""
from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from softhsm import token as softhsm_token

from parapp.cli import main
from parapp.core import signing
from parapp.core.errors import ParappError
from parapp.core.i18n import set_language

SIGNER_CN = "Nguyễn Văn An"
SIGNER_O = "Ủy ban nhân dân tỉnh Sơn Hà"
PASSPHRASE = "mật-khẩu 2025"
ROOT = Path(__file__).resolve().parent.parent


# -- test PKI and documents -----------------------------------------------------------------------

def _name(cn: str, org: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _ca(cn: str):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = dt.datetime.now(dt.UTC)
    name = _name(cn, "Ban Cơ yếu Chính phủ (thử nghiệm)")
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False,
                                         False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
            .sign(key, hashes.SHA256()))
    return key, cert


SIGN_USAGE = x509.KeyUsage(True, True, False, False, False, False, False, False, False)
ENCIPHER_USAGE = x509.KeyUsage(False, False, True, False, False, False, False, False, False)
KP = x509.oid.ExtendedKeyUsageOID
# certificates of the signer's key besides the good one: days of validity from now, KeyUsage
# (None: no extension), ExtendedKeyUsage
VARIANTS = {
    "expired": ((-30, -1), SIGN_USAGE, ()),
    "not_yet_valid": ((1, 365), SIGN_USAGE, ()),
    "no_signing": ((-1, 365), ENCIPHER_USAGE, ()),
    "server_only": ((-1, 365), SIGN_USAGE, (KP.SERVER_AUTH,)),
    "no_key_usage": ((-1, 365), None, ()),  # allowed: no restriction (RFC 5280)
    "vn_ca": ((-1, 365), SIGN_USAGE, (KP.CLIENT_AUTH, KP.EMAIL_PROTECTION)),  # allowed
}


def _signer_cert(ca_key, ca, key, days=(-1, 365), usage=SIGN_USAGE, purposes=()):
    now = dt.datetime.now(dt.UTC)
    builder = (x509.CertificateBuilder().subject_name(_name(SIGNER_CN, SIGNER_O))
               .issuer_name(ca.subject).public_key(key.public_key())
               .serial_number(x509.random_serial_number())
               .not_valid_before(now + dt.timedelta(days=days[0]))
               .not_valid_after(now + dt.timedelta(days=days[1]))
               .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                   ca_key.public_key()), False))
    if usage is not None:
        builder = builder.add_extension(usage, critical=True)
    if purposes:
        builder = builder.add_extension(x509.ExtendedKeyUsage(list(purposes)), critical=False)
    return builder.sign(ca_key, hashes.SHA256())


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    d = tmp_path_factory.mktemp("pki")
    ca_key, ca = _ca("CA thử nghiệm tỉnh Sơn Hà")
    _other_key, other = _ca("CA không liên quan")
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = _signer_cert(ca_key, ca, key)
    (d / "root.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    (d / "root.der").write_bytes(ca.public_bytes(serialization.Encoding.DER))
    (d / "other.pem").write_bytes(other.public_bytes(serialization.Encoding.PEM))
    certs = {"signer": cert, **{name: _signer_cert(ca_key, ca, key, *spec)
                                for name, spec in VARIANTS.items()}}
    for name, c in certs.items():
        (d / f"{name}.p12").write_bytes(pkcs12.serialize_key_and_certificates(
            b"an", key, c, [ca], serialization.BestAvailableEncryption(PASSPHRASE.encode())))
        (d / f"{name}.der").write_bytes(c.public_bytes(serialization.Encoding.DER))
    (d / "key.pk8").write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    return SimpleNamespace(dir=d, root=d / "root.pem", root_der=d / "root.der",
                           other=d / "other.pem", p12=d / "signer.p12", key=d / "key.pk8",
                           cert=d / "signer.der", serial=format(cert.serial_number, "X"),
                           certs=certs)


def vn(moment: dt.datetime, fmt: str = "%d/%m/%Y") -> str:
    """A moment as the messages show it, in Vietnam time (UTC+7, no daylight saving)."""
    return moment.astimezone(dt.timezone(dt.timedelta(hours=7))).strftime(fmt)


def period(cert: x509.Certificate) -> str:
    return f"hiệu lực từ {vn(cert.not_valid_before_utc)} đến {vn(cert.not_valid_after_utc)}"


@pytest.fixture(scope="module")
def key(pki):
    with signing.load_pkcs12(pki.p12, PASSPHRASE) as material:
        yield material


def make_pdf(path: Path, pages: int = 2) -> Path:
    """A small uncompressed reportlab PDF with text only at the top of each page."""
    from reportlab.pdfgen import canvas
    c = canvas.Canvas(str(path), pageCompression=0, invariant=1)
    for n in range(1, pages + 1):
        c.drawString(72, 770, f"Trang {n}: tong diem 87,25 - xep hang 3")  # base-14 font
        c.showPage()
    c.save()
    return path


def with_field(src: Path, dest: Path, page: int, box: tuple[int, int, int, int]) -> Path:
    """The PDF with an empty signature field, as the report module adds it."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field
    w = IncrementalPdfFileWriter(io.BytesIO(src.read_bytes()))
    append_signature_field(w, SigFieldSpec(sig_field_name=signing.SIGNATURE_FIELD, on_page=page,
                                           box=box))
    out = io.BytesIO()
    w.write(out)
    dest.write_bytes(out.getvalue())
    return dest


@pytest.fixture
def pdf(tmp_path) -> Path:
    return make_pdf(tmp_path / "bao-cao.pdf")


@pytest.fixture(scope="module")
def images(tmp_path_factory):
    from PIL import Image, ImageDraw
    d = tmp_path_factory.mktemp("img")
    sig = Image.new("RGBA", (400, 160), (0, 0, 0, 0))
    ImageDraw.Draw(sig).line([(20, 120), (80, 30), (140, 130), (200, 40), (260, 120),
                              (380, 60)], fill=(0, 40, 200, 255), width=10)
    sig.save(d / "chu-ky.png")
    seal = Image.new("RGBA", (300, 300), (0, 0, 0, 0))
    draw = ImageDraw.Draw(seal)
    draw.ellipse([10, 10, 290, 290], outline=(220, 0, 0, 255), width=16)
    draw.ellipse([70, 70, 230, 230], outline=(220, 0, 0, 255), width=10)
    seal.save(d / "con-dau.png")
    (d / "not-an-image.png").write_text("không phải ảnh")
    return SimpleNamespace(signature=d / "chu-ky.png", seal=d / "con-dau.png",
                           broken=d / "not-an-image.png")


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def annotation_rect(path: Path, field: str = signing.SIGNATURE_FIELD) -> list[float]:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields
    with open(path, "rb") as fh:
        reader = PdfFileReader(fh, strict=False)
        for name, _value, ref in enumerate_sig_fields(reader):
            if name == field:
                obj = ref.get_object()
                widget = obj if "/Rect" in obj else obj["/Kids"][0].get_object()
                return [float(v) for v in widget["/Rect"]]
    raise AssertionError(f"no field {field}")


needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")
needs_pdfsig = pytest.mark.skipif(not shutil.which("pdfsig"), reason="poppler's pdfsig missing")


# -- signing and verifying with a PKCS#12 file ----------------------------------------------------

def test_sign_and_verify_with_pkcs12(pdf, tmp_path, key, pki):
    before = pdf.read_bytes()
    out = tmp_path / "da-ky.pdf"
    result = signing.sign_pdf(pdf, out, key, reason="Ban hành kết quả", location="Sơn Hà")
    assert pdf.read_bytes() == before  # the source is never modified
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.pdf", "da-ky.pdf"]  # no temp
    assert result.placement is signing.Placement.DEFAULT and result.page == 2
    assert result.field_name == "ChuKySo"
    assert result.signing_time.utcoffset() == dt.timedelta(hours=7)

    [report] = signing.verify_pdf(out, [pki.root])
    assert report.ok and report.intact and report.valid and report.trusted is True
    assert (report.signer.common_name, report.signer.organisation) == (SIGNER_CN, SIGNER_O)
    assert report.signer.serial == pki.serial
    assert report.signing_time == result.signing_time  # the stamp shows the signed time
    assert abs(report.signing_time - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=2)
    assert (report.coverage, report.modified_after, report.changes) == ("entire_file", False,
                                                                        "none")
    assert (report.reason, report.location) == ("Ban hành kết quả", "Sơn Hà")
    assert report.summary.startswith(f"Hợp lệ: {SIGNER_CN} ({SIGNER_O}) ký lúc "
                                     f"{signing.format_time(result.signing_time)}")
    assert "chứng thư số được tin cậy" in report.summary
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d:\d\d \+07:00",
                        signing.format_time(report.signing_time))

    # trust: DER roots work too; without roots trust is not judged; a foreign root fails
    assert signing.verify_pdf(out, [pki.root_der])[0].trusted is True
    untested = signing.verify_pdf(out)[0]
    assert untested.trusted is None and untested.ok
    assert "chưa kiểm tra độ tin cậy" in untested.summary
    foreign = signing.verify_pdf(out, [pki.other])[0]
    assert foreign.trusted is False and not foreign.ok and foreign.intact and foreign.valid
    assert "KHÔNG được tin cậy" in foreign.summary
    set_language("en")
    assert foreign.summary.startswith("FAILED: ") and "NOT trusted" in foreign.summary


def test_format_time_is_vietnam_time():
    moment = dt.datetime(2025, 12, 31, 18, 30, 5, tzinfo=dt.UTC)
    assert signing.format_time(moment) == "01/01/2026 01:30:05 +07:00"


def test_a_changed_byte_is_caught(pdf, tmp_path, key, pki, capsys):
    out = tmp_path / "da-ky.pdf"
    signing.sign_pdf(pdf, out, key)
    data = out.read_bytes()
    at = data.index(b"87,25")  # the page text, inside the signed byte range
    tampered = tmp_path / "sua.pdf"
    tampered.write_bytes(data[:at] + b"97" + data[at + 2:])
    [report] = signing.verify_pdf(tampered, [pki.root])
    assert not report.intact and not report.ok
    assert "mã băm không khớp" in report.summary
    code, out_text, _ = run(capsys, "verify", tampered, "--trust", pki.root)
    assert code == 1 and "KHÔNG ĐẠT" in out_text


def test_an_update_after_signing_is_reported(pdf, tmp_path, key, pki, capsys):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    signed = tmp_path / "da-ky.pdf"
    signing.sign_pdf(pdf, signed, key)
    w = IncrementalPdfFileWriter(io.BytesIO(signed.read_bytes()))
    w.add_stream_to_page(0, w.add_object(generic.StreamObject(
        stream_data=b"BT /F1 12 Tf 72 600 Td (xep hang 1) Tj ET")))
    changed = tmp_path / "them.pdf"
    with open(changed, "wb") as fh:
        w.write(fh)
    [report] = signing.verify_pdf(changed, [pki.root])
    assert report.intact and report.valid  # the signed revision itself is fine …
    assert report.modified_after and report.coverage == "entire_revision"
    assert report.changes == "other" and not report.harmless and not report.ok
    assert report.trailing_bytes == 0  # a proper incremental update, not appended bytes
    assert "ĐÃ BỊ SỬA ĐỔI SAU KHI KÝ" in report.summary and "NỐI THÊM" not in report.summary
    code, out, _ = run(capsys, "verify", changed, "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["ok"] is False
    assert data["signatures"][0]["modified_after"] is True


def test_a_second_signature_is_a_harmless_update(pdf, tmp_path, key, pki, capsys):
    first = tmp_path / "mot.pdf"
    second = tmp_path / "hai.pdf"
    signing.sign_pdf(pdf, first, key)
    result = signing.sign_pdf(first, second, key, page=1, box=(300, 500, 520, 580))
    assert result.field_name == "ChuKySo_2" and result.placement is signing.Placement.BOX
    one, two = signing.verify_pdf(second, [pki.root])
    assert one.modified_after and one.harmless and one.changes in ("form_filling", "signatures")
    assert one.ok and "ký thêm hoặc điền biểu mẫu" in one.summary
    assert one.trailing_bytes == two.trailing_bytes == 0
    assert two.ok and not two.modified_after
    code, _out, _err = run(capsys, "verify", second, "--trust", pki.root)
    assert code == 0


@needs_pdfsig
def test_pdfsig_agrees(pdf, tmp_path, key):
    out = tmp_path / "da-ky.pdf"
    signing.sign_pdf(pdf, out, key)
    good = subprocess.run(["pdfsig", str(out)], capture_output=True, text=True)
    assert "Signature is Valid" in good.stdout, good.stdout + good.stderr
    assert SIGNER_CN in good.stdout and "ETSI.CAdES.detached" in good.stdout
    assert "Total document signed" in good.stdout
    data = out.read_bytes()
    at = data.index(b"87,25")
    bad_file = tmp_path / "sua.pdf"
    bad_file.write_bytes(data[:at] + b"97" + data[at + 2:])
    bad = subprocess.run(["pdfsig", str(bad_file)], capture_output=True, text=True)
    assert "Signature is Valid" not in bad.stdout
    assert "Digest Mismatch" in bad.stdout or "Invalid" in bad.stdout


# -- placement ------------------------------------------------------------------------------------

def test_signs_into_the_documents_own_field(pdf, tmp_path, key, pki):
    src = with_field(pdf, tmp_path / "co-o-ky.pdf", page=0, box=(330, 300, 543, 380))
    out = tmp_path / "da-ky.pdf"
    result = signing.sign_pdf(src, out, key, page=2, box=(10, 10, 100, 50))  # the field wins
    assert result.placement is signing.Placement.FIELD and result.page == 1
    assert result.field_name == "ChuKySo" and result.box == (330, 300, 543, 380)
    assert annotation_rect(out) == [330, 300, 543, 380]
    [report] = signing.verify_pdf(out, [pki.root])
    assert report.ok and report.field_name == "ChuKySo"


@needs_poppler
def test_signs_a_real_report_in_its_signature_space(small_demo, tmp_path, key, pki, images):
    from parapp.core.reports import decision, nd30
    from parapp.core.store import Store
    assert signing.SIGNATURE_FIELD == nd30.SIGNATURE_FIELD
    report = tmp_path / "quyet-dinh.pdf"
    with Store.open(small_demo) as store:
        decision.build_decision(store, report)
    space = nd30.signature_field(report)
    out = tmp_path / "xep-loai-da-ky.pdf"
    result = signing.sign_pdf(report, out, key, signature_image=images.signature,
                              seal_image=images.seal)
    assert result.placement is signing.Placement.FIELD
    assert (result.page - 1, result.box) == (space.page, tuple(space.box))
    [check] = signing.verify_pdf(out, [pki.root])
    assert check.ok and check.coverage == "entire_file"
    assert_stamp_fits(out, result.page, result.stamp_text)


@needs_pdfsig
def test_the_decision_and_its_annexes_signed_once(small_demo, tmp_path, pki, capsys,
                                                  monkeypatch):
    """The decision with its annexes in one file, signed once in the decision's signature
    space: `parapp verify` and poppler's pdfsig both find one valid signature covering the
    whole file (the annexes included)."""
    code, _out, _err = run(capsys, "report", "decision", small_demo, "-o",
                           tmp_path / "quyet-dinh.pdf")
    assert code == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    code, _out, _err = run(capsys, "sign", tmp_path / "quyet-dinh.pdf", "-o",
                           tmp_path / "da-ky.pdf", "--pkcs12", pki.p12, "--pin-stdin")
    assert code == 0
    code, out, _err = run(capsys, "verify", tmp_path / "da-ky.pdf", "--trust", pki.root)
    assert code == 0 and "1 chữ ký" in out and "hợp lệ" in out
    info = subprocess.run(["pdfsig", str(tmp_path / "da-ky.pdf")], capture_output=True,
                          text=True).stdout
    assert info.count("Signature Field Name:") == 1
    assert "Signature is Valid" in info and "Total document signed" in info
    text = subprocess.run(["pdftotext", str(tmp_path / "da-ky.pdf"), "-"], capture_output=True,
                          text=True).stdout
    for label in ("Phụ lục I", "Phụ lục II", "Phụ lục III"):  # the annexes under the signature
        assert re.search(rf"(?m)^\f?{label}$", text), label


@needs_poppler
def test_an_annex_on_its_own_gets_the_organisations_signature(small_demo, tmp_path, key, pki):
    """An annex issued as a file of its own carries the organisation's signature top right of
    its first page (NĐ 30): the organisation, the decision's number and symbol, the signing time
    (ISO 8601, Vietnam time), 10 pt; no signer's name is expected."""
    from parapp.core.reports import decision
    from parapp.core.store import Store
    with Store.open(small_demo) as store:
        decision.build_annex(store, "sipas", tmp_path / "sipas.pdf")
    result = signing.sign_pdf(tmp_path / "sipas.pdf", tmp_path / "da-ky.pdf", key)
    assert (result.field_name, result.placement, result.page) == (
        signing.ORG_SIGNATURE_FIELD, signing.Placement.FIELD, 1)
    assert result.other_signer is None
    assert result.stamp_text == [SIGNER_O, "386/QĐ-UBND", result.signing_time.isoformat()]
    assert result.signing_time.isoformat().endswith("+07:00")
    _x1, _y1, x2, y2 = result.box
    assert x2 > 550 and y2 > 780  # top right of an A4 portrait page (595 × 842)
    # each line inside the field's box (the number is also printed in the "Kèm theo" line)
    rect = annotation_rect(tmp_path / "da-ky.pdf", signing.ORG_SIGNATURE_FIELD)
    inside = text_inside(stamp_words(tmp_path / "da-ky.pdf", 1), rect)
    assert sorted(w[0] for w in inside) == sorted(result.stamp_text)
    [check] = signing.verify_pdf(tmp_path / "da-ky.pdf", [pki.root])
    assert check.ok and check.field_name == signing.ORG_SIGNATURE_FIELD


def test_a_certificate_of_someone_else_than_the_printed_signer_is_named(small_demo, tmp_path,
                                                                       key, pki, capsys,
                                                                       monkeypatch):
    from parapp.core.reports import decision
    from parapp.core.store import Store

    def report_signed_by(name: str) -> Path:
        with Store.open(small_demo) as store:
            with store.edit("test") as ed:
                ed.set_setting("signer_name", name)
            decision.build_decision(store, tmp_path / "xep-loai.pdf")
        return tmp_path / "xep-loai.pdf"

    # the same person, written without accents and in capitals: no warning
    same = signing.sign_pdf(report_signed_by("NGUYEN VAN AN"), tmp_path / "a.pdf", key)
    assert same.other_signer is None and same.warning is None
    other = signing.sign_pdf(report_signed_by("Nguyễn Kim Chi"), tmp_path / "b.pdf", key)
    assert other.other_signer == "Nguyễn Kim Chi"
    assert other.warning == (f"Lưu ý: chứng thư số là của «{SIGNER_CN}», còn văn bản ghi người "
                             "ký «Nguyễn Kim Chi»; hãy kiểm tra trước khi gửi đi")
    assert signing.verify_pdf(tmp_path / "b.pdf", [pki.root])[0].ok  # signed all the same
    # the command line says so on stderr; --expect-signer names the signer of any PDF
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    code, _out, err = run(capsys, "sign", tmp_path / "xep-loai.pdf", "-o", tmp_path / "c.pdf",
                          "--pkcs12", pki.p12, "--pin-stdin")
    assert code == 0 and err == f"parapp: {other.warning}\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    code, out, err = run(capsys, "sign", tmp_path / "xep-loai.pdf", "-o", tmp_path / "d.pdf",
                         "--pkcs12", pki.p12, "--pin-stdin", "--expect-signer", "nguyễn văn an",
                         "--format", "json")
    assert (code, err, json.loads(out)["other_signer"]) == (0, "", None)
    assert signing.same_person("Nguyễn Văn An", "NGUYỄN VĂN AN - UBND TỈNH SƠN HÀ")
    assert not signing.same_person("Nguyễn Văn An", "Nguyễn Văn Anh")
    assert not signing.same_person("An", "Nguyễn Văn An")  # one word is not a person


def test_page_and_box_are_checked(pdf, tmp_path, key):
    out = tmp_path / "da-ky.pdf"
    with pytest.raises(signing.SigningError, match="Trang 3 không có"):
        signing.sign_pdf(pdf, out, key, page=3)
    with pytest.raises(signing.SigningError, match="nằm ngoài trang 1"):
        signing.sign_pdf(pdf, out, key, page=1, box=(500, 10, 700, 90))
    with pytest.raises(signing.SigningError, match="x2 > x1"):
        signing.sign_pdf(pdf, out, key, page=1, box=(300, 90, 200, 10))
    assert not out.exists()
    result = signing.sign_pdf(pdf, out, key, page=1, box=(72, 72, 292, 152))
    assert (result.page, result.box) == (1, (72, 72, 292, 152))
    assert annotation_rect(out) == [72, 72, 292, 152]


def test_source_is_never_the_destination(pdf, key, tmp_path):
    before = pdf.read_bytes()
    with pytest.raises(signing.SigningError, match="phải khác tệp gốc"):
        signing.sign_pdf(pdf, pdf, key)
    with pytest.raises(signing.SigningError, match="phải khác tệp gốc"):
        signing.sign_pdf(pdf, tmp_path / "." / pdf.name, key)
    assert pdf.read_bytes() == before


# -- the signer's certificate: valid at the signing time, and for signing -------------------------

CA_TODO = "Hãy gia hạn chứng thư số với đơn vị cung cấp dịch vụ chứng thực chữ ký số (CA)."
REFUSALS = {  # what `parapp sign` says, after «holder»
    "expired": lambda c: f"đã hết hạn ({period(c)}): không ký được. {CA_TODO}",
    "not_yet_valid": lambda c: f"chưa có hiệu lực ({period(c)}): không ký được. Hãy kiểm tra "
                               f"ngày giờ của máy tính, hoặc ký từ ngày "
                               f"{vn(c.not_valid_before_utc)}.",
    "no_signing": lambda c: "không dùng để ký văn bản (chỉ cho phép: keyEncipherment): không ký "
                            "được. Hãy dùng chứng thư số ký văn bản do đơn vị cung cấp dịch vụ "
                            "chứng thực chữ ký số (CA) cấp.",
    "server_only": lambda c: "không dùng để ký văn bản (chỉ cho phép: serverAuth): không ký "
                             "được. Hãy dùng chứng thư số ký văn bản do đơn vị cung cấp dịch vụ "
                             "chứng thực chữ ký số (CA) cấp.",
}


@pytest.mark.parametrize("variant", REFUSALS)
def test_sign_refuses_a_certificate_that_may_not_sign(variant, pdf, tmp_path, pki, monkeypatch,
                                                      capsys):
    before = pdf.read_bytes()
    out = tmp_path / "da-ky.pdf"
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    code, text, err = run(capsys, "sign", pdf, "-o", out, "--pkcs12", pki.dir / f"{variant}.p12",
                          "--pin-stdin")
    expected = REFUSALS[variant](pki.certs[variant])
    assert (code, text, err) == (1, "", f"parapp: lỗi: Chứng thư số của «{SIGNER_CN}» "
                                        f"{expected}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.pdf"]  # nothing written
    assert pdf.read_bytes() == before
    with pytest.raises(signing.CertificateError) as refused:  # the same rule in the core
        signing.load_pkcs12(pki.dir / f"{variant}.p12", PASSPHRASE)
    assert str(refused.value) == f"Chứng thư số của «{SIGNER_CN}» {expected}"


def test_the_refusal_in_english(pdf, tmp_path, pki, monkeypatch, capsys):
    cert = pki.certs["expired"]
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    code, _text, err = run(capsys, "--lang", "en", "sign", pdf, "-o", tmp_path / "o.pdf",
                           "--pkcs12", pki.dir / "expired.p12", "--pin-stdin")
    assert code == 1 and err == (
        f"parapp: error: The certificate of «{SIGNER_CN}» has expired (valid from "
        f"{vn(cert.not_valid_before_utc)} to {vn(cert.not_valid_after_utc)}): cannot sign. "
        "Renew the certificate with its certification authority (CA).\n")
    assert not (tmp_path / "o.pdf").exists()


def test_sign_pdf_checks_the_certificate_at_the_time_it_signs(pdf, tmp_path, key, pki):
    cert = pki.certs["signer"]
    out = tmp_path / "da-ky.pdf"
    late = cert.not_valid_after_utc + dt.timedelta(days=1)
    with pytest.raises(signing.CertificateError, match=re.escape(f"đã hết hạn ({period(cert)})")):
        signing.sign_pdf(pdf, out, key, signing_time=late)
    early = cert.not_valid_before_utc - dt.timedelta(days=1)
    with pytest.raises(signing.CertificateError, match="chưa có hiệu lực"):
        signing.sign_pdf(pdf, out, key, signing_time=early)
    assert not out.exists()


@pytest.mark.parametrize("variant", ["no_key_usage", "vn_ca"])
def test_certificates_that_may_sign(variant, pdf, tmp_path, pki, monkeypatch, capsys):
    """No KeyUsage restricts nothing; clientAuth + emailProtection is what Vietnamese CAs issue."""
    out = tmp_path / "da-ky.pdf"
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    code, _text, err = run(capsys, "sign", pdf, "-o", out, "--pkcs12",
                           pki.dir / f"{variant}.p12", "--pin-stdin")
    assert code == 0, err
    code, text, _err = run(capsys, "verify", out, "--trust", pki.root)
    assert code == 0 and "tất cả hợp lệ" in text


def sign_elsewhere(src: Path, dest: Path, p12: Path, when: dt.datetime) -> Path:
    """Sign as a tool without parapp's certificate rule does, on a computer whose clock says
    `when`: a real PAdES signature with that signing time."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigSeedSubFilter

    class ClockSigner(signers.PdfSigner):
        def init_signing_session(self, pdf_out, existing_fields_only=False):
            session = super().init_signing_session(pdf_out, existing_fields_only)
            session.system_time = when
            return session

    signer = signers.SimpleSigner.load_pkcs12(str(p12), passphrase=PASSPHRASE.encode())
    meta = signers.PdfSignatureMetadata(field_name=signing.SIGNATURE_FIELD, md_algorithm="sha256",
                                        subfilter=SigSeedSubFilter.PADES)
    with open(dest, "wb") as fh:
        ClockSigner(meta, signer=signer).sign_pdf(
            IncrementalPdfFileWriter(io.BytesIO(src.read_bytes())), output=fh)
    return dest


NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
TRUSTED = "chứng thư số được tin cậy"
OUT_OF_BOUNDS = ("chứng thư số KHÔNG được tin cậy theo các chứng thư gốc đã cho (chứng thư số hết "
                 "hạn hoặc chưa có hiệu lực)")


@pytest.mark.parametrize("variant, when, words, trust", [
    ("expired", NOW, "ĐÃ HẾT HẠN TRƯỚC KHI KÝ", OUT_OF_BOUNDS),
    # a valid certificate, the signer's clock wrong: pyHanko checks the certificate at the
    # verification time only and trusts it
    ("signer", NOW - dt.timedelta(days=5), "CHƯA CÓ HIỆU LỰC KHI KÝ", TRUSTED),
    ("signer", NOW + dt.timedelta(days=400), "ĐÃ HẾT HẠN TRƯỚC KHI KÝ", TRUSTED),
], ids=["expired", "clock-behind", "clock-ahead"])
def test_verify_fails_a_signature_made_outside_the_certificates_validity(
        variant, when, words, trust, pdf, tmp_path, pki, capsys):
    signed = sign_elsewhere(pdf, tmp_path / "da-ky.pdf", pki.dir / f"{variant}.p12", when)
    cert = pki.certs[variant]
    code, text, err = run(capsys, "verify", signed, "--trust", pki.root)
    assert code == 1, err
    assert text.splitlines()[:2] == [
        f"{signed}: 1 chữ ký — CÓ CHỮ KÝ KHÔNG ĐẠT",
        f"[1] ChuKySo — KHÔNG ĐẠT: {SIGNER_CN} ({SIGNER_O}) ký lúc "
        f"{vn(when, '%d/%m/%Y %H:%M:%S +07:00')}; CHỨNG THƯ SỐ {words} ({period(cert)}); "
        f"tài liệu không bị sửa sau khi ký; {trust}."]
    [report] = signing.verify_pdf(signed, [pki.root])
    assert report.intact and report.valid and not report.ok
    assert report.trusted is (trust == TRUSTED)
    assert report.certificate_problem.kind == ("not_yet_valid" if "CHƯA" in words else "expired")
    code, text, _err = run(capsys, "verify", signed)  # without roots too
    assert code == 1 and f"CHỨNG THƯ SỐ {words}" in text
    code, text, _err = run(capsys, "verify", signed, "--format", "json")
    [sig] = json.loads(text)["signatures"]
    assert sig["certificate_problem"] == report.certificate_problem.kind


def test_verify_fails_a_certificate_not_for_signing(pdf, tmp_path, pki, capsys):
    signed = sign_elsewhere(pdf, tmp_path / "da-ky.pdf", pki.dir / "no_signing.p12", NOW)
    code, text, _err = run(capsys, "verify", signed)
    assert code == 1
    assert ("; CHỨNG THƯ SỐ KHÔNG DÙNG ĐỂ KÝ VĂN BẢN (chỉ cho phép: keyEncipherment); tài liệu "
            "không bị sửa sau khi ký;") in text.splitlines()[1]
    code, text, _err = run(capsys, "--lang", "en", "verify", signed)
    assert "THE CERTIFICATE IS NOT FOR SIGNING DOCUMENTS (it allows only: keyEncipherment)" in text
    # a valid signature from another tool passes, so it is the certificate that failed it
    good = sign_elsewhere(pdf, tmp_path / "tot.pdf", pki.p12, NOW)
    assert run(capsys, "verify", good, "--trust", pki.root)[0] == 0


# -- bytes appended after the last revision -------------------------------------------------------

@pytest.mark.parametrize("tail", [b"<rac>sau %%EOF</rac>\n", b"x" * 3000],  # > 1 KiB: pyHanko
                         ids=["short", "long"])                       # no longer sees the %%EOF
def test_bytes_after_the_last_revision_are_reported(tail, pdf, tmp_path, key, pki, capsys):
    signed = tmp_path / "da-ky.pdf"
    result = signing.sign_pdf(pdf, signed, key)
    appended = tmp_path / "noi-them.pdf"
    appended.write_bytes(signed.read_bytes() + tail)
    n = len(tail)
    code, text, err = run(capsys, "verify", appended, "--trust", pki.root)
    assert code == 1, err
    assert text.splitlines() == [
        f"{appended}: 1 chữ ký — CÓ CHỮ KÝ KHÔNG ĐẠT",
        f"[1] ChuKySo — KHÔNG ĐẠT: {SIGNER_CN} ({SIGNER_O}) ký lúc "
        f"{signing.format_time(result.signing_time)}; tài liệu không bị sửa sau khi ký; NHƯNG "
        f"CÓ {n} BYTE NỐI THÊM SAU PHẦN CUỐI CỦA TỆP (sau %%EOF), không được ký: tệp không còn "
        f"đúng như đã ký; chứng thư số được tin cậy.",
        f"    Người ký: {SIGNER_CN}; cơ quan: {SIGNER_O}; số sê-ri: {pki.serial}; nơi cấp: CA "
        "thử nghiệm tỉnh Sơn Hà",
        f"    Thời gian ký: {signing.format_time(result.signing_time)}; toàn vẹn: có; chữ ký "
        f"đúng: có; phạm vi: toàn bộ tài liệu, trừ {n} byte nối thêm sau %%EOF; tin cậy: có"]
    code, text, _err = run(capsys, "verify", appended, "--format", "json")
    [sig] = json.loads(text)["signatures"]
    assert code == 1 and (sig["trailing_bytes"], sig["coverage"], sig["ok"]) == (
        n, "entire_revision", False)
    code, text, _err = run(capsys, "--lang", "en", "verify", appended)
    assert f"BUT {n} BYTES WERE APPENDED AFTER THE END OF THE FILE (after %%EOF)" in text
    assert run(capsys, "verify", signed, "--trust", pki.root)[0] == 0  # the file as signed


# -- the visible stamp (NĐ 30 / TT 01/2019) --------------------------------------------------------

def stamp_words(path: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    """(text, x1, y1, x2, y2) of the text poppler finds on a page, y from the bottom."""
    html = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(path),
                           "-"], capture_output=True, text=True, check=True).stdout
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', html).group(1))
    words = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                         r'yMax="([\d.]+)">([^<]*)</word>', html):
        x1, y1, x2, y2 = (float(v) for v in m.groups()[:4])
        words.append((m.group(5), x1, height - y2, x2, height - y1))
    return words


def text_inside(words, rect, tolerance=0.5):
    x1, y1, x2, y2 = rect
    return [w for w in words if w[1] >= x1 - tolerance and w[3] <= x2 + tolerance
            and w[2] >= y1 - tolerance and w[4] <= y2 + tolerance]


def assert_stamp_fits(path: Path, page: int, lines: list[str]):
    """Each stamp line is on the page (pyHanko tags it with /ActualText, so poppler reports a
    line as one word) and lies inside the signature widget's rectangle."""
    rect = annotation_rect(path)
    words = [w for w in stamp_words(path, page) if w[0] in lines]
    assert sorted(w[0] for w in words) == sorted(lines)
    outside = [w for w in words if w not in text_inside(words, rect)]
    assert not outside, f"stamp text outside its box {rect}: {outside}"


@needs_poppler
@pytest.mark.parametrize("with_images", [False, True])
def test_stamp_text_is_vietnamese_and_fits_the_box(pdf, tmp_path, key, images, with_images):
    out = tmp_path / "da-ky.pdf"
    kwargs = dict(signature_image=images.signature, seal_image=images.seal) if with_images else {}
    result = signing.sign_pdf(pdf, out, key, **kwargs)
    assert result.stamp_text == [
        f"Ký bởi: {SIGNER_CN}", f"Cơ quan: {SIGNER_O}",
        f"Thời gian ký: {signing.format_time(result.signing_time)}"]
    assert_stamp_fits(out, 2, result.stamp_text)
    # a tall box stacks the images over the text, which still fits
    tall = tmp_path / "cao.pdf"
    result = signing.sign_pdf(pdf, tall, key, page=1, box=(350, 300, 500, 420), **kwargs)
    assert_stamp_fits(tall, 1, result.stamp_text)


@needs_poppler
def test_the_fit_check_catches_pyhankos_wide_glyphs(pdf, tmp_path, key, monkeypatch):
    """Without the rescaled font (Liberation Serif has 2048 units per em) the same check fails:
    pyHanko writes widths in font units where PDF expects thousandths of an em."""
    from fontTools.ttLib import TTFont
    assert TTFont(signing.FONT_PATH)["head"].unitsPerEm == 2048
    assert TTFont(io.BytesIO(signing.stamp_font_bytes()))["head"].unitsPerEm == 1000
    monkeypatch.setattr(signing, "stamp_font_bytes",
                        lambda path=signing.FONT_PATH: Path(path).read_bytes())
    out = tmp_path / "rong.pdf"
    result = signing.sign_pdf(pdf, out, key)
    with pytest.raises(AssertionError, match="outside its box"):
        assert_stamp_fits(out, 2, result.stamp_text)


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils missing")
def test_stamp_images_render_inside_the_box(pdf, tmp_path, key, images):
    from PIL import Image
    out = tmp_path / "da-ky.pdf"
    result = signing.sign_pdf(pdf, out, key, signature_image=images.signature,
                              seal_image=images.seal)
    dpi = 72
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", "2", "-l", "2", "-png", str(out),
                    str(tmp_path / "trang")], check=True)
    page = Image.open(next(tmp_path.glob("trang*.png"))).convert("RGB")
    x1, y1, x2, y2 = result.box
    height = page.height
    inside = lambda x, y: x1 - 1 <= x <= x2 + 1 and height - y2 - 1 <= y <= height - y1 + 1  # noqa
    red = blue = 0
    for y in range(page.height):
        for x in range(page.width):
            r, g, b = page.getpixel((x, y))
            if r > 150 and g < 100 and b < 100:
                red += 1
                assert inside(x, y)
            elif b > 150 and r < 100:
                blue += 1
                assert inside(x, y)
            elif r + g + b < 600 and y > 150:  # dark ink below the page's own header text
                assert inside(x, y), (x, y)
    assert red > 20 and blue > 20  # the seal (red) and the signature (blue) are drawn


def test_a_broken_image_is_named(pdf, tmp_path, key, images):
    with pytest.raises(signing.SigningError, match=r"not-an-image.png"):
        signing.sign_pdf(pdf, tmp_path / "x.pdf", key, seal_image=images.broken)
    with pytest.raises(signing.SigningError, match=r"khong-co.png"):
        signing.sign_pdf(pdf, tmp_path / "x.pdf", key, signature_image=tmp_path / "khong-co.png")


# -- bad input ------------------------------------------------------------------------------------

def test_unreadable_and_unsigned_files(pdf, tmp_path, key):
    with pytest.raises(signing.UnsignedPdfError, match="không có chữ ký số"):
        signing.verify_pdf(pdf)
    signed = tmp_path / "da-ky.pdf"
    signing.sign_pdf(pdf, signed, key)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(signed.read_bytes()[: len(signed.read_bytes()) // 2])
    with pytest.raises(ParappError, match=r"cut.pdf") as err:
        signing.verify_pdf(cut)
    assert not isinstance(err.value, signing.UnsignedPdfError)
    text = tmp_path / "ghi-chu.pdf"
    text.write_text("không phải PDF")
    with pytest.raises(ParappError, match=r"ghi-chu.pdf không phải tệp PDF"):
        signing.verify_pdf(text)
    with pytest.raises(ParappError, match="Không tìm thấy tệp PDF"):
        signing.verify_pdf(tmp_path / "khong-co.pdf")
    with pytest.raises(ParappError, match=r"ghi-chu.pdf không phải tệp PDF"):
        signing.sign_pdf(text, tmp_path / "x.pdf", key)
    half = tmp_path / "half.pdf"
    half.write_bytes(pdf.read_bytes()[: len(pdf.read_bytes()) // 2])
    with pytest.raises(ParappError, match=r"half.pdf bị hỏng"):
        signing.sign_pdf(half, tmp_path / "x.pdf", key)
    assert not (tmp_path / "x.pdf").exists()
    with pytest.raises(ParappError, match="không phải chứng thư số"):
        signing.verify_pdf(signed, [text])


def test_pkcs12_errors_are_one_line_and_name_the_file(pki, tmp_path):
    with pytest.raises(signing.PinError, match="sai mật khẩu") as err:
        signing.load_pkcs12(pki.p12, "sai")
    assert str(pki.p12) in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(signing.SigningError, match="Không tìm thấy tệp khóa"):
        signing.load_pkcs12(tmp_path / "khong-co.p12", "x")
    junk = tmp_path / "rac.p12"
    junk.write_text("rác")
    with pytest.raises(signing.SigningError, match="không phải tệp khóa PKCS#12"):
        signing.load_pkcs12(junk, "x")


# -- PIN state (fake tokens: SoftHSM2 does not report the final-try and locked flags) -------------

class PublicSession:
    """A fake token's session without login: it shows no objects."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None

    def get_objects(self, _template):
        return []


class FakeToken:
    def __init__(self, flags, label="Token Sở Nội vụ", wrong_pin_flags=None):
        self.flags = flags
        self.label = label
        self.serial = b"0001"
        self.manufacturer_id = "Giả lập"
        self.model = "USB"
        self.opened = []
        self.wrong_pin_flags = wrong_pin_flags

    def open(self, user_pin=None, **_kw):
        from pkcs11.exceptions import PinIncorrect
        if user_pin is None:  # no login: the public objects (none here), not a PIN attempt
            return PublicSession()
        self.opened.append(user_pin)
        if self.wrong_pin_flags is not None:
            self.flags = self.wrong_pin_flags
            raise PinIncorrect()
        raise AssertionError("only wrong PINs in these tests")


def _fake_library(monkeypatch, token):
    def tokens(_library):
        status = signing.TokenStatus(
            slot=1, label=token.label, serial="0001", manufacturer="Giả lập", model="USB",
            pin_state=signing.pin_state(token), protected_authentication_path=False)
        return [(token, status)]
    monkeypatch.setattr(signing, "_tokens", tokens)


def test_pin_state_from_token_flags():
    from pkcs11.constants import TokenFlag
    base = TokenFlag.TOKEN_INITIALIZED | TokenFlag.LOGIN_REQUIRED | TokenFlag.USER_PIN_INITIALIZED
    state = lambda flags: signing.pin_state(SimpleNamespace(flags=flags))  # noqa: E731
    assert state(base) is signing.PinState.OK
    assert state(base | TokenFlag.USER_PIN_COUNT_LOW) is signing.PinState.COUNT_LOW
    assert state(base | TokenFlag.USER_PIN_COUNT_LOW | TokenFlag.USER_PIN_FINAL_TRY) \
        is signing.PinState.FINAL_TRY
    assert state(base | TokenFlag.USER_PIN_FINAL_TRY | TokenFlag.USER_PIN_LOCKED) \
        is signing.PinState.LOCKED
    assert signing.pin_warning(signing.PinState.OK) is None
    assert "Còn một lần nhập PIN cuối cùng trước khi thiết bị bị khóa" in \
        signing.pin_warning(signing.PinState.FINAL_TRY)
    assert "3 lần" in signing.pin_warning(signing.PinState.COUNT_LOW)
    set_language("en")
    assert "one PIN attempt left" in signing.pin_warning(signing.PinState.FINAL_TRY)


def test_a_locked_token_is_refused_before_any_login(monkeypatch):
    from pkcs11.constants import TokenFlag
    token = FakeToken(TokenFlag.TOKEN_INITIALIZED | TokenFlag.USER_PIN_LOCKED)
    _fake_library(monkeypatch, token)
    with pytest.raises(signing.PinError, match="đã bị khóa"):
        signing.open_token("/fake/lib.so", token.label, "1234")
    assert token.opened == []  # not one more attempt
    with pytest.raises(signing.PinError, match="đã bị khóa"):
        signing.check_pin(signing.token_status("/fake/lib.so", token.label))


def test_a_wrong_pin_says_so_and_warns_of_the_last_try(monkeypatch):
    from pkcs11.constants import TokenFlag
    init = TokenFlag.TOKEN_INITIALIZED
    token = FakeToken(init, wrong_pin_flags=init | TokenFlag.USER_PIN_FINAL_TRY)
    _fake_library(monkeypatch, token)
    with pytest.raises(signing.PinError) as err:
        signing.open_token("/fake/lib.so", token.label, "0000")
    message = str(err.value)
    assert message.startswith(f"Sai mã PIN của thiết bị ký số «{token.label}»")
    assert "Còn một lần nhập PIN cuối cùng trước khi thiết bị bị khóa" in message
    assert token.opened == ["0000"]  # exactly one attempt, no retry
    token = FakeToken(init, wrong_pin_flags=init | TokenFlag.USER_PIN_COUNT_LOW)
    _fake_library(monkeypatch, token)
    with pytest.raises(signing.PinError, match="bị khóa nếu nhập sai nhiều lần"):
        signing.open_token("/fake/lib.so", token.label, "0000")


def test_cli_warns_before_the_last_pin_and_refuses_a_locked_token(monkeypatch, pdf, tmp_path,
                                                                  capsys):
    from pkcs11.constants import TokenFlag
    init = TokenFlag.TOKEN_INITIALIZED
    token = FakeToken(init | TokenFlag.USER_PIN_FINAL_TRY,
                      wrong_pin_flags=init | TokenFlag.USER_PIN_LOCKED)
    _fake_library(monkeypatch, token)
    monkeypatch.setattr(sys, "stdin", io.StringIO("0000\n"))
    code, _out, err = run(capsys, "sign", pdf, "-o", tmp_path / "x.pdf", "--pkcs11-lib",
                          "/fake/lib.so", "--token-label", token.label, "--pin-stdin")
    assert code == 1
    lines = err.strip().splitlines()
    assert lines[0] == ("parapp: Cảnh báo: Còn một lần nhập PIN cuối cùng trước khi thiết bị "
                        "bị khóa.")
    assert lines[-1].startswith("parapp: lỗi: ") and "đã bị khóa" in lines[-1]
    assert len(lines) == 2
    code, _out, err = run(capsys, "sign", pdf, "-o", tmp_path / "x.pdf", "--pkcs11-lib",
                          "/fake/lib.so", "--token-label", token.label, "--pin-stdin")
    assert code == 1 and "đã bị khóa" in err and token.opened == ["0000"]
    assert not (tmp_path / "x.pdf").exists()


# -- command line -------------------------------------------------------------------------------

def test_cli_sign_and_verify_round_trip(pdf, tmp_path, pki, images, monkeypatch, capsys):
    out = tmp_path / "da-ky.pdf"
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    code, text, err = run(capsys, "sign", pdf, "-o", out, "--pkcs12", pki.p12, "--pin-stdin",
                          "--signature-image", images.signature, "--seal-image", images.seal,
                          "--reason", "Phê duyệt", "--location", "Sơn Hà")
    assert code == 0, err
    assert text.startswith(f"Đã ký: {out} (ô «ChuKySo», trang 2; {SIGNER_CN} — {SIGNER_O}; ")
    code, text, err = run(capsys, "verify", out, "--trust", pki.root)
    assert code == 0, err
    assert "1 chữ ký — tất cả hợp lệ" in text and f"Người ký: {SIGNER_CN}" in text
    assert "tin cậy: có" in text and "Lý do: Phê duyệt; nơi ký: Sơn Hà" in text
    code, text, _ = run(capsys, "verify", out, "--trust", pki.root, "--format", "json")
    data = json.loads(text)
    assert code == 0 and data["ok"] and data["trust_checked"]
    sig = data["signatures"][0]
    assert (sig["signer"]["common_name"], sig["trusted"], sig["intact"]) == (SIGNER_CN, True,
                                                                              True)
    assert sig["signing_time"].endswith("+07:00")
    code, _text, _ = run(capsys, "verify", out, "--trust", pki.other)
    assert code == 1  # valid, but not trusted by the given root
    # without roots: intact, but nobody checked who signed; a script tells the two apart
    code, text, _ = run(capsys, "verify", out)
    assert code == 3 and text.splitlines()[:2] == [
        f"{out}: 1 chữ ký — tất cả nguyên vẹn; CHƯA KIỂM TRA ĐỘ TIN CẬY của người ký (thêm "
        "--trust GỐC.pem)", f"[1] ChuKySo — Nguyên vẹn: {SIGNER_CN} ({SIGNER_O}) ký lúc "
        f"{sig_time(data)}; tài liệu không bị sửa sau khi ký; chưa kiểm tra độ tin cậy (không "
        "có chứng thư gốc)."]
    code, text, _ = run(capsys, "verify", out, "--format", "json")
    assert code == 3 and (json.loads(text)["status"], json.loads(text)["ok"]) == (
        "trust_not_checked", True)
    assert data["status"] == "trusted"
    code, text, _ = run(capsys, "--lang", "en", "verify", out)
    assert code == 3 and "trusted: not checked" in text and "TRUST WAS NOT CHECKED" in text


def sig_time(data) -> str:
    """The signing time of a verify --format json answer, as the text output shows it."""
    return signing.format_time(dt.datetime.fromisoformat(data["signatures"][0]["signing_time"]))


def test_cli_sign_json(pdf, tmp_path, pki, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    code, text, err = run(capsys, "sign", pdf, "-o", tmp_path / "o.pdf", "--pkcs12", pki.p12,
                          "--pin-stdin", "--page", 1, "--box", "72,72,292,152", "--format",
                          "json")
    assert code == 0, err
    data = json.loads(text)
    assert (data["placement"], data["page"], data["box"]) == ("box", 1, [72, 72, 292, 152])
    assert data["stamp_text"][0] == f"Ký bởi: {SIGNER_CN}"


def test_cli_errors(pdf, tmp_path, pki, monkeypatch, capsys):
    code, _out, err = run(capsys, "verify", pdf)
    assert code == 1 and "không có chữ ký số nào" in err and str(pdf) in err
    code, out, err = run(capsys, "verify", pdf, "--format", "json")
    assert code == 1 and json.loads(out)["ok"] is False
    junk = tmp_path / "ghi-chu.txt"
    junk.write_text("không phải PDF")
    code, _out, err = run(capsys, "verify", junk)
    assert code == 2 and f"{junk} không phải tệp PDF" in err and len(err.splitlines()) == 1
    code, _out, err = run(capsys, "verify", tmp_path / "khong-co.pdf")
    assert code == 2 and "Không tìm thấy tệp PDF" in err
    code, _out, err = run(capsys, "verify", pdf, "--trust", tmp_path / "khong-co.pem")
    assert code == 2 and "khong-co.pem" in err
    # sign: the key file is checked before any secret is asked for
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, _out, err = run(capsys, "sign", pdf, "-o", tmp_path / "o.pdf", "--pkcs12",
                          tmp_path / "khong-co.p12", "--pin-stdin")
    assert code == 1 and "Không tìm thấy tệp khóa PKCS#12" in err and "khong-co.p12" in err
    code, _out, err = run(capsys, "sign", pdf, "-o", tmp_path / "o.pdf")
    assert code == 1 and "--pkcs12" in err
    code, _out, err = run(capsys, "sign", pdf, "-o", tmp_path / "o.pdf", "--pkcs11-lib",
                          "/x.so")
    assert code == 1 and "--token-label" in err
    code, _out, err = run(capsys, "sign", pdf, "-o", pdf, "--pkcs12", pki.p12)
    assert code == 1 and "phải khác tệp gốc" in err
    monkeypatch.setattr(sys, "stdin", io.StringIO("sai\n"))
    code, _out, err = run(capsys, "sign", pdf, "-o", tmp_path / "o.pdf", "--pkcs12", pki.p12,
                          "--pin-stdin")
    assert code == 1 and "sai mật khẩu" in err and len(err.splitlines()) == 1
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    code, _out, err = run(capsys, "sign", pdf, "-o", tmp_path / "o.pdf", "--pkcs12", pki.p12,
                          "--pin-stdin", "--box", "1,2,3")
    assert code == 1 and "--box cần 4 số" in err
    assert not (tmp_path / "o.pdf").exists()


def test_cli_help_explains_the_pin_policy(capsys):
    with pytest.raises(SystemExit):
        main(["sign", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "--pin-stdin" in out and "không bao giờ nhận qua tham số dòng lệnh" in out
    assert "(ps)" in out


# -- a real PKCS#11 token: SoftHSM2 ---------------------------------------------------------------

TOKEN_LABEL = "Parapp Thử nghiệm"
EXPIRED_TOKEN = "Parapp Hết hạn"  # the same key, with a certificate that has expired
USER_PIN = "2468"


@pytest.fixture(scope="module")
def softhsm(pki, tmp_path_factory):
    with softhsm_token(tmp_path_factory.mktemp("softhsm"), TOKEN_LABEL, USER_PIN,
                       pki.key, pki.cert, more=[(EXPIRED_TOKEN, pki.key,
                                                 pki.dir / "expired.der")]) as token:
        yield token


def cli(*args, stdin="", env=None):
    return subprocess.run([sys.executable, "-m", "parapp", *map(str, args)], input=stdin,
                          capture_output=True, text=True, env={**(env or os.environ),
                                                               "PARAPP_LANG": "vi"},
                          cwd=ROOT)


def test_a_signing_run_prints_nothing_on_stderr_but_its_own_lines(pdf, tmp_path, pki):
    out = tmp_path / "da-ky.pdf"
    proc = cli("sign", pdf, "-o", out, "--pkcs12", pki.p12, "--pin-stdin",
               stdin=PASSPHRASE + "\n")
    assert (proc.returncode, proc.stderr) == (0, "")
    proc = cli("verify", out, "--trust", pki.root)
    assert (proc.returncode, proc.stderr) == (0, "")


@needs_pdfsig
def test_softhsm_sign_through_the_cli_and_verify(softhsm, pdf, tmp_path, pki):
    out = tmp_path / "token.pdf"
    proc = cli("sign", pdf, "-o", out, "--pkcs11-lib", softhsm.lib, "--token-label",
               TOKEN_LABEL, "--key-label", "Ky so", "--pin-stdin", stdin=USER_PIN + "\n",
               env=softhsm.env)
    assert proc.returncode == 0, proc.stderr
    assert f"{SIGNER_CN} — {SIGNER_O}" in proc.stdout
    proc = cli("verify", out, "--trust", pki.root, env=softhsm.env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    [report] = signing.verify_pdf(out, [pki.root])
    assert report.ok and report.signer.serial == pki.serial
    check = subprocess.run(["pdfsig", str(out)], capture_output=True, text=True)
    assert "Signature is Valid" in check.stdout


def test_softhsm_tokens_keys_and_a_wrong_pin(softhsm, pdf, tmp_path, pki):
    [token] = [t for t in signing.list_tokens(softhsm.lib) if t.label == TOKEN_LABEL]
    assert token.pin_state in (signing.PinState.OK, signing.PinState.COUNT_LOW)
    [cert] = signing.list_certificates(softhsm.lib, TOKEN_LABEL)
    assert (cert.label, cert.id, cert.certificate.common_name) == ("Ky so", "01", SIGNER_CN)
    with pytest.raises(signing.PinError) as err:
        signing.open_token(softhsm.lib, TOKEN_LABEL, "0000")
    assert str(err.value).startswith(f"Sai mã PIN của thiết bị ký số «{TOKEN_LABEL}»")
    assert "bị khóa" in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(signing.SigningError, match="Không thấy thiết bị ký số có nhãn «Khác»"):
        signing.token_status(softhsm.lib, "Khác")
    with pytest.raises(signing.SigningError, match=r"không-có.so"):
        signing.list_tokens(tmp_path / "không-có.so")
    # no key label: the token's only key with a certificate is used
    with signing.open_token(softhsm.lib, TOKEN_LABEL, USER_PIN) as material:
        assert material.certificate.serial == pki.serial
        signing.sign_pdf(pdf, tmp_path / "o.pdf", material)
    assert signing.verify_pdf(tmp_path / "o.pdf", [pki.root])[0].ok
    with pytest.raises(signing.SigningError, match="Không tìm thấy khóa ký"):
        signing.open_token(softhsm.lib, TOKEN_LABEL, USER_PIN, key_label="Không có")
    proc = cli("sign", pdf, "-o", tmp_path / "x.pdf", "--pkcs11-lib", softhsm.lib,
               "--token-label", TOKEN_LABEL, "--pin-stdin", stdin="0000\n", env=softhsm.env)
    assert proc.returncode == 1 and "Sai mã PIN" in proc.stderr
    assert "Traceback" not in proc.stderr and not (tmp_path / "x.pdf").exists()
    proc = cli("tokens", "--pkcs11-lib", softhsm.lib, "--token-label", TOKEN_LABEL,
               "--format", "json", env=softhsm.env)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert TOKEN_LABEL in [t["label"] for t in data["tokens"]]
    assert data["certificates"][0]["common_name"] == SIGNER_CN


def test_softhsm_token_with_an_expired_certificate_is_refused_before_the_pin(softhsm, pdf,
                                                                             tmp_path, pki):
    before = pdf.read_bytes()
    out = tmp_path / "token.pdf"
    refusal = f"Chứng thư số của «{SIGNER_CN}» {REFUSALS['expired'](pki.certs['expired'])}"
    [cert] = signing.list_certificates(softhsm.lib, EXPIRED_TOKEN)  # no PIN needed
    assert cert.problem.kind == "expired" and not cert.authority
    # a wrong PIN on stdin: refused before it is tried (it would say "Sai mã PIN")
    proc = cli("sign", pdf, "-o", out, "--pkcs11-lib", softhsm.lib, "--token-label",
               EXPIRED_TOKEN, "--pin-stdin", stdin="0000\n", env=softhsm.env)
    assert (proc.returncode, proc.stdout, proc.stderr) == (1, "", f"parapp: lỗi: {refusal}\n")
    assert not out.exists() and pdf.read_bytes() == before
    for pin in ("0000", USER_PIN):  # the core refuses before logging in, whatever the PIN
        with pytest.raises(signing.CertificateError) as err:
            signing.open_token(softhsm.lib, EXPIRED_TOKEN, pin)
        assert str(err.value) == refusal
    assert signing.token_certificate_refusal(softhsm.lib, TOKEN_LABEL) is None
    proc = cli("tokens", "--pkcs11-lib", softhsm.lib, "--token-label", EXPIRED_TOKEN,
               env=softhsm.env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == (
        f"  Ky so  id=01  {SIGNER_CN} — {SIGNER_O}  hết hạn "
        f"{vn(pki.certs['expired'].not_valid_after_utc)}  ĐÃ HẾT HẠN")
