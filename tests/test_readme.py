"""The README's command-line examples run as written, in order, in an empty folder: every one
exits 0 and writes nothing on stderr but parapp's own lines. Files the README marks as the
user's own (a key, images, a root certificate, a rule list) are made here; the USB token lines
need a token's library and are left to tests/test_signing.py (SoftHSM). The first example builds
the demo province; the small demo stands in for it (the same units the examples name, in a
fifth of the time)."""
from __future__ import annotations

import datetime as dt
import getpass
import glob
import io
import json
import re
import shlex
import shutil
import sys
from pathlib import Path

from parapp.cli import main
from parapp.ui.criteria_model import fold_text

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = "mật khẩu thử"


def examples() -> list[str]:
    """The `parapp …` lines of the README's sh blocks, continuation lines joined."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in block.replace("\\\n", " ").splitlines():
            if line.startswith("parapp "):
                lines.append(line)
    return lines


def yours(folder: Path) -> None:
    """What the README marks as the user's own."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID
    from PIL import Image

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Nguyễn Kim Chi")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30)).sign(key, hashes.SHA256()))
    (folder / "chu-ky.p12").write_bytes(pkcs12.serialize_key_and_certificates(
        b"ky-so", key, cert, None,
        serialization.BestAvailableEncryption(PASSPHRASE.encode("utf-8"))))
    (folder / "ban-co-yeu-root.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    Image.new("RGBA", (400, 160), (0, 40, 200, 255)).save(folder / "chu-ky.png")
    Image.new("RGBA", (300, 300), (220, 0, 0, 255)).save(folder / "con-dau.png")
    (folder / "quy-tac.json").write_text(json.dumps([
        {"grade": "xuat_sac", "min_index": "90", "quota": "0.20", "quota_base": "tot"},
        {"grade": "tot", "min_index": "80"}, {"grade": "hoan_thanh", "min_index": "70"},
        {"grade": "khong_hoan_thanh"}]), encoding="utf-8")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_readme_examples_run_as_written(small_demo, tmp_path, monkeypatch, capsys):
    lines = examples()
    assert lines[0].startswith("parapp demo son-ha.parapp ") and len(lines) > 30
    monkeypatch.chdir(tmp_path)
    shutil.copy(small_demo, tmp_path / "son-ha.parapp")
    yours(tmp_path)
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": PASSPHRASE)
    monkeypatch.setattr(sys, "stdin", Terminal())  # where a person types the passphrase
    ran = []
    for line in lines[1:]:
        if "--pkcs11-lib" in line:  # a USB token
            continue
        args = shlex.split(line, comments=True)[1:]
        args = [m for a in args for m in (sorted(glob.glob(a)) if "*" in a else [a])]
        code = main(args)
        _out, err = capsys.readouterr()
        assert code == 0, f"{line}\n{err}"
        assert all(e.startswith("parapp: ") for e in err.splitlines()), f"{line}\n{err}"
        ran.append(line)
    assert len(ran) == len(lines) - 3
    # the filter example names a unit of the demo, and the filter finds it
    query, name = re.search(r'filter box ignores accents \("([^"]+)"\s+finds "([^"]+)"',
                            (ROOT / "README.md").read_text(encoding="utf-8")).groups()
    main(["info", "son-ha.parapp", "--format", "json"])
    assert name in [u["name"] for u in json.loads(capsys.readouterr().out)["units"]]
    assert fold_text(query) in fold_text(name)
