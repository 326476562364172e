#!/usr/bin/env python3
"""Measures the kiosk's search through the real window, for BENCHMARKS.md: from a keystroke in the
kiosk's search box to the results painted, on a workshop of 10,000 participants.

    flock /tmp/workshop-e2e.lock scripts/measure-kiosk.py [--binary target/release/workshop-desk]

Builds nothing: it needs the release app and the `workshop` command line next to it
(`cargo build --release -p workshop-desk --features custom-protocol` and
`cargo build --release --bin workshop`), and what scripts/test.sh installs (Xvfb, WebKitWebDriver,
tauri-driver). Hold the end-to-end tests' lock while it runs, as above: both drive real windows.

What it does:
1. `workshop demo --participants 10000` into a temporary data directory, then moves the workshop's
   dates to yesterday .. three days from now (sqlite3), because the kiosk shows its search box
   only on a workshop day and the demo's week may not include today.
2. Starts the app through tauri-driver under Xvfb, starts the kiosk through the facilitator's
   window (a PIN typed twice, "Start"), and switches to the kiosk window.
3. In the kiosk page, for each query (prefixes of 3 to 6 letters of names in the seeded data, in
   Latin letters and in the participants' own scripts): sets the search box's value and
   dispatches `input` at t0 = performance.now() (what a keystroke does), waits for the results
   list to change (a MutationObserver on the kiosk), then for the next animation frame and a
   task after it (the frame painted, as far as the page can tell) = t1. Then the same query's
   `kiosk_search` round trip (IPC + core) is timed on its own, to tell the IPC and the core from
   the page's own work. Also timed: animation frames with nothing changing, and a one-word change.
4. Real WebDriver keystrokes: Element Send Keys of one more letter, timed from the page's
   `keydown` to the painted results in the same way.
5. The first search after a sign-in (a write makes the core's search index stale), and the round
   trip of `kiosk_search` with two letters (no search work: the IPC floor).
6. On the screen: for some queries, from an empty list, the first row of the results list is read
   from the X framebuffer (libX11, every ~1 ms) to see when the results really appear, compared
   with t0 on the same clock (performance.timeOrigin). With WebKitGTK's DMA-BUF renderer and no
   GPU the page's "painted" comes well before the screen; with the software renderer they agree.
7. Unlocks the kiosk with the PIN, ends the session, stops tauri-driver with SIGTERM and makes sure
   nothing it started (WebKitWebDriver, the app) is left running.

`--renderer software` sets WEBKIT_DISABLE_DMABUF_RENDERER=1 for the app, `dmabuf` leaves WebKit's
default; `auto` (the default) chooses as scripts/run.sh does: software without a GPU render node.
"""

import argparse
import ctypes
import ctypes.util
import datetime
import glob
import http.client
import json
import os
import random
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from importlib import import_module

screenshots = import_module("take-screenshots")

PIN = "246810"
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"

# Installed once in the kiosk page: the timing helpers, and a wrapper around Tauri's invoke that
# records when each kiosk_search call started and settled.
PAGE_HELPERS = r"""
if (!window.__mk) {
  const mk = window.__mk = {};
  const invoke = window.__TAURI__.core.invoke;
  // Resolves once the results list has been redrawn and the frame after it painted.
  mk.painted = (timeoutMs = 5000) => new Promise((resolve) => {
    const root = document.getElementById('kiosk-root');
    const observer = new MutationObserver((records) => {
      if (!records.some((r) => r.target.id === 'kiosk-results')) return;
      const dom = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => {
        const frame = performance.now();
        setTimeout(() => resolve({ dom, frame, paint: performance.now() }), 0);
      });
    });
    observer.observe(root, { childList: true, subtree: true });
    setTimeout(() => { observer.disconnect(); resolve(null); }, timeoutMs);
  });
  mk.report = async (t0, done, extra = {}) => {
    const text = document.getElementById('kiosk-search').value;
    const out = Object.assign({
      dom: done.dom - t0, frame: done.frame - t0, paint: done.paint - t0,
      results: document.querySelectorAll('[data-testid="kiosk-result"]').length,
      noMatch: !!document.querySelector('[data-testid="kiosk-no-match"]'),
      value: text,
      at: performance.timeOrigin + t0,
    }, extra);
    // Tauri's invoke cannot be wrapped (its objects are frozen): the same query's round trip
    // (IPC + core), asked again at once, stands for the part of it inside the search above.
    const s = performance.now();
    await invoke('kiosk_search', { query: text });
    out.invoke = performance.now() - s;
    return out;
  };
  // One search as a keystroke makes it: the new value, then the input event.
  mk.search = async (text) => {
    const input = document.getElementById('kiosk-search');
    input.focus();
    const painted = mk.painted();
    input.value = text;
    const t0 = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const done = await painted;
    return done ? await mk.report(t0, done) : { value: text, timeout: true };
  };
  // Armed before a real keystroke: times from its keydown to the results painted.
  mk.armKey = () => {
    let t0 = null;
    window.addEventListener('keydown', () => { t0 = performance.now(); }, { capture: true, once: true });
    mk.key = mk.painted(10000).then((done) => (done && t0 !== null) ? mk.report(t0, done) : { timeout: true, t0 });
  };
}
return true;
"""


def js_letters(text):
    """Letters and digits as the kiosk page counts them (/[\\p{L}\\p{N}]/u)."""
    return sum(1 for c in text if unicodedata.category(c)[0] in "LN")


def seed(workshop_cli, data_dir, participants):
    subprocess.run([workshop_cli, "--data-dir", data_dir, "demo", "--participants", str(participants)],
                   check=True, stdout=subprocess.DEVNULL)
    [db_file] = glob.glob(os.path.join(data_dir, "*.sqlite3"))
    today = datetime.date.today()  # the app's "today" is the local date too
    with sqlite3.connect(db_file) as db:
        db.execute("UPDATE workshop SET start_date = ?, end_date = ?",
                   (str(today - datetime.timedelta(days=1)), str(today + datetime.timedelta(days=3))))
        names = db.execute("SELECT full_name, name_latin FROM participant WHERE deleted_at IS NULL").fetchall()
        ids = [r[0] for r in db.execute("SELECT id FROM participant WHERE deleted_at IS NULL ORDER BY random() LIMIT 50")]
    db.close()
    return names, ids


def prefixes(word):
    """Prefixes of a word with 3 to 6 letters (as the page counts them: vowel signs are not)."""
    out = []
    for n in range(3, len(word) + 1):
        p = word[:n]
        if 3 <= js_letters(p) <= 6 and unicodedata.category(p[-1])[0] == "L" and p not in out:
            out.append(p)
    return out


def choose_queries(names, per_kind, rng):
    latin, own = set(), set()
    for full_name, name_latin in names:
        for word in name_latin.split():
            if word.isascii():
                latin.update(prefixes(word))
        if full_name != name_latin:
            for word in full_name.split():
                if not word.isascii():
                    own.update(prefixes(word))
    latin = rng.sample(sorted(latin), min(per_kind, len(latin)))
    own = rng.sample(sorted(own), min(per_kind, len(own)))
    queries = [("latin", q) for q in latin] + [("own script", q) for q in own]
    rng.shuffle(queries)
    return queries


def descendants(pid):
    """Every process below `pid`, from /proc."""
    children = {}
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            with open(stat) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.split("/")[2]))
        except (OSError, IndexError, ValueError):
            pass
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def cpu_times(pids):
    """CPU time used so far (user + system, ms) by each process, with its name."""
    tick = os.sysconf("SC_CLK_TCK")
    out = {}
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                head, rest = f.read().rsplit(")", 1)
            fields = rest.split()
            out[pid] = (head.split("(", 1)[1], (int(fields[11]) + int(fields[12])) * 1000.0 / tick)
        except (OSError, IndexError, ValueError):
            pass
    return out


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def stop_leftovers(pids):
    """Asks what is left of the processes we started to stop, by their ids; kills after 10 s."""
    left = [p for p in pids if alive(p)]
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for p in left:
            try:
                os.kill(p, sig)
            except ProcessLookupError:
                pass
        deadline = time.time() + 10
        while left and time.time() < deadline:
            time.sleep(0.1)
            left = [p for p in left if alive(p)]
        if not left:
            return
    print("still running after SIGKILL:", left, file=sys.stderr)


class Kiosk(screenshots.Session):
    def request(self, method, path, body=None):
        # tauri-driver keeps its connection to WebKitWebDriver open between requests; when
        # WebKitWebDriver has closed it meanwhile, tauri-driver answers by dropping ours ("Connection
        # reset by peer" in its log) without passing the request on. Asking again is then safe.
        for attempt in range(4):
            try:
                return super().request(method, path, body)
            except (http.client.RemoteDisconnected, ConnectionResetError):
                if attempt == 3:
                    raise
                time.sleep(0.2)

    def find(self, testid):
        found = self.request("POST", f"/session/{self.id}/element",
                             {"using": "css selector", "value": f"[data-testid='{testid}']"})
        if not isinstance(found.get("value"), dict) or ELEMENT not in found["value"]:
            raise RuntimeError(f"finding {testid}: {found}")
        return found["value"][ELEMENT]

    def send_keys(self, element, text):
        self.request("POST", f"/session/{self.id}/element/{element}/value", {"text": text})

    def wait(self, condition, what, timeout_s=60):
        """Polls a JS expression in the page until it is truthy."""
        value = self.js(f"""
            for (let i = 0; i < {timeout_s * 10}; i++) {{
              const v = ({condition});
              if (v) return v;
              await new Promise(r => setTimeout(r, 100));
            }}
            return null;""")
        if not value or (isinstance(value, str) and value.startswith("error:")):
            raise RuntimeError(f"waiting for {what}: {value!r}")
        return value

    def switch_to_page(self, page, timeout_s=30):
        deadline = time.time() + timeout_s
        while time.time() < deadline:
            for handle in self.request("GET", f"/session/{self.id}/window/handles")["value"]:
                self.request("POST", f"/session/{self.id}/window", {"handle": handle})
                url = self.request("GET", f"/session/{self.id}/url")["value"]
                path = urllib.parse.urlparse(url).path
                if path.endswith(page) or (page == "index.html" and path in ("", "/")):
                    return handle
            time.sleep(0.2)
        raise RuntimeError(f"no window shows {page}")


class Screen:
    """Reads a small rectangle of the X display's framebuffer (what Xvfb would show), through
    libX11, to see when the results really reach the screen."""

    class XImage(ctypes.Structure):
        _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int), ("xoffset", ctypes.c_int),
                    ("format", ctypes.c_int), ("data", ctypes.c_void_p), ("byte_order", ctypes.c_int),
                    ("bitmap_unit", ctypes.c_int), ("bitmap_bit_order", ctypes.c_int),
                    ("bitmap_pad", ctypes.c_int), ("depth", ctypes.c_int),
                    ("bytes_per_line", ctypes.c_int), ("bits_per_pixel", ctypes.c_int)]

    def __init__(self, display):
        self.x = ctypes.CDLL(ctypes.util.find_library("X11"))
        self.x.XOpenDisplay.restype = ctypes.c_void_p
        self.x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x.XDefaultRootWindow.restype = ctypes.c_ulong
        self.x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.x.XGetImage.restype = ctypes.POINTER(self.XImage)
        self.x.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                                     ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
        self.x.XFree.argtypes = [ctypes.c_void_p]
        self.x.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.display = self.x.XOpenDisplay(display.encode())
        if not self.display:
            raise RuntimeError(f"cannot open display {display}")
        self.root = self.x.XDefaultRootWindow(self.display)

    def grab(self, x, y, w, h):
        image = self.x.XGetImage(self.display, self.root, x, y, w, h, 0xFFFFFFFF, 2)  # ZPixmap
        try:
            return ctypes.string_at(image.contents.data, image.contents.bytes_per_line * h)
        finally:
            self.x.XFree(image.contents.data)
            self.x.XFree(image)

    def watch(self, rect, stop, changes):
        """Polls `rect` until `stop` is set, appending (time.time() before the grab that saw it)
        for every change."""
        last = self.grab(*rect)
        while not stop.is_set():
            before = time.time()
            now = self.grab(*rect)
            if now != last:
                changes.append(before)
                last = now
            time.sleep(0.001)

    def close(self):
        self.x.XCloseDisplay(self.display)


def on_screen(session, display, queries):
    """For each query, from an empty list: the in-page measurement as above, and when the first
    row of results changed in the X framebuffer."""
    screen = Screen(display)
    out = []
    try:
        for kind, q in queries:
            session.js("return await window.__mk.search('');")  # empties the list
            time.sleep(0.4)
            r = session.js("""
                const list = document.getElementById('kiosk-results').getBoundingClientRect();
                return [Math.round(list.left + window.screenX), Math.round(list.top + window.screenY),
                        Math.round(list.width)];""")
            rect = (r[0], r[1], r[2], 40)
            stop, changes = threading.Event(), []
            watcher = threading.Thread(target=screen.watch, args=(rect, stop, changes))
            watcher.start()
            time.sleep(0.05)
            try:
                m = session.js(f"return await window.__mk.search({json.dumps(q)});")
                time.sleep(0.5)
            finally:
                stop.set()
                watcher.join()
            if m.get("timeout"):
                out.append(m)
                continue
            after = [c * 1000.0 - m["at"] for c in changes if c * 1000.0 >= m["at"] - 1]
            m.update(kind=kind, screen=after[0] if after else None)
            out.append(m)
    finally:
        screen.close()
    return out


def stats(values):
    values = sorted(values)
    p = lambda q: values[min(len(values) - 1, max(0, round(q * (len(values) - 1))))]
    return {"n": len(values), "p50": statistics.median(values), "p95": p(0.95), "max": values[-1],
            "min": values[0]}


def line(label, values):
    if not values:
        return f"{label}: no values"
    s = stats(values)
    return (f"{label}: n={s['n']}  p50 {s['p50']:.1f} ms  p95 {s['p95']:.1f} ms  "
            f"max {s['max']:.1f} ms  (min {s['min']:.1f})")


def measure(session, queries, ids, key_words, after_sign_in, watched):
    out = {"searches": [], "keys": [], "after_sign_in": [], "floor": []}
    assert session.js(PAGE_HELPERS) is True, "could not install the timing helpers"

    # What a frame costs here at all: the interval between animation frames with nothing changing,
    # and from a one-word change (the hint under the search box) to the frame after it painted.
    out["idle_frames"] = session.js("""
        const times = [];
        let last = await new Promise(requestAnimationFrame);
        for (let i = 0; i < 60; i++) {
          const now = await new Promise(requestAnimationFrame);
          times.push(now - last);
          last = now;
        }
        return times;""")
    out["small_change"] = session.js("""
        const hint = document.getElementById('kiosk-search-hint');
        const text = hint.textContent, times = [];
        for (let i = 0; i < 20; i++) {
          await new Promise(r => setTimeout(r, 50));
          const t0 = performance.now();
          hint.textContent = i % 2 ? text : text + ' ';
          await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
          times.push(performance.now() - t0);
        }
        hint.textContent = text;
        return times;""")

    # The first search builds the core's search index (and warms the page's code paths).
    out["warmup"] = [session.js(f"return await window.__mk.search({json.dumps(q)});") for q in ("abc", "sar")]

    cpu_before, wall_before = cpu_times(watched), time.time()
    for kind, q in queries:
        r = session.js(f"return await window.__mk.search({json.dumps(q)});")
        r["kind"] = kind
        out["searches"].append(r)
    cpu_after = cpu_times(watched)
    out["cpu"] = {"wall_ms": (time.time() - wall_before) * 1000.0, "searches": len(queries), "by_process": [
        (name, cpu_after[pid][1] - used) for pid, (name, used) in cpu_before.items() if pid in cpu_after]}

    # Real keystrokes: a prefix set as above, then one more letter through WebDriver.
    search_box = session.find("kiosk-search")
    for word in key_words:
        start = word[:-1]
        session.js(f"return await window.__mk.search({json.dumps(start)});")
        session.js("window.__mk.armKey(); return true;")
        sent = time.perf_counter()
        session.send_keys(search_box, word[-1])
        returned = time.perf_counter()
        r = session.js("return await window.__mk.key;")
        r.update(word=word, webdriverMs=(returned - sent) * 1000.0)
        out["keys"].append(r)

    # The first search after a sign-in: the write makes the core rebuild its search index.
    for i in range(after_sign_in):
        kind, q = queries[i % len(queries)]
        signed = session.js(f"""
            try {{
              await window.__TAURI__.core.invoke('kiosk_sign_in', {{ participantId: {json.dumps(ids[i])}, method: 'kiosk' }});
              return true;
            }} catch (e) {{ return 'error: ' + JSON.stringify(e); }}""")
        if signed is not True:
            raise RuntimeError(f"sign-in failed: {signed}")
        r = session.js(f"return await window.__mk.search({json.dumps(q)});")
        r["kind"] = kind
        out["after_sign_in"].append(r)

    # The IPC floor: kiosk_search with two letters does no search work in the core.
    out["floor"] = session.js("""
        const times = [];
        for (let i = 0; i < 40; i++) {
          const s = performance.now();
          await window.__TAURI__.core.invoke('kiosk_search', { query: 'zq' });
          times.push(performance.now() - s);
        }
        return times;""")
    # The same queries through kiosk_search alone, one after the other: IPC + core, no drawing.
    out["invoke_only"] = session.js(f"""
        const times = [];
        for (const q of {json.dumps([q for _, q in queries], ensure_ascii=False)}) {{
          const s = performance.now();
          await window.__TAURI__.core.invoke('kiosk_search', {{ query: q }});
          times.push(performance.now() - s);
        }}
        return times;""")
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default="target/release/workshop-desk")
    parser.add_argument("--participants", type=int, default=10000)
    parser.add_argument("--per-kind", type=int, default=40,
                        help="queries in Latin letters, and as many in the participants' own scripts")
    parser.add_argument("--after-sign-in", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--screen", type=int, default=30,
                        help="searches also watched on the X screen (from an empty list); 0 for none")
    parser.add_argument("--renderer", choices=("auto", "dmabuf", "software"), default="auto",
                        help="WebKitGTK's renderer: software sets WEBKIT_DISABLE_DMABUF_RENDERER=1; auto "
                             "chooses as scripts/run.sh does (software without a GPU render node)")
    parser.add_argument("--json", help="also write every measurement to this file")
    parser.add_argument("--screenshot", help="a screenshot of the kiosk with results, for a look")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    workshop_cli = os.path.join(os.path.dirname(binary), "workshop")
    for path in (binary, workshop_cli):
        if not os.access(path, os.X_OK):
            sys.exit(f"{path} is missing: build it first (see the top of this script)")

    renderer = args.renderer
    if renderer == "auto":
        renderer = "dmabuf" if glob.glob("/dev/dri/renderD*") else "software"
    if renderer == "software":
        os.environ["WEBKIT_DISABLE_DMABUF_RENDERER"] = "1"
    else:
        os.environ.pop("WEBKIT_DISABLE_DMABUF_RENDERER", None)

    rng = random.Random(args.seed)
    data_dir = tempfile.mkdtemp(prefix="workshop-desk-kiosk-")
    started = []
    display = xvfb = session = None
    try:
        names, ids = seed(workshop_cli, data_dir, args.participants)
        queries = choose_queries(names, args.per_kind, rng)
        key_words = ["sharma", "gurung", "nguyen", "rahim", "sunil", "सरिता"]
        display, xvfb = screenshots.start_xvfb()
        session = Kiosk(binary, data_dir, display)
        started = descendants(session.driver.pid)

        # The facilitator's window: the list of 10,000, then "Start kiosk" with a new PIN.
        session.wait("document.querySelector(\"[data-testid='start-kiosk']\")", "the Start kiosk button")
        session.js(screenshots.SELECT + "$('start-kiosk').click(); return true;")
        session.wait("document.querySelector(\"[data-testid='kiosk-new-pin']\")", "the kiosk dialog")
        for testid in ("kiosk-new-pin", "kiosk-new-pin-again"):
            session.send_keys(session.find(testid), PIN)
            typed = session.js(screenshots.SELECT + f"return $('{testid}').value;")
            if typed != PIN:
                raise RuntimeError(f"{testid} holds {typed!r} after typing the PIN")
        session.js(screenshots.SELECT + "$('kiosk-start').click(); return true;")
        session.switch_to_page("kiosk.html")
        session.wait("document.getElementById('kiosk-search') && performance.getEntriesByName('kiosk-ready').length",
                     "the kiosk's search box")
        started = sorted(set(started) | set(descendants(session.driver.pid)))

        load_before = open("/proc/loadavg").read().split()[0]
        t_start = time.time()
        watched = started + [xvfb.pid]
        out = measure(session, queries, ids, key_words, args.after_sign_in, watched)
        wall = time.time() - t_start
        out["screen"] = on_screen(session, display, queries[:args.screen]) if args.screen else []
        load_after = open("/proc/loadavg").read().split()[0]
        if args.screenshot:
            session.js("return await window.__mk.search('sharma');")
            session.shot(args.screenshot)

        # Leave kiosk mode (the windows refuse to close while it is on): the kiosk window goes
        # while the call is under way, so it is not waited for here; the main window comes back.
        session.js(f"window.__TAURI__.core.invoke('kiosk_unlock', {{ pin: {json.dumps(PIN)} }}); return true;")
        deadline = time.time() + 30
        while len(session.request("GET", f"/session/{session.id}/window/handles")["value"]) > 1:
            if time.time() > deadline:
                raise RuntimeError("the kiosk window is still open after the PIN")
            time.sleep(0.2)
        session.switch_to_page("index.html")
    finally:
        if session is not None:
            started = sorted(set(started) | set(descendants(session.driver.pid)))
            try:
                session.close()  # ends the session, then SIGTERM to tauri-driver
            except Exception as e:  # noqa: BLE001 — whatever happened, stop the processes below
                print("closing the session:", e, file=sys.stderr)
                if session.driver.poll() is None:
                    session.driver.terminate()
                    session.driver.wait()
            stop_leftovers(started)
        if xvfb is not None:
            screenshots.stop_xvfb(xvfb)
        shutil.rmtree(data_dir, ignore_errors=True)

    left = [p for p in started if alive(p)]
    searches = [r for r in out["searches"] if not r.get("timeout")]
    timeouts = len(out["searches"]) - len(searches)
    keys = [r for r in out["keys"] if not r.get("timeout")]
    after = [r for r in out["after_sign_in"] if not r.get("timeout")]
    print("load average before and after:", load_before, "/", load_after,
          f"| renderer: {renderer} (WEBKIT_DISABLE_DMABUF_RENDERER="
          f"{os.environ.get('WEBKIT_DISABLE_DMABUF_RENDERER', 'unset')})")
    print(f"{args.participants} participants, {len(out['searches'])} searches "
          f"({sum(1 for r in searches if r['results'])} with names, "
          f"{sum(1 for r in searches if r['noMatch'])} 'no match', {timeouts} timed out), "
          f"{len(out['keys'])} WebDriver keystrokes, {wall:.1f} s")
    print("warm-up (the first searches after launch):",
          ", ".join(f"{r['value']!r} {r['paint']:.1f} ms" for r in out["warmup"] if not r.get("timeout")))
    print(line("input event -> results painted (all)", [r["paint"] for r in searches]))
    for kind in ("latin", "own script"):
        print(line(f"  {kind}", [r["paint"] for r in searches if r["kind"] == kind]))
    print(line("input event -> results in the DOM", [r["dom"] for r in searches]))
    print(line("results in the DOM -> painted", [r["paint"] - r["dom"] for r in searches]))
    print(line("the same query's kiosk_search round trip, alone (IPC + core)", [r["invoke"] for r in searches]))
    print(line("  the rest (input -> DOM minus that round trip)", [r["dom"] - r["invoke"] for r in searches]))
    print(line("the same queries' kiosk_search round trips in a row, nothing drawn (IPC + core)", out["invoke_only"]))
    print(line("kiosk_search round trip with 2 letters (no search in the core: IPC floor)", out["floor"]))
    print(line("  of which: results in the DOM -> next animation frame", [r["frame"] - r["dom"] for r in searches]))
    print(line("  of which: animation frame -> painted", [r["paint"] - r["frame"] for r in searches]))
    cpu = out["cpu"]
    busy = sorted(((name, used) for name, used in cpu["by_process"] if used > 0), key=lambda x: -x[1])
    print(f"CPU during the {cpu['searches']} searches ({cpu['wall_ms']:.0f} ms of wall time, with the "
          f"WebDriver round trips), per search:",
          ", ".join(f"{name} {used / cpu['searches']:.1f} ms" for name, used in busy))
    print(line("interval between animation frames, nothing changing", out["idle_frames"]))
    print(line("one word of the hint changed -> painted", out["small_change"]))
    print(line("WebDriver keystroke: keydown -> results painted", [r["paint"] for r in keys]))
    print("  keystrokes:", ", ".join(
        f"{r['word']!r} -> {r['value']!r} {r['paint']:.1f} ms (Send Keys answered in {r['webdriverMs']:.0f} ms)"
        for r in keys))
    print(line("first search after a sign-in: input -> painted", [r["paint"] for r in after]))
    shown = [r for r in out["screen"] if not r.get("timeout")]
    if shown:
        missed = sum(1 for r in shown if r["screen"] is None)
        print(f"watched on the X screen, from an empty list ({len(shown)} searches, {missed} never seen change):")
        print(line("  input event -> painted (in the page)", [r["paint"] for r in shown]))
        print(line("  input event -> first row of results changed on the screen",
                   [r["screen"] for r in shown if r["screen"] is not None]))
    print("processes left behind:", left or "none")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(out, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
