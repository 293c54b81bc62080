"""The common-password list Koers ships is exactly the long entries of zxcvbn's list."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_list_is_the_generated_one():
    generated = subprocess.run(
        [sys.executable, str(ROOT / "scripts/common-passwords.py"), "--print"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    shipped = (ROOT / "Sources/KoersCore/Administration/CommonPasswords.swift").read_text()
    assert shipped == generated
    assert '"qwerty123456",' in shipped
