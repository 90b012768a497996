"""Digital signatures (chữ ký số) on PDF: sign with a PKCS#12 file or a PKCS#11 token, verify.

Signing produces a PAdES (ETSI.CAdES.detached, SHA-256) signature through pyHanko, with a
visible appearance per NĐ 30/2020 and TT 01/2019: the signer's signature image (blue), the
organisation's seal image (red) over the left third of it, and the information text — signer,
organisation and signing time in Vietnam time (+07:00).

Key handling: a PIN or passphrase is passed in by the caller, used once to open the key and never
stored, logged or written anywhere. A token's PIN state is read *before* logging in
(`token_status`), so the caller can warn before the last attempt and refuse when locked; a wrong
PIN becomes a one-line `ParappError` that says the token locks after repeated failures.

The signer's certificate must be valid at the signing time and allow signing documents
(`certificate_problem`, one rule for both sides): signing refuses it before anything is written
— a PKCS#12 file once its passphrase opens it, a token before its PIN is asked for when the
token shows its certificates without a PIN (`token_certificate_refusal`) — and verification
reports a signature made outside it as not valid.

Verification (`verify_pdf`) reports, per embedded signature, integrity, cryptographic validity,
the signer, the signing time, whether the document was changed after signing (and whether the
changes are harmless according to pyHanko's difference analysis), bytes appended after the end
of the file's last revision, and trust against the roots the caller gives — never the operating
system's list.

Stamp font: pyHanko writes a TrueType font's advance widths in font units, while PDF reads them
in 1/1000 em, so a font with 2048 units per em (Liberation Serif) is drawn about twice as wide as
laid out and overflows the stamp. `stamp_font_bytes` rescales the font to 1000 units per em with
fontTools (cached in memory and on disk, keyed by the source font's hash) before handing it over.
"""
from __future__ import annotations

import contextlib
import enum
import functools
import hashlib
import io
import logging
import os
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from parapp.core.errors import ParappError
from parapp.core.files import write_bytes
from parapp.core.i18n import fold, pick

try:  # the report module places an empty field of this name at the document's signature space
    from parapp.core.reports.nd30 import ORG_SIGNATURE_FIELD, SIGNATURE_FIELD
except ImportError:  # pragma: no cover - the report module is optional for signing
    SIGNATURE_FIELD, ORG_SIGNATURE_FIELD = "ChuKySo", "ChuKySoCoQuan"

FONT_PATH = Path(__file__).resolve().parent.parent / "fonts" / "LiberationSerif-Regular.ttf"
VIETNAM_TIME = timezone(timedelta(hours=7), "+07:00")  # no daylight saving time in Vietnam
MAX_IMAGE_PIXELS = 1600  # longest side of an embedded stamp image (≥ 200 dpi at 20 cm)
DEFAULT_BOX_SIZE = (220.0, 80.0)  # points; at the bottom right of the last page
DEFAULT_BOX_MARGIN = (56.7, 56.7)  # right, bottom: 20 mm
STAMP_FONT_SIZE = 10  # TT 01/2019: the information line is Times New Roman 10, regular, black

# pyHanko logs tracebacks for every untrusted chain and fontTools notes the tables it drops when
# subsetting; without a handler those reach stderr through logging's last resort. A NullHandler
# keeps the CLI's one-line errors clean; an application that configures logging still sees them.
for _name in ("pyhanko", "pyhanko_certvalidator", "fontTools"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
# Likewise cryptography's deprecation warning for DSA, which pyHanko imports: printed on stderr
# at every run, and nothing a user can act on.
warnings.filterwarnings("ignore", message="DSA is deprecated", module="pyhanko")


class SigningError(ParappError):
    """Signing failed; the source file is untouched and no output was written."""


class PinError(SigningError):
    """A wrong, invalid or blocked PIN, or a locked token."""


class UnsignedPdfError(ParappError):
    """The PDF is readable but carries no signature."""


def format_time(moment: datetime | None) -> str:
    """dd/mm/yyyy HH:MM:SS +07:00, in Vietnam time."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(VIETNAM_TIME).strftime("%d/%m/%Y %H:%M:%S +07:00")


def format_date(moment: datetime | None) -> str:
    """dd/mm/yyyy, in Vietnam time."""
    return format_time(moment)[:10]


# -- certificates -------------------------------------------------------------------------------

@dataclass(frozen=True)
class CertificateInfo:
    """The parts of an X.509 certificate people look at."""
    common_name: str
    organisation: str
    serial: str  # hexadecimal, upper case
    issuer: str
    not_before: datetime | None
    not_after: datetime | None

    @classmethod
    def from_asn1(cls, cert) -> CertificateInfo:
        subject = cert.subject.native
        issuer = cert.issuer.native
        validity = cert["tbs_certificate"]["validity"]
        return cls(
            common_name=_name_part(subject, "common_name"),
            organisation=_name_part(subject, "organization_name"),
            serial=format(cert.serial_number, "X"),
            issuer=_name_part(issuer, "common_name") or cert.issuer.human_friendly,
            not_before=validity["not_before"].native,
            not_after=validity["not_after"].native)

    def to_json(self) -> dict[str, Any]:
        return {"common_name": self.common_name, "organisation": self.organisation,
                "serial": self.serial, "issuer": self.issuer,
                "not_before": self.not_before.isoformat() if self.not_before else None,
                "not_after": self.not_after.isoformat() if self.not_after else None}


def _name_part(native: dict, key: str) -> str:
    value = native.get(key, "")
    if isinstance(value, list):  # several RDNs of one type
        value = ", ".join(str(v) for v in value)
    return str(value)


# -- what a signer's certificate must allow -----------------------------------------------------
#
# One rule, applied when signing (refused before anything is written) and when verifying (a
# signature made outside it is not valid):
# - the signing time lies in the certificate's validity period;
# - its KeyUsage, when present, has digitalSignature or nonRepudiation (contentCommitment); a
#   certificate without the extension may be used for anything (RFC 5280, 4.2.1.3);
# - its ExtendedKeyUsage, when present, names a purpose a document signature can serve. Besides
#   anyExtendedKeyUsage and the document signing purposes, clientAuth and emailProtection count:
#   Vietnamese public CAs put those (and no document signing purpose) on the personal signing
#   certificates of their USB tokens, and refusing them would refuse every official's token. A
#   certificate only for TLS servers, code, time stamps or OCSP responses is refused.
# pyHanko's KeyUsageConstraints does the matching; verify_pdf hands pyHanko no usage constraint
# and applies this rule itself, so both sides agree (pyHanko would also refuse a certificate
# without KeyUsage).

SIGNING_KEY_USAGES = frozenset({"digital_signature", "non_repudiation"})
DOCUMENT_SIGNING_PURPOSES = frozenset({
    "any_extended_key_usage", "1.3.6.1.5.5.7.3.36",  # documentSigning (RFC 9336)
    "adobe_authentic_documents_trust", "microsoft_document_signing",
    "client_auth", "email_protection"})


class CertificateError(SigningError):
    """The signer's certificate may not sign: outside its validity period, or not for signing.
    Nothing was written."""


@dataclass(frozen=True)
class CertificateProblem:
    """Why a certificate may not sign at a given time."""
    kind: str  # "expired" | "not_yet_valid" | "usage"
    usages: str = ""  # for "usage": what the certificate allows, e.g. "keyEncipherment"


def _rfc_name(usage: str) -> str:
    """asn1crypto's name of a (extended) key usage as RFC 5280 spells it: digitalSignature."""
    if usage[:1].isdigit():  # a purpose asn1crypto has no name for: its OID
        return usage
    head, *rest = usage.split("_")
    return head + "".join(w.upper() if w in ("ocsp", "tls") else w.capitalize() for w in rest)


def certificate_problem(cert, at: datetime | None = None) -> CertificateProblem | None:
    """What keeps `cert` (asn1crypto) from signing a document at `at` (default: now), or None."""
    at = at or datetime.now(UTC)
    if at < cert.not_valid_before:
        return CertificateProblem("not_yet_valid")
    if at > cert.not_valid_after:
        return CertificateProblem("expired")
    return _usage_problem(cert)


def _usage_problem(cert) -> CertificateProblem | None:
    from pyhanko.sign.validation.settings import KeyUsageConstraints
    from pyhanko_certvalidator.errors import InvalidCertificateError

    rule = KeyUsageConstraints(key_usage=SIGNING_KEY_USAGES,
                               extd_key_usage=DOCUMENT_SIGNING_PURPOSES,
                               explicit_extd_key_usage_required=False)
    for value, check in ((cert.key_usage_value, rule.validate_asserted_key_usage),
                         (cert.extended_key_usage_value,
                          rule.validate_asserted_extended_key_usage)):
        if value is None:  # no such extension: nothing restricted
            continue
        try:
            check(set(value.native))
        except InvalidCertificateError:
            return CertificateProblem(
                "usage", ", ".join(sorted(_rfc_name(u) for u in value.native)) or "—")
    return None


_PROBLEM_WORDS = {  # kind: (when refusing to sign, in a verification), each (vi, en)
    "expired": (("đã hết hạn", "has expired"),
                ("ĐÃ HẾT HẠN TRƯỚC KHI KÝ", "HAD EXPIRED BEFORE SIGNING")),
    "not_yet_valid": (("chưa có hiệu lực", "is not valid yet"),
                      ("CHƯA CÓ HIỆU LỰC KHI KÝ", "WAS NOT YET VALID AT SIGNING")),
    "usage": (("không dùng để ký văn bản", "is not for signing documents"),
              ("KHÔNG DÙNG ĐỂ KÝ VĂN BẢN", "IS NOT FOR SIGNING DOCUMENTS")),
}


def _problem_text(problem: CertificateProblem, cert: CertificateInfo,
                  signed: bool = False) -> tuple[str, str]:
    """(vi, en): what is wrong with the certificate, now (refusing to sign) or when it `signed`
    (a verification), with its validity period or the usages it allows."""
    vi, en = _PROBLEM_WORDS[problem.kind][signed]
    if problem.kind == "usage":
        return (f"{vi} (chỉ cho phép: {problem.usages})",
                f"{en} (it allows only: {problem.usages})")
    start, end = format_date(cert.not_before), format_date(cert.not_after)
    return f"{vi} (hiệu lực từ {start} đến {end})", f"{en} (valid from {start} to {end})"


def check_certificate(cert, at: datetime | None = None) -> None:
    """Refuse a certificate (asn1crypto) that may not sign at `at` (default: now)."""
    problem = certificate_problem(cert, at)
    if problem is not None:
        raise _refusal(problem, CertificateInfo.from_asn1(cert))


def _refusal(problem: CertificateProblem, info: CertificateInfo) -> CertificateError:
    """The one-line refusal: the certificate's holder, what is wrong, what to do."""
    vi, en = _problem_text(problem, info)
    todo_vi, todo_en = {
        "expired": ("Hãy gia hạn chứng thư số với đơn vị cung cấp dịch vụ chứng thực chữ ký số "
                    "(CA).", "Renew the certificate with its certification authority (CA)."),
        "not_yet_valid": (f"Hãy kiểm tra ngày giờ của máy tính, hoặc ký từ ngày "
                          f"{format_date(info.not_before)}.", "Check the computer's date and "
                          f"time, or sign from {format_date(info.not_before)}."),
        "usage": ("Hãy dùng chứng thư số ký văn bản do đơn vị cung cấp dịch vụ chứng thực chữ ký "
                  "số (CA) cấp.", "Use a document signing certificate from a certification "
                  "authority (CA)."),
    }[problem.kind]
    who = info.common_name or info.organisation or info.serial
    return CertificateError(f"Chứng thư số của «{who}» {vi}: không ký được. {todo_vi}",
                            f"The certificate of «{who}» {en}: cannot sign. {todo_en}")


# -- key material -------------------------------------------------------------------------------

@dataclass
class KeyMaterial:
    """An opened signing key: pass it to `sign_pdf`, then `close()` it (or use `with`).

    It holds no PIN or passphrase; a token session stays logged in until closed.
    """
    signer: Any  # pyhanko.sign.signers.Signer
    certificate: CertificateInfo
    source: str  # what was opened, for messages: a file name, or "token «LABEL» (library)"
    _closer: Callable[[], None] | None = field(default=None, repr=False)

    def close(self) -> None:
        closer, self._closer = self._closer, None
        if closer is not None:
            # a token pulled out before logout: nothing left to release
            with contextlib.suppress(Exception):
                closer()

    def __enter__(self) -> KeyMaterial:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def load_pkcs12(path: str | os.PathLike, passphrase: str | bytes | None) -> KeyMaterial:
    """Open a PKCS#12 (.p12/.pfx) file. The passphrase is used once and not kept."""
    from cryptography.hazmat.primitives.serialization import pkcs12
    from pyhanko.sign.signers import SimpleSigner

    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SigningError(f"Không tìm thấy tệp khóa PKCS#12: {path}",
                           f"PKCS#12 key file not found: {path}") from None
    except OSError as exc:
        raise SigningError(f"Không đọc được tệp khóa PKCS#12 {path}: {exc.strerror or exc}",
                           f"Cannot read the PKCS#12 key file {path}: {exc.strerror or exc}"
                           ) from None
    if not data.startswith(b"\x30"):
        raise SigningError(f"{path} không phải tệp khóa PKCS#12 (.p12/.pfx)",
                           f"{path} is not a PKCS#12 key file (.p12/.pfx)")
    given = passphrase.encode("utf-8") if isinstance(passphrase, str) else passphrase
    # an empty answer may mean "no passphrase" or an empty one: both are tried
    for secret in ([given] if given else [None, b""]):
        try:
            key, cert, _others = pkcs12.load_key_and_certificates(data, secret)
            break
        except (ValueError, TypeError):
            continue
    else:
        raise PinError(
            f"Không mở được tệp khóa {path}: sai mật khẩu hoặc tệp bị hỏng",
            f"Cannot open the key file {path}: wrong passphrase or a damaged file")
    if key is None or cert is None:
        raise SigningError(f"Tệp {path} không chứa khóa riêng kèm chứng thư số",
                           f"{path} holds no private key with its certificate")
    try:
        signer = SimpleSigner.load_pkcs12_data(data, other_certs=[], passphrase=secret)
    except ValueError as exc:
        raise SigningError(f"Không dùng được khóa trong {path}: {exc}",
                           f"Cannot use the key in {path}: {exc}") from None
    check_certificate(signer.signing_cert)
    return KeyMaterial(signer, CertificateInfo.from_asn1(signer.signing_cert), str(path))


class PinState(enum.Enum):
    """What the token says about its user PIN, read before logging in."""
    OK = "ok"
    COUNT_LOW = "count_low"  # at least one wrong PIN since the last good one
    FINAL_TRY = "final_try"  # one more wrong PIN locks the token
    LOCKED = "locked"


def pin_state(token) -> PinState:
    """The PIN state from a python-pkcs11 Token (anything with `.flags`)."""
    from pkcs11.constants import TokenFlag
    flags = TokenFlag(int(token.flags))
    if flags & TokenFlag.USER_PIN_LOCKED:
        return PinState.LOCKED
    if flags & TokenFlag.USER_PIN_FINAL_TRY:
        return PinState.FINAL_TRY
    if flags & TokenFlag.USER_PIN_COUNT_LOW:
        return PinState.COUNT_LOW
    return PinState.OK


def pin_warning(state: PinState) -> str | None:
    """The line to show before asking for the PIN, or None. LOCKED is refused by `check_pin`."""
    if state is PinState.FINAL_TRY:
        return pick("Cảnh báo: Còn một lần nhập PIN cuối cùng trước khi thiết bị bị khóa.",
                    "Warning: one PIN attempt left before the token locks.")
    if state is PinState.COUNT_LOW:
        return pick("Lưu ý: mã PIN đã bị nhập sai trước đó; thiết bị sẽ bị khóa nếu nhập sai "
                    "nhiều lần liên tiếp (thường là 3 lần).",
                    "Note: a wrong PIN was entered before; the token locks after repeated "
                    "wrong PINs (usually 3).")
    return None


def _locked_error(label: str) -> PinError:
    return PinError(
        f"Thiết bị ký số «{label}» đã bị khóa do nhập sai PIN nhiều lần; không thử thêm. "
        "Liên hệ đơn vị cấp chứng thư số để mở khóa.",
        f"The token «{label}» is locked after too many wrong PINs; not trying again. "
        "Ask the certificate issuer to unlock it.")


def check_pin(status: TokenStatus) -> str | None:
    """Refuse a locked token; return the warning to show before asking for the PIN, if any."""
    if status.pin_state is PinState.LOCKED:
        raise _locked_error(status.label)
    return pin_warning(status.pin_state)


@dataclass(frozen=True)
class TokenStatus:
    """A token in a PKCS#11 library, as reported without logging in."""
    slot: int
    label: str
    serial: str
    manufacturer: str
    model: str
    pin_state: PinState
    protected_authentication_path: bool  # a PIN pad on the reader: the PIN is typed there

    def to_json(self) -> dict[str, Any]:
        return {"slot": self.slot, "label": self.label, "serial": self.serial,
                "manufacturer": self.manufacturer, "model": self.model,
                "pin_state": self.pin_state.value,
                "protected_authentication_path": self.protected_authentication_path}


@dataclass(frozen=True)
class TokenCertificate:
    """A certificate object on a token (readable without the PIN on usual tokens)."""
    label: str
    id: str  # CKA_ID in hexadecimal
    certificate: CertificateInfo
    authority: bool = False  # a CA's certificate (tokens often carry the chain), not a signer's
    problem: CertificateProblem | None = None  # why it may not sign now, if it may not

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "id": self.id, **self.certificate.to_json(),
                "authority": self.authority,
                "problem": self.problem.kind if self.problem else None}


def _p11_lib(library: str | os.PathLike):
    try:
        import pkcs11
    except ImportError:  # pragma: no cover - a dependency
        raise SigningError("Thiếu thư viện python-pkcs11 để dùng thiết bị ký số",
                           "python-pkcs11 is needed to use a signing token") from None
    path = str(library)
    if not Path(path).is_file():
        raise SigningError(f"Không tìm thấy thư viện PKCS#11 của thiết bị ký số: {path}",
                           f"PKCS#11 library of the token not found: {path}")
    try:
        return pkcs11.lib(path)
    except Exception as exc:
        raise SigningError(f"Không nạp được thư viện PKCS#11 {path}: {exc}",
                           f"Cannot load the PKCS#11 library {path}: {exc}") from None


def _text(value) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return str(value).strip()


def _tokens(library) -> list[tuple[Any, TokenStatus]]:
    from pkcs11.constants import TokenFlag
    from pkcs11.exceptions import PKCS11Error
    lib = _p11_lib(library)
    found = []
    try:
        slots = lib.get_slots(token_present=True)
    except PKCS11Error as exc:
        raise SigningError(f"Thư viện PKCS#11 {library} báo lỗi: {type(exc).__name__}",
                           f"The PKCS#11 library {library} failed: {type(exc).__name__}"
                           ) from None
    for slot in slots:
        try:
            token = slot.get_token()
        except PKCS11Error:  # an empty reader or a token being pulled out
            continue
        flags = TokenFlag(int(token.flags))
        if not flags & TokenFlag.TOKEN_INITIALIZED:
            continue
        serial = token.serial
        serial = serial.hex() if isinstance(serial, bytes) and not serial.isascii() else serial
        found.append((token, TokenStatus(
            slot=int(slot.slot_id), label=_text(token.label), serial=_text(serial),
            manufacturer=_text(token.manufacturer_id), model=_text(token.model),
            pin_state=pin_state(token),
            protected_authentication_path=bool(flags & TokenFlag.PROTECTED_AUTHENTICATION_PATH))))
    return found


def list_tokens(library: str | os.PathLike) -> list[TokenStatus]:
    """The initialised tokens the library sees, with their PIN state (no login)."""
    return [status for _token, status in _tokens(library)]


def _find_token(library, label: str):
    tokens = _tokens(library)
    for token, status in tokens:
        if status.label == label:
            return token, status
    labels = ", ".join(f"«{s.label}»" for _t, s in tokens)
    raise SigningError(
        f"Không thấy thiết bị ký số có nhãn «{label}» trong {library}"
        + (f" (có: {labels})" if labels else " (chưa cắm thiết bị?)"),
        f"No token labelled «{label}» in {library}"
        + (f" (found: {labels})" if labels else " (is the token plugged in?)"))


def token_status(library: str | os.PathLike, token_label: str) -> TokenStatus:
    """Read one token's state without logging in: call before asking for the PIN."""
    return _find_token(library, token_label)[1]


def list_certificates(library: str | os.PathLike, token_label: str,
                      pin: str | None = None) -> list[TokenCertificate]:
    """Certificates on a token, for a picker. Without a PIN only public objects are listed."""
    from asn1crypto import x509
    from pkcs11.constants import Attribute, ObjectClass
    token, status = _find_token(library, token_label)
    if pin is not None:
        check_pin(status)
    with _open_session(token, status, pin, str(library)) as session:
        out = []
        for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
            try:
                cert = x509.Certificate.load(obj[Attribute.VALUE])
                info = CertificateInfo.from_asn1(cert)
                problem = certificate_problem(cert)
            except Exception:  # not an X.509 certificate we can read
                continue
            out.append(TokenCertificate(label=_text(obj[Attribute.LABEL]),
                                        id=bytes(obj[Attribute.ID]).hex(), certificate=info,
                                        authority=bool(cert.ca), problem=problem))
    return out


def token_certificate_refusal(library: str | os.PathLike, token_label: str, *,
                              key_label: str | None = None, key_id: bytes | str | None = None
                              ) -> CertificateError | None:
    """Before the PIN: the refusal `open_token` would give for the token's certificate, or None.

    Reads the certificates the token shows without a PIN: those of the key asked for (by label
    or id), else every signer's certificate on it. None when one of them may sign or none is
    visible (the certificate is then checked after logging in)."""
    kid = key_id.hex() if isinstance(key_id, bytes) else (key_id or "").lower()
    certs = [c for c in list_certificates(library, token_label) if not c.authority
             and (not (key_label or kid) or c.label == key_label or c.id == kid)]
    refused = [(c.problem, c.certificate) for c in certs if c.problem is not None]
    if not certs or len(refused) < len(certs):  # none shown, or one of them may sign
        return None
    return _refusal(*refused[0])


def _open_session(token, status: TokenStatus, pin: str | object | None, library: str):
    from pkcs11 import exceptions as p11
    label = status.label
    try:
        return token.open(user_pin=pin) if pin is not None else token.open()
    except p11.PinIncorrect:
        pass
    except p11.PinLocked:
        raise _locked_error(label) from None
    except (p11.PinLenRange, p11.PinInvalid):
        raise PinError(f"Mã PIN không hợp lệ cho thiết bị «{label}» (sai độ dài hoặc ký tự)",
                       f"Invalid PIN for the token «{label}» (wrong length or characters)"
                       ) from None
    except p11.PinExpired:
        raise PinError(f"Mã PIN của thiết bị «{label}» đã hết hạn; hãy đổi PIN bằng công cụ "
                       "quản lý thiết bị", f"The PIN of the token «{label}» has expired; "
                       "change it with the token's manager") from None
    except (p11.TokenNotPresent, p11.DeviceRemoved, p11.TokenNotRecognised):
        raise SigningError(f"Thiết bị ký số «{label}» đã bị rút ra hoặc không nhận được",
                           f"The token «{label}» was removed or is not recognised") from None
    except p11.PKCS11Error as exc:
        raise SigningError(f"Không mở được thiết bị ký số «{label}» ({library}): "
                           f"{type(exc).__name__}", f"Cannot open the token «{label}» "
                           f"({library}): {type(exc).__name__}") from None
    # a wrong PIN: tell what the token says now, without retrying
    try:
        after = token_status(library, label).pin_state
    except ParappError:
        after = PinState.COUNT_LOW
    if after is PinState.LOCKED:
        raise _locked_error(label)
    tail_vi = ("Còn một lần nhập PIN cuối cùng trước khi thiết bị bị khóa."
               if after is PinState.FINAL_TRY else
               "Thiết bị sẽ bị khóa nếu nhập sai nhiều lần liên tiếp (thường là 3 lần).")
    tail_en = ("One PIN attempt left before the token locks." if after is PinState.FINAL_TRY
               else "The token locks after repeated wrong PINs (usually 3).")
    raise PinError(f"Sai mã PIN của thiết bị ký số «{label}». {tail_vi}",
                   f"Wrong PIN for the token «{label}». {tail_en}")


def open_token(library: str | os.PathLike, token_label: str, pin: str | None, *,
               key_label: str | None = None, key_id: bytes | str | None = None,
               cert_label: str | None = None, cert_id: bytes | str | None = None
               ) -> KeyMaterial:
    """Log in to a PKCS#11 token and select the signing key and its certificate.

    `pin` None is for readers with a PIN pad (the PIN is typed on the device). Ids may be
    bytes or hexadecimal text. A locked token, or one whose certificate may not sign, is refused
    before any login attempt.
    """
    from pkcs11 import exceptions as p11
    from pyhanko.sign.pkcs11 import PKCS11Signer

    token, status = _find_token(library, token_label)
    check_pin(status)
    refused = token_certificate_refusal(library, token_label, key_label=key_label or cert_label,
                                        key_id=key_id or cert_id)
    if refused is not None:
        raise refused
    login: str | object | None = pin  # or the sentinel for a PIN typed on the device
    if pin is None and status.protected_authentication_path:
        from pyhanko.sign.pkcs11 import PROTECTED_AUTH
        login = PROTECTED_AUTH
    session = _open_session(token, status, login, str(library))
    kid = bytes.fromhex(key_id) if isinstance(key_id, str) else key_id
    cid = bytes.fromhex(cert_id) if isinstance(cert_id, str) else cert_id
    where = f"«{status.label}»"
    try:
        if not (key_label or kid or cert_label or cid):
            kid, cid = _single_key_id(session, where)
        signer = PKCS11Signer(session, cert_label=cert_label, key_label=key_label,
                              key_id=kid, cert_id=cid)
        cert = signer.signing_cert  # loads the key and certificate now: errors surface here
        check_certificate(cert)  # a certificate the token shows only after login
    except ParappError:
        session.close()
        raise
    except (p11.PKCS11Error, Exception) as exc:  # pyHanko's "could not find …" and friends
        session.close()
        what = key_label or cert_label or (kid or cid or b"").hex()
        raise SigningError(f"Không tìm thấy khóa ký {what!s} cùng chứng thư số trên thiết bị "
                           f"{where}: {exc}", f"No signing key {what!s} with its certificate "
                           f"on the token {where}: {exc}") from None
    return KeyMaterial(signer, CertificateInfo.from_asn1(cert),
                       f"token {where} ({library})", session.close)


def _single_key_id(session, where: str) -> tuple[bytes, bytes]:
    """With no label or id given: the one private key that has a matching certificate."""
    from pkcs11.constants import Attribute, ObjectClass
    keys = list(session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY,
                                     Attribute.SIGN: True}))
    certs = {bytes(c[Attribute.ID]) for c in
             session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE})}
    ids = sorted({bytes(k[Attribute.ID]) for k in keys} & certs)
    if len(ids) == 1:
        return ids[0], ids[0]
    if not ids:
        raise SigningError(f"Thiết bị {where} không có khóa ký kèm chứng thư số",
                           f"The token {where} holds no signing key with a certificate")
    raise SigningError(
        f"Thiết bị {where} có {len(ids)} khóa ký; hãy chọn một bằng nhãn hoặc mã "
        f"({', '.join(i.hex() for i in ids)})",
        f"The token {where} holds {len(ids)} signing keys; pick one by label or id "
        f"({', '.join(i.hex() for i in ids)})")


# -- stamp font (the 2048 units-per-em workaround) ---------------------------------------------

def _cache_dir() -> Path | None:
    try:
        import platformdirs
        return Path(platformdirs.user_cache_dir("parapp", appauthor=False)) / "fonts"
    except Exception:  # pragma: no cover
        return None


@functools.lru_cache(maxsize=4)
def _scaled_font(digest: str, path: str) -> bytes:
    cache = _cache_dir()
    cached = cache / f"{digest[:32]}-upem1000.ttf" if cache else None
    if cached is not None and cached.is_file():
        data = cached.read_bytes()
        if _units_per_em(data) == 1000:
            return data
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.scaleUpem import scale_upem
    font = TTFont(path)
    if font["head"].unitsPerEm != 1000:
        scale_upem(font, 1000)
    buf = io.BytesIO()
    font.save(buf)
    data = buf.getvalue()
    if cached is not None:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            write_bytes(cached, data)
        except (OSError, ParappError):  # a read-only cache: the in-memory copy is enough
            pass
    return data


def _units_per_em(data: bytes) -> int:
    from fontTools.ttLib import TTFont
    try:
        return TTFont(io.BytesIO(data), lazy=True)["head"].unitsPerEm
    except Exception:
        return 0


def stamp_font_bytes(path: str | os.PathLike = FONT_PATH) -> bytes:
    """The font at `path`, rescaled to 1000 units per em (unchanged if it already is)."""
    data = Path(path).read_bytes()
    return _scaled_font(hashlib.sha256(data).hexdigest(), str(path))


def _font_factory(font_path: str | os.PathLike, size: int):
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory

    @dataclass(frozen=True)
    class ScaledFontFactory(GlyphAccumulatorFactory):
        """GlyphAccumulatorFactory reading the rescaled font from memory."""

        def create_font_engine(self, writer, obj_stream=None):
            if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
                obj_stream = writer.prepare_object_stream()
            return GlyphAccumulator(
                writer=writer, font_handle=io.BytesIO(stamp_font_bytes(self.font_file)),
                font_size=self.font_size, ot_script_tag=self.ot_script_tag,
                ot_language_tag=self.ot_language_tag, writing_direction=self.writing_direction,
                bcp47_lang_code=self.bcp47_lang_code, obj_stream=obj_stream)

    return ScaledFontFactory(str(font_path), font_size=size, bcp47_lang_code="vi")


# -- the visible stamp ------------------------------------------------------------------------

def _load_image(path: str | os.PathLike, what_vi: str, what_en: str):
    from PIL import Image, UnidentifiedImageError
    path = Path(path)
    try:
        with Image.open(path) as opened:
            opened.load()
            has_alpha = "A" in opened.getbands() or "transparency" in opened.info
            img = opened.convert("RGBA" if has_alpha else "RGB")
    except FileNotFoundError:
        raise SigningError(f"Không tìm thấy {what_vi}: {path}",
                           f"{what_en} not found: {path}") from None
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise SigningError(f"{path} không phải ảnh PNG dùng được làm {what_vi} ({exc})",
                           f"{path} is not a usable PNG for the {what_en.lower()} ({exc})"
                           ) from None
    img.thumbnail((MAX_IMAGE_PIXELS, MAX_IMAGE_PIXELS))
    return img


def _stamp_style(signature_image, seal_image, font_path):
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.images import PdfImage
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStamp, TextStampStyle

    def fit(img, x, y, w, h):
        """(x, y, w, h) of img scaled to fit the region, centred."""
        scale = min(w / img.width, h / img.height)
        iw, ih = img.width * scale, img.height * scale
        return x + (w - iw) / 2, y + (h - ih) / 2, iw, ih

    class Nd30Stamp(TextStamp):
        def _regions(self):
            bw, bh = self.box.width, self.box.height
            pad = 2.0
            if not (self.style.signature_image or self.style.seal_image):
                return None, (pad, pad, pad, pad)
            if bw >= 2.2 * bh:  # wide: images left, text right
                iw = bw * 0.4
                return (pad, pad, iw - 2 * pad, bh - 2 * pad), (iw + pad, pad, pad, pad)
            ih = bh * 0.55  # tall: images on top, text below
            return (pad, bh - ih + pad, bw - 2 * pad, ih - 2 * pad), (pad, pad, ih + pad, pad)

        def _inner_content_layout_rule(self):
            left, right, top, bottom = self._regions()[1]
            return layout.SimpleBoxLayoutRule(
                x_align=layout.AxisAlignment.ALIGN_MIN, y_align=layout.AxisAlignment.ALIGN_MID,
                margins=layout.Margins(left=left, right=right, top=top, bottom=bottom),
                inner_content_scaling=layout.InnerScaling.SHRINK_TO_FIT)

        def _draw(self, img, x, y, w, h) -> bytes:
            pdf_img = PdfImage(img, writer=self.writer,
                               box=layout.BoxConstraints(width=w, height=h))
            ops = pdf_img.render()
            self.import_resources(pdf_img.resources)
            return b"q 1 0 0 1 %g %g cm %s Q" % (x, y, ops)

        def _render_inner_content(self):
            region = self._regions()[0]
            ops = []
            if region is not None:
                rx, ry, rw, rh = region
                sig, seal = self.style.signature_image, self.style.seal_image
                sig_box = None
                if sig is not None:
                    sig_box = fit(sig, rx, ry, rw, rh)
                    ops.append(self._draw(sig, *sig_box))
                if seal is not None:
                    side = min(rh, rw * 0.75)
                    if sig_box is not None:  # centred on the left third of the signature
                        cx = sig_box[0] + sig_box[2] / 6
                        cx = min(max(cx, rx + side / 2), rx + rw - side / 2)
                    else:
                        cx = rx + rw / 2
                    ops.append(self._draw(seal, *fit(seal, cx - side / 2, ry + (rh - side) / 2,
                                                     side, side)))
            return ops + super()._render_inner_content()

    @dataclass(frozen=True)
    class Nd30StampStyle(TextStampStyle):
        signature_image: Any = None
        seal_image: Any = None

        def create_stamp(self, writer, box, text_params):
            return Nd30Stamp(writer=writer, style=self, box=box, text_params=text_params)

    return Nd30StampStyle(
        stamp_text="%(noi_dung)s",
        border_width=0,
        text_box_style=TextBoxStyle(font=_font_factory(font_path, STAMP_FONT_SIZE),
                                    font_size=STAMP_FONT_SIZE, leading=12,
                                    text_color=(0, 0, 0),
                                    box_layout_rule=layout.SimpleBoxLayoutRule(
                                        x_align=layout.AxisAlignment.ALIGN_MIN,
                                        y_align=layout.AxisAlignment.ALIGN_MID,
                                        margins=layout.Margins.uniform(0))),
        signature_image=signature_image, seal_image=seal_image)


def org_stamp_lines(cert: CertificateInfo, when: datetime, number: str,
                    organisation: str | None = None) -> list[str]:
    """The organisation's signature on an annex sent as a file of its own (NĐ 30): the
    organisation, the number and symbol of the document it goes with, the signing time (ISO 8601,
    Vietnam time)."""
    org = organisation or cert.organisation or cert.common_name
    return [org, number, when.astimezone(VIETNAM_TIME).isoformat()]


def stamp_lines(cert: CertificateInfo, when: datetime, *, signer_name: str | None = None,
                organisation: str | None = None) -> list[str]:
    """The information text of the stamp (TT 01/2019), in Vietnamese."""
    lines = [f"Ký bởi: {signer_name or cert.common_name}"]
    org = organisation if organisation is not None else cert.organisation
    if org:
        lines.append(f"Cơ quan: {org}")
    lines.append(f"Thời gian ký: {format_time(when)}")
    return lines


# -- signing ------------------------------------------------------------------------------------

class Placement(enum.Enum):
    FIELD = "field"  # the document's own empty signature field
    BOX = "box"  # the page and box the caller gave
    DEFAULT = "default"  # bottom right of the last page


@dataclass(frozen=True)
class SignResult:
    path: Path
    field_name: str
    placement: Placement
    page: int  # 1-based
    box: tuple[float, float, float, float]  # x1, y1, x2, y2 in points from the bottom left
    signing_time: datetime  # Vietnam time
    certificate: CertificateInfo
    stamp_text: list[str]
    # the signer's name the document prints (or the caller expects) when the certificate's
    # holder is someone else: signed all the same, but worth a second look before sending
    other_signer: str | None = None

    @property
    def warning(self) -> str | None:
        if self.other_signer is None:
            return None
        cn = self.certificate.common_name
        return pick(f"Lưu ý: chứng thư số là của «{cn}», còn văn bản ghi người ký «"
                    f"{self.other_signer}»; hãy kiểm tra trước khi gửi đi",
                    f"Note: the certificate belongs to «{cn}» while the document names the "
                    f"signer «{self.other_signer}»; check before sending it")


def same_person(name: str, common_name: str) -> bool:
    """Whether a certificate's holder (its common name) is the person `name` — without accents,
    case or extra spaces; a common name that adds to the name ("Nguyễn Văn An - UBND tỉnh")
    still counts."""
    want, have = fold(name).split(), fold(common_name).split()
    if want == have:
        return True
    return len(want) > 1 and any(have[i:i + len(want)] == want for i in range(len(have)))


def _read_pdf_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ParappError(f"Không tìm thấy tệp PDF: {path}", f"PDF file not found: {path}"
                          ) from None
    except IsADirectoryError:
        raise ParappError(f"{path} là thư mục, không phải tệp PDF",
                          f"{path} is a folder, not a PDF file") from None
    except OSError as exc:
        raise ParappError(f"Không đọc được tệp {path}: {exc.strerror or exc}",
                          f"Cannot read {path}: {exc.strerror or exc}") from None
    if b"%PDF-" not in data[:1024]:
        raise ParappError(f"{path} không phải tệp PDF", f"{path} is not a PDF file")
    return data


def _damaged(path: Path, exc: Exception) -> ParappError:
    return ParappError(f"Tệp PDF {path} bị hỏng hoặc không đầy đủ ({exc})",
                       f"The PDF file {path} is damaged or incomplete ({exc})")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def _widget(field_ref):
    """(widget object, widget reference) of a signature field (merged or with one kid)."""
    obj = field_ref.get_object()
    if "/Rect" in obj:
        return obj, field_ref
    kids = obj.get("/Kids")
    if kids:
        return kids[0], kids.raw_get(0)
    return None, None


def _page_of(writer, widget, widget_ref, n_pages: int) -> int | None:
    """0-based index of the page that shows the widget."""
    from pyhanko.pdf_utils import generic
    wanted = getattr(widget_ref, "idnum", None)
    if "/P" in widget:
        page_ref = widget.raw_get("/P")
        for i in range(n_pages):
            ref = writer.find_page_for_modification(i)[0]
            if getattr(page_ref, "idnum", None) == ref.idnum:
                return i
    for i in range(n_pages):
        page = writer.find_page_for_modification(i)[0].get_object()
        annots = page.raw_get("/Annots") if "/Annots" in page else None
        if isinstance(annots, generic.IndirectObject):
            annots = annots.get_object()
        if not annots:
            continue
        for k in range(len(annots)):
            if getattr(annots.raw_get(k), "idnum", None) == wanted:
                return i
    return None


def check_paths(src: str | os.PathLike, dest: str | os.PathLike) -> None:
    """The checks `sign_pdf` makes on its paths, cheap enough to run before asking for a PIN:
    the source is a readable PDF, the destination differs from it and its folder exists."""
    _check_dest(Path(src), Path(dest))
    _read_pdf_bytes(Path(src))


def _check_dest(src: Path, dest: Path) -> None:
    if _same_file(src, dest):
        raise SigningError(f"Tệp ký xong phải khác tệp gốc ({src}): tệp gốc không bao giờ bị "
                           "ghi đè", f"The signed file must differ from the source ({src}): "
                           "the source is never overwritten")
    if not dest.parent.is_dir():
        raise SigningError(f"Không có thư mục để ghi {dest}",
                           f"The folder for {dest} does not exist")


def sign_pdf(src: str | os.PathLike, dest: str | os.PathLike, signer: KeyMaterial, *,
             signature_image: str | os.PathLike | None = None,
             seal_image: str | os.PathLike | None = None,
             reason: str | None = None, location: str | None = None,
             page: int | None = None,
             box: Sequence[float] | None = None,
             field_name: str = SIGNATURE_FIELD,
             signer_name: str | None = None, organisation: str | None = None,
             signing_time: datetime | None = None,
             expected_signer: str | None = None,
             font_path: str | os.PathLike = FONT_PATH) -> SignResult:
    """Sign `src` into `dest` (written atomically; `src` is never modified).

    Where: the document's empty signature field `field_name` if it has one; else `page`
    (1-based; default the last page) and `box` (x1, y1, x2, y2 in points from the bottom left)
    given by the caller; else a default box at the bottom right of the last page.
    A certificate that may not sign at the signing time is refused first (`check_certificate`).
    The certificate's holder is compared with `expected_signer`, else with the name the field
    carries (parapp's documents print the signer's name under it and keep it as the field's
    /TU); a different person is signed for all the same and named in `other_signer`.
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign import fields, signers
    from pyhanko.sign.fields import SigFieldSpec, SigSeedSubFilter
    from pyhanko.sign.general import SigningError as HankoSigningError

    src, dest = Path(src), Path(dest)
    _check_dest(src, dest)
    when = (signing_time or datetime.now(VIETNAM_TIME)).astimezone(VIETNAM_TIME)
    when = when.replace(microsecond=0)
    check_certificate(signer.signer.signing_cert, when)  # valid at the time the stamp shows
    sig_img = _load_image(signature_image, "ảnh chữ ký", "Signature image") \
        if signature_image else None
    seal_img = _load_image(seal_image, "ảnh con dấu", "Seal image") if seal_image else None
    data = _read_pdf_bytes(src)
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        n_pages = int(writer.root["/Pages"]["/Count"])
        if writer.security_handler is not None:
            raise SigningError(f"Tệp {src} được mã hóa; hãy ký bản không mã hóa",
                               f"{src} is encrypted; sign an unencrypted copy")
        empty = {name: ref for name, _value, ref in
                 fields.enumerate_sig_fields(writer, filled_status=False)}
        taken = {name for name, _value, _ref in fields.enumerate_sig_fields(writer)}
    except ParappError:
        raise
    except Exception as exc:
        raise _damaged(src, exc) from None

    spec = None
    if field_name == SIGNATURE_FIELD and field_name not in empty and ORG_SIGNATURE_FIELD in empty:
        field_name = ORG_SIGNATURE_FIELD  # an annex on its own: the organisation signs it
    widget, widget_ref = _widget(empty[field_name]) if field_name in empty else (None, None)
    number = None  # the document's number, on the organisation's field
    if widget is not None:
        placement = Placement.FIELD
        if field_name == ORG_SIGNATURE_FIELD:
            number = str(widget["/TU"]) if "/TU" in widget else ""
        elif expected_signer is None and "/TU" in widget:
            expected_signer = str(widget["/TU"])
        rect = [float(v) for v in widget["/Rect"]]
        index = _page_of(writer, widget, widget_ref, n_pages)
        page_no = index + 1 if index is not None else 0
        name = field_name
    else:
        name = field_name
        n = 1
        while name in taken:
            n += 1
            name = f"{field_name}_{n}"
        page_no = n_pages if page is None else int(page)
        if not 1 <= page_no <= n_pages:
            raise SigningError(f"Trang {page_no} không có trong {src} ({n_pages} trang)",
                               f"Page {page_no} is not in {src} ({n_pages} pages)")
        media = _media_box(writer, page_no - 1)
        if box is not None:
            placement = Placement.BOX
            rect = [float(v) for v in box]
            if len(rect) != 4 or rect[2] <= rect[0] or rect[3] <= rect[1]:
                raise SigningError("Khung chữ ký phải là x1,y1,x2,y2 với x2 > x1 và y2 > y1",
                                   "The signature box must be x1,y1,x2,y2 with x2 > x1, y2 > y1")
            if (rect[0] < media[0] or rect[1] < media[1] or rect[2] > media[2]
                    or rect[3] > media[3]):
                raise SigningError(
                    f"Khung chữ ký {','.join(f'{v:g}' for v in rect)} nằm ngoài trang "
                    f"{page_no} ({','.join(f'{v:g}' for v in media)})",
                    f"The signature box {','.join(f'{v:g}' for v in rect)} is outside page "
                    f"{page_no} ({','.join(f'{v:g}' for v in media)})")
        else:
            placement = Placement.DEFAULT
            w, h = DEFAULT_BOX_SIZE
            right, bottom = DEFAULT_BOX_MARGIN
            x2 = max(media[2] - right, media[0] + w)
            y1 = media[1] + bottom
            rect = [x2 - w, y1, x2, y1 + h]
        x1, y1, x2, y2 = (round(v) for v in rect)  # the field's rectangle, in whole points
        rect = [x1, y1, x2, y2]
        spec = SigFieldSpec(sig_field_name=name, on_page=page_no - 1, box=(x1, y1, x2, y2))
    lines = (org_stamp_lines(signer.certificate, when, number, organisation)
             if number is not None else
             stamp_lines(signer.certificate, when, signer_name=signer_name,
                         organisation=organisation))
    meta = signers.PdfSignatureMetadata(
        field_name=name, reason=reason or None, location=location or None,
        md_algorithm="sha256", subfilter=SigSeedSubFilter.PADES)
    pdf_signer = _FixedTimeSigner(meta, signer=signer.signer, new_field_spec=spec,
                                  stamp_style=_stamp_style(sig_img, seal_img, font_path),
                                  signing_time=when)
    out = io.BytesIO()
    try:
        pdf_signer.sign_pdf(writer, existing_fields_only=placement is Placement.FIELD,
                            output=out, appearance_text_params={"noi_dung": "\n".join(lines)})
    except ParappError:
        raise
    except (HankoSigningError, PdfError) as exc:
        raise SigningError(f"Không ký được {src}: {exc}", f"Cannot sign {src}: {exc}") from None
    except Exception as exc:
        if _is_p11(exc):
            raise SigningError(f"Thiết bị ký số báo lỗi khi ký {src}: {type(exc).__name__} "
                               "(thiết bị bị rút ra?)", f"The token failed while signing "
                               f"{src}: {type(exc).__name__} (was it removed?)") from None
        raise
    write_bytes(dest, out.getvalue())
    other = (expected_signer.strip() if expected_signer and expected_signer.strip()
             and not same_person(expected_signer, signer.certificate.common_name) else None)
    return SignResult(path=dest, field_name=name, placement=placement, page=page_no,
                      # four numbers: pyHanko has drawn the stamp in them
                      box=(rect[0], rect[1], rect[2], rect[3]), signing_time=when,
                      certificate=signer.certificate, stamp_text=lines, other_signer=other)


def _is_p11(exc: Exception) -> bool:
    try:
        from pkcs11.exceptions import PKCS11Error
    except ImportError:  # pragma: no cover
        return False
    return isinstance(exc, PKCS11Error)


def _media_box(writer, index: int) -> list[float]:
    page = writer.find_page_for_modification(index)[0].get_object()
    node = page
    while node is not None:
        if "/MediaBox" in node:
            return [float(v) for v in node["/MediaBox"]]
        node = node.get("/Parent")
        node = node.get_object() if node is not None else None
    return [0.0, 0.0, 595.28, 841.89]


@functools.cache
def _fixed_time_signer_class():
    from pyhanko.sign.signers import PdfSigner

    class FixedTimeSigner(PdfSigner):
        """A PdfSigner whose signing time (CMS signingTime and stamp) is the one shown."""

        def __init__(self, *args, signing_time: datetime, **kwargs):
            super().__init__(*args, **kwargs)
            self._signing_time = signing_time

        def init_signing_session(self, pdf_out, existing_fields_only=False):
            session = super().init_signing_session(pdf_out, existing_fields_only)
            session.system_time = self._signing_time
            return session

    return FixedTimeSigner


def _FixedTimeSigner(*args, **kwargs):
    return _fixed_time_signer_class()(*args, **kwargs)


# -- verification -------------------------------------------------------------------------------

@dataclass(frozen=True)
class SignatureReport:
    """What one embedded signature proves, in the order they were made."""
    index: int  # 1-based, signing order
    field_name: str
    signer: CertificateInfo | None
    signing_time: datetime | None  # as claimed by the signer, Vietnam time
    intact: bool  # the signed bytes hash to the signed digest
    valid: bool  # the signature value checks out against the certificate
    trusted: bool | None  # chain to one of the given roots; None: no roots given
    trust_problem: str | None
    coverage: str  # "entire_file" | "entire_revision" | "partial"
    modified_after: bool  # incremental updates were added after this signature
    changes: str  # "none" | "signatures" (new signatures, timestamps, DSS) |
    #               "form_filling" (filling fields, annotations allowed by the policy) | "other"
    harmless: bool  # the later updates, if any, are allowed (pyHanko difference analysis)
    reason: str | None = None
    location: str | None = None
    error: str | None = None  # validation could not finish
    # the signer's certificate could not sign at the signing time (`certificate_problem`)
    certificate_problem: CertificateProblem | None = None
    # bytes after the end of the file's last revision (its %%EOF) that no signature covers: the
    # file is not what was signed plus proper updates (the facts above are about the rest)
    trailing_bytes: int = 0

    @property
    def ok(self) -> bool:
        return (self.error is None and self.intact and self.valid and self.harmless
                and self.trusted is not False and self.certificate_problem is None
                and not self.trailing_bytes)

    @property
    def summary(self) -> str:
        who = self.signer.common_name if self.signer else pick("không rõ", "unknown")
        org = f" ({self.signer.organisation})" if self.signer and self.signer.organisation else ""
        when = format_time(self.signing_time)
        bad = pick("KHÔNG ĐẠT", "FAILED")
        if self.error is not None:
            return pick(f"{bad}: không kiểm tra được chữ ký «{self.field_name}»: {self.error}",
                        f"{bad}: could not check the signature «{self.field_name}»: "
                        f"{self.error}")
        if not self.intact:
            return pick(f"{bad}: nội dung đã bị thay đổi sau khi {who}{org} ký "
                        "(mã băm không khớp).",
                        f"{bad}: the content was changed after {who}{org} signed "
                        "(hash mismatch).")
        if not self.valid:
            return pick(f"{bad}: giá trị chữ ký của {who}{org} không khớp với chứng thư số.",
                        f"{bad}: the signature value of {who}{org} does not match its "
                        "certificate.")
        head = pick(f"{who}{org} ký lúc {when}", f"{who}{org} signed at {when}")
        if self.certificate_problem is not None and self.signer is not None:
            vi, en = _problem_text(self.certificate_problem, self.signer, signed=True)
            head += pick(f"; CHỨNG THƯ SỐ {vi}", f"; THE CERTIFICATE {en}")
        if not self.modified_after:
            mod = pick("tài liệu không bị sửa sau khi ký",
                       "the document is unchanged since signing")
        elif self.harmless:
            mod = pick("có cập nhật sau khi ký nhưng chỉ là ký thêm hoặc điền biểu mẫu "
                       "(không ảnh hưởng nội dung)",
                       "updated after signing, but only by further signatures or form "
                       "filling (content unaffected)")
        else:
            mod = pick("TÀI LIỆU ĐÃ BỊ SỬA ĐỔI SAU KHI KÝ (chữ ký chỉ đúng với bản trước khi "
                       "sửa)", "THE DOCUMENT WAS MODIFIED AFTER SIGNING (the signature only "
                       "holds for the earlier version)")
        if self.trailing_bytes:
            n = self.trailing_bytes
            mod += pick(f"; NHƯNG CÓ {n} BYTE NỐI THÊM SAU PHẦN CUỐI CỦA TỆP (sau %%EOF), không "
                        "được ký: tệp không còn đúng như đã ký",
                        f"; BUT {n} BYTES WERE APPENDED AFTER THE END OF THE FILE (after %%EOF), "
                        "not signed: the file is no longer exactly what was signed")
        if self.trusted is None:
            trust = pick("chưa kiểm tra độ tin cậy (không có chứng thư gốc)",
                         "trust not checked (no root certificates given)")
        elif self.trusted:
            trust = pick("chứng thư số được tin cậy", "the certificate is trusted")
        else:
            trust = pick("chứng thư số KHÔNG được tin cậy theo các chứng thư gốc đã cho",
                         "the certificate is NOT trusted by the given roots")
            if self.trust_problem:
                trust += f" ({_trust_problem_text(self.trust_problem)})"
        if not self.ok:
            verdict = bad
        elif self.trusted is None:  # "valid" would claim the signer was checked
            verdict = pick("Nguyên vẹn", "Intact")
        else:
            verdict = pick("Hợp lệ", "Valid")
        return f"{verdict}: {head}; {mod}; {trust}."

    def to_json(self) -> dict[str, Any]:
        return {"index": self.index, "field": self.field_name,
                "signer": self.signer.to_json() if self.signer else None,
                "signing_time": self.signing_time.isoformat() if self.signing_time else None,
                "intact": self.intact, "valid": self.valid, "trusted": self.trusted,
                "trust_problem": self.trust_problem, "coverage": self.coverage,
                "modified_after": self.modified_after, "changes": self.changes,
                "harmless": self.harmless, "reason": self.reason, "location": self.location,
                "error": self.error,
                "certificate_problem": (self.certificate_problem.kind
                                        if self.certificate_problem else None),
                "trailing_bytes": self.trailing_bytes, "ok": self.ok, "summary": self.summary}


_TRUST_PROBLEMS = {
    "NO_CERTIFICATE_CHAIN_FOUND": ("không tìm được chuỗi chứng thư tới chứng thư gốc",
                                   "no certificate chain to a root"),
    "OUT_OF_BOUNDS_NO_POE": ("chứng thư số hết hạn hoặc chưa có hiệu lực",
                             "the certificate is expired or not yet valid"),
    "NOT_YET_VALID": ("chứng thư số chưa có hiệu lực", "the certificate is not yet valid"),
    "EXPIRED": ("chứng thư số đã hết hạn", "the certificate has expired"),
    "REVOKED": ("chứng thư số đã bị thu hồi", "the certificate was revoked"),
    "REVOKED_NO_POE": ("chứng thư số đã bị thu hồi", "the certificate was revoked"),
    "CHAIN_CONSTRAINTS_FAILURE": ("chuỗi chứng thư vi phạm ràng buộc",
                                  "the chain breaks its constraints"),
    "SIG_CONSTRAINTS_FAILURE": ("chứng thư số không được phép dùng để ký",
                                "the certificate may not sign documents"),
}


def _trust_problem_text(code: str) -> str:
    vi, en = _TRUST_PROBLEMS.get(code, (code, code))
    return pick(vi, en)


def load_trust_roots(paths: Iterable[str | os.PathLike]) -> list:
    """Certificates from PEM or DER files (several per PEM file allowed)."""
    from asn1crypto import pem, x509
    roots = []
    for p in paths:
        p = Path(p)
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise ParappError(f"Không đọc được chứng thư gốc {p}: {exc.strerror or exc}",
                              f"Cannot read the root certificate {p}: {exc.strerror or exc}"
                              ) from None
        try:
            if pem.detect(data):
                found = [x509.Certificate.load(der) for kind, _h, der in pem.unarmor(data, True)
                         if kind == "CERTIFICATE"]
            else:
                found = [x509.Certificate.load(data)]
            for cert in found:
                cert.native  # parse now, so a broken file fails here  # noqa: B018
        except Exception:
            found = []
        if not found:
            raise ParappError(f"{p} không phải chứng thư số PEM hoặc DER",
                              f"{p} is not a PEM or DER certificate")
        roots.extend(found)
    return roots


def verify_pdf(path: str | os.PathLike,
               trust_roots: Iterable[str | os.PathLike] = ()) -> list[SignatureReport]:
    """Check every signature in the PDF. Raises UnsignedPdfError when there is none, and
    ParappError (naming the file) when the file is not a readable PDF."""
    from pyhanko.sign.validation.settings import KeyUsageConstraints
    from pyhanko_certvalidator import ValidationContext

    path = Path(path)
    root_paths = list(trust_roots)
    roots = load_trust_roots(root_paths)
    sigs, trailing = _signed_revisions(path, _read_pdf_bytes(path))
    if not sigs:
        raise UnsignedPdfError(f"Tệp {path} không có chữ ký số nào",
                               f"{path} carries no digital signature")
    # no key usage for pyHanko to require (its default would be nonRepudiation): the signer's
    # usages are judged by the signing rule, certificate_problem, in _report
    usage = KeyUsageConstraints(key_usage=set())
    reports = []
    for i, sig in enumerate(sigs, 1):
        context = ValidationContext(trust_roots=roots, allow_fetching=False,
                                    revocation_mode="soft-fail")
        reports.append(_report(i, sig, context, usage, bool(root_paths), trailing))
    return reports


def _signed_revisions(path: Path, data: bytes) -> tuple[list, int]:
    """The signatures of the file read up to the end of its last revision, and the number of
    bytes after that end which no signature covers (0 unless something was appended).

    pyHanko reads a file from its last %%EOF, so a later revision (an incremental update)
    counts and bytes after the marker are skipped; they are counted here from pyHanko's facts:
    where the last cross-reference section ends, and where the signatures' byte ranges end."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    def read(end: int):
        return list(PdfFileReader(io.BytesIO(data[:end]), strict=False)
                    .embedded_regular_signatures)

    size = len(data)
    try:
        sigs = read(size)
    except Exception as exc:
        # pyHanko looks for %%EOF in the file's last KiB only: read up to an earlier marker
        # (one that ends a signed revision), and count what follows
        marker, sigs = size, []
        for _attempt in range(8):
            marker = data.rfind(b"%%EOF", 0, marker)
            if marker < 0:
                break
            try:
                size = _after_eol(data, marker + 5)
                sigs = read(size)
                break
            except Exception:
                continue
        if not sigs:
            raise _damaged(path, exc) from None
    if not sigs:
        return sigs, 0
    xrefs = sigs[0].reader.xrefs
    last = max(xrefs.get_xref_container_info(i).end_location
               for i in range(xrefs.total_revisions))
    marker = data.find(b"%%EOF", last, size)
    end = _after_eol(data, marker + 5) if marker >= 0 else size
    end = min(max([end, *(_signed_end(sig) for sig in sigs)]), len(data))
    if end < size:  # the facts about the signatures are about the document without the tail
        sigs = read(end)
    return sigs, len(data) - end


def _after_eol(data: bytes, at: int) -> int:
    """Past the end-of-line at `at` (CR LF, LF or CR), if there is one."""
    if data[at:at + 2] == b"\r\n":
        return at + 2
    return at + 1 if data[at:at + 1] in (b"\r", b"\n") else at


def _signed_end(sig) -> int:
    try:
        _start, _length, start, length = sig.byte_range
        return int(start) + int(length)
    except Exception:  # a malformed byte range: _report says what is wrong with it
        return 0


def _report(index: int, sig, context, usage, roots_given: bool,
            trailing: int) -> SignatureReport:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    def text(key):
        value = sig.sig_object.get(key)
        return str(value) if value is not None else None

    try:
        name = sig.field_name
    except Exception:
        name = "?"
    try:
        cert = CertificateInfo.from_asn1(sig.signer_cert)
    except Exception:
        cert = None
    try:
        status = validate_pdf_signature(sig, context, key_usage_settings=usage)
    except Exception as exc:  # malformed signature data, unsupported algorithm…
        return SignatureReport(
            index=index, field_name=name, signer=cert, signing_time=None, intact=False,
            valid=False, trusted=False if roots_given else None, trust_problem=None,
            coverage="partial", modified_after=True, changes="other", harmless=False,
            reason=text("/Reason"), location=text("/Location"),
            error=f"{type(exc).__name__}: {exc}", trailing_bytes=trailing)
    # pyHanko may leave either level unknown (None): that is partial coverage, other changes
    coverages: dict[SignatureCoverageLevel | None, str] = {
        SignatureCoverageLevel.ENTIRE_FILE: "entire_file",
        SignatureCoverageLevel.ENTIRE_REVISION: "entire_revision"}
    coverage = coverages.get(status.coverage, "partial")
    levels: dict[ModificationLevel | None, str] = {
        ModificationLevel.NONE: "none", ModificationLevel.LTA_UPDATES: "signatures",
        ModificationLevel.FORM_FILLING: "form_filling"}
    changes = levels.get(status.modification_level, "other")
    modified_after = coverage != "entire_file"
    if not modified_after:
        changes = "none"
    harmless = coverage != "partial" and bool(status.docmdp_ok) and changes != "other"
    if trailing and coverage == "entire_file":
        coverage = "entire_revision"  # of the file on disk: not its tail
    moment = status.signer_reported_dt
    if status.timestamp_validity is not None and status.timestamp_validity.valid:
        moment = status.timestamp_validity.timestamp
    # the same rule as for signing, at the signing time: pyHanko judges the certificate's
    # validity at the time of verification only, and trusts one that was not valid then
    problem = None
    if cert is not None:
        problem = (certificate_problem(sig.signer_cert, moment) if moment is not None
                   else _usage_problem(sig.signer_cert))
    trust_problem = None
    if roots_given and not status.trusted:
        indic = status.trust_problem_indic
        # the ETSI name, which is the enum member's name (the base class declares no `name`)
        trust_problem = indic.standard_name if indic is not None else "NO_TRUST_PATH"
    return SignatureReport(
        index=index, field_name=name, signer=cert,
        signing_time=moment.astimezone(VIETNAM_TIME) if moment else None,
        intact=bool(status.intact), valid=bool(status.valid),
        trusted=bool(status.trusted) if roots_given else None, trust_problem=trust_problem,
        coverage=coverage, modified_after=modified_after, changes=changes, harmless=harmless,
        reason=text("/Reason"), location=text("/Location"), certificate_problem=problem,
        trailing_bytes=trailing)


__all__ = [
    "ORG_SIGNATURE_FIELD", "SIGNATURE_FIELD", "VIETNAM_TIME", "CertificateError", "CertificateInfo",
    "CertificateProblem", "KeyMaterial", "PinError", "PinState", "Placement", "SignResult",
    "SignatureReport", "SigningError", "TokenCertificate", "TokenStatus", "UnsignedPdfError",
    "certificate_problem", "check_certificate", "check_paths", "check_pin", "format_date",
    "format_time", "list_certificates", "list_tokens", "load_pkcs12", "load_trust_roots",
    "open_token", "pin_state", "pin_warning", "same_person", "sign_pdf", "stamp_font_bytes",
    "stamp_lines", "token_certificate_refusal", "token_status", "verify_pdf",
]
