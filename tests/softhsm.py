"""A real PKCS#11 token for the signing tests: SoftHSM2 (Debian package softhsm2), set up in a
private folder with a key and its certificate. Tests skip where SoftHSM2 is not installed."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest

LIBS = ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
        "/usr/lib64/softhsm/libsofthsm2.so", "/usr/local/lib/softhsm/libsofthsm2.so")
KEY_LABEL = "Ky so"
SO_PIN = "12345678"

# python-pkcs11 in a child process: the certificate object beside the imported key (same id)
_CREATE_CERT = """
import sys, pkcs11
from pkcs11.constants import Attribute, ObjectClass, CertificateType
from cryptography import x509
lib, label, pin, der_path, key_label = sys.argv[1:6]
der = open(der_path, "rb").read()
subject = x509.load_der_x509_certificate(der).subject.public_bytes()
token = pkcs11.lib(lib).get_token(token_label=label)
with token.open(rw=True, user_pin=pin) as session:
    session.create_object({Attribute.CLASS: ObjectClass.CERTIFICATE,
                           Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                           Attribute.TOKEN: True, Attribute.PRIVATE: False,
                           Attribute.LABEL: key_label, Attribute.ID: b"\\x01",
                           Attribute.SUBJECT: subject, Attribute.VALUE: der})
"""


@contextmanager
def token(folder: Path, label: str, pin: str, key_pk8: Path, cert_der: Path,
          more: Sequence[tuple[str, Path, Path]] = ()) -> Iterator[SimpleNamespace]:
    """A token `label` with the key (PKCS#8) and certificate (DER) under id 01, and one more
    token per (label, key, certificate) in `more`, with the same PIN; yields `lib` (the PKCS#11
    library) and `env` (with SOFTHSM2_CONF for child processes)."""
    lib = os.environ.get("SOFTHSM2_LIB") or next((p for p in LIBS if os.path.exists(p)), None)
    if lib is None or not shutil.which("softhsm2-util"):
        pytest.skip("SoftHSM2 (libsofthsm2.so, softhsm2-util) not installed")
    import pkcs11
    (folder / "tokens").mkdir(parents=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\n"
                    "log.level = ERROR\n")
    env = {**os.environ, "SOFTHSM2_CONF": str(conf)}

    def util(*args):
        subprocess.run(["softhsm2-util", *args], env=env, check=True, capture_output=True)
    for name, key, cert in ((label, key_pk8, cert_der), *more):
        util("--init-token", "--free", "--label", name, "--so-pin", SO_PIN, "--pin", pin)
        util("--import", str(key), "--token", name, "--label", KEY_LABEL, "--id", "01",
             "--pin", pin)
        subprocess.run([sys.executable, "-c", _CREATE_CERT, lib, name, pin, str(cert),
                        KEY_LABEL], env=env, check=True)
    # SoftHSM reads SOFTHSM2_CONF when it is initialised, and python-pkcs11 keeps one
    # initialised library per process: finalise it around the user so that this token folder
    # is read now, and another module's folder after
    old = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    pkcs11.lib(lib).finalize()
    try:
        yield SimpleNamespace(lib=lib, env=env)
    finally:
        if old is None:
            os.environ.pop("SOFTHSM2_CONF", None)
        else:
            os.environ["SOFTHSM2_CONF"] = old
        pkcs11.lib(lib).finalize()
