"""`make portal` end to end: start it, read the printed lines, query a sample car with a printed token."""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STARTUP_TIMEOUT = 40.0


def read_lines(proc: subprocess.Popen[str], out: queue.Queue[str | None]) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        out.put(line.rstrip("\n"))
    out.put(None)


@pytest.mark.early
@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_portal_prints_url_and_tokens_and_serves_the_sample_car(tmp_path: Path) -> None:
    env = {**os.environ, "PORTAL_PORT": "0", "PORTAL_DEV_DIR": str(tmp_path / "dev")}
    # -o: the test already runs inside the installed environment; PY: this interpreter.
    cmd = ["make", "-s", "-o", ".venv/.installed", "portal", f"PY={sys.executable}"]
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    lines: queue.Queue[str | None] = queue.Queue()
    threading.Thread(target=read_lines, args=(proc, lines), daemon=True).start()
    url, tokens, curl = None, {}, None
    try:
        while curl is None:
            line = lines.get(timeout=STARTUP_TIMEOUT)
            assert line is not None, (
                f"make portal exited early: {proc.wait()} {proc.stderr.read() if proc.stderr else ''}"
            )
            if line.startswith("portal: "):
                url = line.removeprefix("portal: ")
            elif line.startswith("token "):
                _, owner, token = line.split(" ")
                tokens[owner] = token
            elif line.startswith("curl "):
                curl = line
        assert url is not None and url.startswith("http://127.0.0.1:")
        assert set(tokens) == {"owner-alice", "owner-bob", "owner-chen", "owner-dana"}
        assert url in curl

        vin = "LSVAU2180N2183294"  # the transferred car: Bob owns it now
        request = urllib.request.Request(
            f"{url}/v1/vehicles/{vin}/data-classes/vehicle_telemetry/records?limit=3",
            headers={"Authorization": f"Bearer {tokens['owner-bob']}", "X-Request-ID": "smoke-1"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers["X-Request-ID"] == "smoke-1"
            body = json.load(response)
        assert len(body["items"]) == 3 and body["next_cursor"]
        assert {item["vin"] for item in body["items"]} == {vin}

        with urllib.request.urlopen(f"{url}/openapi.json", timeout=10) as response:
            assert "DEVELOPMENT MODE" in json.load(response)["info"]["title"]

        stranger = urllib.request.Request(
            f"{url}/v1/vehicles/{vin}/data-classes/vehicle_telemetry/records",
            headers={"Authorization": f"Bearer {tokens['owner-chen']}"},
        )
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(stranger, timeout=10)
        assert info.value.code == 404
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # our own process group (make and the server it started)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def test_bad_port_is_refused_without_a_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "portal.dev"],
        cwd=ROOT,
        env={**os.environ, "PORTAL_PORT": "eighty"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "PORTAL_PORT='eighty' is not a port number. Fix:" in result.stderr and "Traceback" not in result.stderr


def test_production_entry_point_refuses_missing_settings() -> None:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PORTAL_")}
    result = subprocess.run(
        [sys.executable, "-m", "portal"], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 2
    assert "PORTAL_OIDC_ISSUER is not set. Fix:" in result.stderr and "Traceback" not in result.stderr
