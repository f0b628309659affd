"""The verify page in a real Chromium, as someone shown a record uses it: choose the PDF
(or paste the code), press the button, read the answer. No text may be cut off or hidden,
at a desk screen or a phone's width; screenshots are kept in var/screenshots."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from tests.central.conftest import SignedClient
from tests.signed_records import altered_receipt, forged_signature, public_hex, signed_receipt

#: Elements of the result whose text overflows its box or the page: a cut-off word.
OVERFLOWING = """
const page = document.documentElement.clientWidth;
return Array.from(document.querySelectorAll("#result *, .ask *")).filter(el => {
  const box = el.getBoundingClientRect();
  return el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== "visible"
    || box.right > page + 1;
}).map(el => el.tagName + " " + el.textContent.trim().slice(0, 40));
"""


def _check(driver: webdriver.Chrome, base: str, *, pdf: Path | None = None, text: str = "") -> str:
    driver.get(f"{base}/verify")
    wait = WebDriverWait(driver, 20)
    wait.until(ec.presence_of_element_located((By.ID, "file")))
    if pdf is not None:
        driver.find_element(By.ID, "file").send_keys(str(pdf))
    if text:
        driver.find_element(By.ID, "text").send_keys(text)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    result = wait.until(ec.presence_of_element_located((By.ID, "result")))
    return str(result.get_attribute("class"))


def _shoot(driver: webdriver.Chrome, folder: Path, name: str, width: int) -> None:
    driver.set_window_size(width, 900)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, int(height) + 140)
    assert driver.execute_script(OVERFLOWING) == [], name
    folder.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(folder / f"{name}-{width}.png"))


@pytest.mark.parametrize("central_db", ["sqlite"], indirect=True)
def test_verify_page_answers_a_resident_in_chromium(
    chrome: webdriver.Chrome,
    live_server: str,
    api: SignedClient,
    tmp_path: Path,
    screenshots: Path,
) -> None:
    """Valid PDF, altered PDF, unknown key and bad signature: each answer in its colour and
    words, every word readable at 1280 and at 390 pixels; the console shows nothing blocked."""
    key = Ed25519PrivateKey.generate()
    assert api.post("/api/v1/document-keys", {"public_key": public_hex(key)}).status_code == 201
    record = signed_receipt(key)
    files = {
        "valid": record.pdf,
        "altered": altered_receipt(record),
        "unknown-key": signed_receipt(Ed25519PrivateKey.generate()).pdf,
    }
    expected = {
        "valid": ("result valid", "真实有效"),
        "altered": ("result invalid", "文件被改动过"),
        "unknown-key": ("result invalid", "签名密钥未公布"),
        "bad-signature": ("result invalid", "签名不符"),
    }
    for name, (kind, words) in expected.items():
        if name in files:
            path = tmp_path / f"{name}.pdf"
            path.write_bytes(files[name])
            found = _check(chrome, live_server, pdf=path)
        else:
            found = _check(chrome, live_server, text=forged_signature(record.qr_text))
        assert found == kind, name
        heading = chrome.find_element(By.CSS_SELECTOR, "#result h2")
        assert words in heading.text and heading.is_displayed()
        for width in (1280, 390):
            _shoot(chrome, screenshots, f"verify-{name}", width)
    # Selenium's ChromiumDriver.get_log has no annotations.
    logged = chrome.get_log("browser")  # type: ignore[no-untyped-call]
    blocked = [entry for entry in logged if "Content Security Policy" in entry["message"]]
    assert blocked == []
