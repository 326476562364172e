#!/usr/bin/env python3
"""Takes the README's screenshots from the real app, through tauri-driver, on fresh demos.

    scripts/take-screenshots.py [--binary target/debug/workshop-desk] [--out docs/screenshots]

Needs what `scripts/test.sh` installs (Xvfb, WebKitWebDriver, tauri-driver) and a built app.
Only the standard library is used, so it runs on a fresh machine.
"""

import argparse
import base64
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request


def start_xvfb():
    """A private X display on a number Xvfb picks itself (a fixed one may still be held by a
    previous run), returned with its process."""
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    display = xvfb.stdout.readline().decode().strip()
    return f":{display}", xvfb


def stop_xvfb(xvfb):
    xvfb.terminate()
    xvfb.wait()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Session:
    def __init__(self, binary, data_dir, display):
        self.port = free_port()
        env = dict(os.environ, DISPLAY=display, WORKSHOP_DESK_DATA_DIR=data_dir)
        self.driver = subprocess.Popen(
            ["tauri-driver", "--port", str(self.port), "--native-port", str(free_port())],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        caps = {"alwaysMatch": {"browserName": "wry", "tauri:options": {"application": binary}}}
        # tauri-driver accepts connections before WebKitWebDriver behind it is ready, and then
        # drops the first request: ask again a few times.
        for attempt in range(5):
            try:
                self.id = self.request("POST", "/session", {"capabilities": caps})["value"]["sessionId"]
                break
            except (ConnectionError, OSError):
                if attempt == 4:
                    # No session, no close(): stop the driver here, or it and the app outlive us.
                    self.driver.terminate()
                    self.driver.wait()
                    raise
                time.sleep(1)

    def request(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        return json.loads(urllib.request.urlopen(req, timeout=60).read())

    def js(self, script):
        """Runs an async function body in the page and returns its value."""
        return self.request("POST", f"/session/{self.id}/execute/async", {
            "script": "const done = arguments[arguments.length - 1];"
                      f"(async () => {{ {script} }})().then(done, e => done('error: ' + e));",
            "args": []})["value"]

    def shot(self, path):
        png = self.request("GET", f"/session/{self.id}/screenshot")["value"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(png))
        print("wrote", path)

    def close(self):
        try:
            self.request("DELETE", f"/session/{self.id}")
        finally:
            self.driver.terminate()
            self.driver.wait()


WAIT = "const wait = ms => new Promise(r => setTimeout(r, ms));"
SELECT = "const $ = id => document.querySelector(`[data-testid='${id}']`);"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default="target/debug/workshop-desk")
    parser.add_argument("--out", default="docs/screenshots")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    binary = os.path.abspath(args.binary)
    display, xvfb = start_xvfb()
    data_dir = tempfile.mkdtemp(prefix="workshop-desk-shots-")
    try:
        session = Session(binary, data_dir, display)
    except Exception:
        stop_xvfb(xvfb)
        raise
    try:
        out = lambda name: os.path.join(args.out, name)
        session.js(WAIT + "await wait(1500);")
        session.shot(out("first-run.png"))
        session.js(WAIT + SELECT + "$('open-demo').click(); await wait(1500);")
        session.shot(out("participants.png"))
        session.js(WAIT + SELECT + """
            document.dispatchEvent(new KeyboardEvent('keydown', {key: 'n', bubbles: true}));
            await wait(500);
            const name = $('participant-name');
            name.value = 'ज्ञान बहादुर श्रेष्ठ';
            name.dispatchEvent(new Event('input', {bubbles: true}));
            await wait(600);""")
        session.shot(out("registration.png"))
        session.js(WAIT + SELECT + """
            document.querySelector('dialog[open]').close(); await wait(300);
            const search = $('participant-search');
            search.value = 'sharma';
            search.dispatchEvent(new Event('input', {bubbles: true}));
            await wait(600);""")
        session.shot(out("search.png"))
        session.js(WAIT + SELECT + """
            const search = $('participant-search');
            search.value = '';
            search.dispatchEvent(new Event('input', {bubbles: true}));
            const language = $('language-switch');
            language.value = 'fr';
            language.dispatchEvent(new Event('change', {bubbles: true}));
            await wait(1000);""")
        session.shot(out("participants-fr.png"))
        session.js(WAIT + SELECT + """
            const language = $('language-switch');
            language.value = 'en';
            language.dispatchEvent(new Event('change', {bubbles: true}));
            await wait(500);
            $('nav-backups').click(); await wait(800);
            $('backup-now').click(); await wait(1000);""")
        session.shot(out("backups.png"))
    finally:
        session.close()
        shutil.rmtree(data_dir, ignore_errors=True)

    try:
        # The demo as it stands on its Wednesday at noon in Kathmandu: two and a half days of
        # attendance, whatever day the screenshots are taken.
        data_dir = tempfile.mkdtemp(prefix="workshop-desk-shots-")
        try:
            cli = os.path.join(os.path.dirname(binary), "workshop")
            subprocess.run([cli, "--data-dir", data_dir, "demo", "--as-of", "2026-11-25T12:00:00+05:45"],
                           check=True, stdout=subprocess.DEVNULL)
            session = Session(binary, data_dir, display)
            session.js(WAIT + SELECT + "await wait(1500); $('nav-attendance').click(); await wait(1200);")
            session.shot(out("attendance.png"))
            session.js(WAIT + SELECT + "$('nav-participants').click(); await wait(1200); "
                                       "$('open-participant-list').click(); await wait(1500);")
            session.shot(out("participant-list.png"))
            session.close()
        finally:
            shutil.rmtree(data_dir, ignore_errors=True)

        # Certificates are judged by the laptop's clock: a demo whose week is over (Friday afternoon,
        # 13 November 2026) has the same sessions counted whatever day the screenshots are taken.
        data_dir = tempfile.mkdtemp(prefix="workshop-desk-shots-")
        try:
            subprocess.run([cli, "--data-dir", data_dir, "demo", "--as-of", "2026-11-13T16:00:00+05:45"],
                           check=True, stdout=subprocess.DEVNULL)
            session = Session(binary, data_dir, display)
            session.js(WAIT + SELECT + """
                await wait(1500); $('nav-attendance').click(); await wait(1200);
                $('open-certificates').click(); await wait(1500);
                const lines = document.querySelectorAll('[data-testid=certificate-signatory]');
                lines[0].value = 'Maria Helena André, Director, ILO-ACTRAV';
                lines[0].dispatchEvent(new Event('change'));
                await wait(800);
                const heading = document.querySelector('[data-testid=certificate-heading]');
                window.scrollTo(0, heading.getBoundingClientRect().top + window.scrollY - 140);
                await wait(500);""")
            session.shot(out("certificates.png"))
            session.close()
        finally:
            shutil.rmtree(data_dir, ignore_errors=True)

    finally:
        stop_xvfb(xvfb)

if __name__ == "__main__":
    main()
