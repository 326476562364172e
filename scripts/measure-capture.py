#!/usr/bin/env python3
"""Measures live capture through the real window, for BENCHMARKS.md: a SWOT board of 500 notes
and a workshop of 2,000 actions, from a keystroke or a click to the screen drawn (issue 4's
target: under 50 ms).

    cargo build --release --example seed_capture
    flock /tmp/workshop-e2e.lock scripts/measure-capture.py [--binary target/release/workshop-desk]

Builds nothing: it needs the release app (`cargo build --release -p workshop-desk --features
custom-protocol --bin workshop-desk`), the seeding example above, and what scripts/test.sh
installs (Xvfb, WebKitWebDriver, tauri-driver). Hold the end-to-end tests' lock while it runs,
as above: both drive real windows.

What it does:
1. `seed_capture DATA_DIR` (examples/seed_capture.rs) writes the demo workshop, a board of 500
   notes (four quadrants, 20 headings with notes under them, votes, some raised by a group) and
   plans holding 2,000 actions in all, through the core's own functions, and makes that workshop
   the one the app opens.
2. Starts the app through tauri-driver under Xvfb and waits for its first screen.
3. The board: from the list of boards, sets location.hash to the board's route at
   t0 = performance.now() and waits (MutationObserver) until the board is in the DOM with notes
   in each of its four lists (the view draws the first rows of each list at once), then for the
   next animation frame and a task after it (the frame painted, as far as the page can tell):
   the first paint. Also until all 520 notes and headings are in the DOM (the view draws the rest
   of each list a slice a frame after the first paint) and painted. Several runs; the first is
   reported on its own.
4. Adding a note: in a quadrant's input (the four in turn), the text is set and `input`
   dispatched, then a keydown of Enter is dispatched at t0, as the key does; timed to the saved
   note drawn at the end of its list and painted, to the "Saving…" note if it was drawn first
   (the view draws it only for a save slower than 100 ms), and to the input seen empty again and
   painted (the view empties it once the note is painted). Then real keystrokes: WebDriver's
   Element Send Keys types the text, then one more letter (keydown -> the letter painted in the
   input), then Enter (keydown -> the saved note painted).
5. The Plans screen: its route opened as in 3 until the first plan cards are drawn (the view
   draws the cards the window shows at once, the others a card a frame after them; each card
   its first 10 actions) and painted, and until every card is; a plan's "Show all N actions"
   clicked (its button scrolled into view first) until its first new rows and then all of them
   are drawn, and "Show only the first 10" back; an action's status changed in place, its row
   scrolled into view first (the select's value set and `change` dispatched at t0, as choosing
   an option does) until that row is drawn again with the new status; also through WebDriver's
   Element Click on the <option>. The roll-up tab: a click on it until the roll-up is drawn, a
   click back to the plans until they are shown again, and the route `plans?tab=rollup` opened
   as in 3.
6. The IPC and the core on their own: each command these screens call (get_board, add_note,
   list_plans, update_action, plans_rollup, …) timed from the page through
   window.__TAURI__.core.invoke, with nothing drawn, to tell the round trips from the page's
   own work. (Tauri's invoke cannot be wrapped, and WebKit's resource timing does not list its
   ipc:// requests, so the calls inside a measured action cannot be timed in place.)
7. With --screen N: for N of the added notes and status changes, a strip of the X framebuffer
   where the change appears is read every ~1 ms (libX11) to see when it really reaches the
   screen, on the same clock (performance.timeOrigin).
8. With --profile: where the time goes. Each measured step split into the page's script (to the
   DOM change), style and layout (forced right after it) and the rest of the frame (paint);
   what repainting the whole window costs, with the app's box shadows and without them; adding
   notes again with a stylesheet that takes the containment of the board's quadrants and lists
   away, and one that removes every box shadow (added through a constructable stylesheet: the
   app's CSP refuses <style> elements); opening the Plans screen with its cards laid out and
   painted off screen too (no content-visibility); and what formatting the Plans screen's
   dates costs (format.js's kept formatter against one made here).
9. Ends the session, stops tauri-driver with SIGTERM and makes sure nothing it started
   (WebKitWebDriver, the app) is left running.

`--renderer software` sets WEBKIT_DISABLE_DMABUF_RENDERER=1 for the app, `dmabuf` leaves WebKit's
default; `auto` (the default) chooses as scripts/run.sh does: software without a GPU render node.
"""

import argparse
import glob
import http.client
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from importlib import import_module

kiosk = import_module("measure-kiosk")  # its session, screen reader, process and statistics helpers
screenshots = kiosk.screenshots
stats, line = kiosk.stats, kiosk.line

QUADRANTS = ["strengths", "weaknesses", "opportunities", "threats"]
STATUSES = ["planned", "in_progress", "done", "dropped"]
ENTER = "\ue007"

# Installed once in the main window's page: timing helpers. Every result is relative to its t0:
# dom (the condition first true after a DOM mutation), frame (the next animation frame began),
# paint (a task after that frame: painted, as far as the page can tell).
PAGE_HELPERS = r"""
if (!window.__mc) {
  const mc = window.__mc = {};
  mc.invoke = window.__TAURI__.core.invoke;
  mc.afterFrame = () => new Promise((resolve) => requestAnimationFrame(() => {
    const frame = performance.now();
    setTimeout(() => resolve({ frame, paint: performance.now() }), 0);
  }));
  // With mc.forced set (--profile), style and layout are forced (offsetHeight) as soon as the DOM
  // changed, and timed: what is left until the frame is painted is mostly painting.
  mc.forced = false;
  const force = () => {
    if (!mc.forced) return {};
    const s = performance.now();
    document.body.offsetHeight;
    return { layout: performance.now() - s };
  };
  // Resolves at the first DOM mutation after which check() holds (null after timeoutMs, or once
  // cancel() is called on the promise).
  mc.until = (root, check, timeoutMs = 20000) => {
    let observer, timer, settle;
    const promise = new Promise((resolve) => {
      let settled = false;
      settle = (value) => {
        if (settled) return false;
        settled = true;
        observer.disconnect();
        clearTimeout(timer);
        resolve(value);
        return true;
      };
      observer = new MutationObserver(async () => {
        if (!check()) return;
        const dom = performance.now();
        observer.disconnect();
        clearTimeout(timer);
        const forcedTimes = force();
        const frame = await mc.afterFrame();
        settle({ dom, ...forcedTimes, ...frame });
      });
      observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
      timer = setTimeout(() => settle(null), timeoutMs);
    });
    promise.cancel = () => settle(null);
    return promise;
  };
  // A result relative to t0.
  mc.rel = async (t0, r, extra = {}) => {
    if (!r) return Object.assign({ timeout: true }, extra);
    const out = { dom: r.dom - t0, frame: r.frame - t0, paint: r.paint - t0, at: performance.timeOrigin + t0 };
    if (r.layout !== undefined) out.layout = r.layout;
    return Object.assign(out, extra);
  };
  // A stylesheet of the script's own, for --profile's what-ifs (the CSP refuses <style>).
  mc.sheet = (css) => {
    if (!mc.sheetObj) {
      mc.sheetObj = new CSSStyleSheet();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, mc.sheetObj];
    }
    mc.sheetObj.replaceSync(css);
  };
  // What one repaint of the whole window costs: the page's background changed, then painted.
  mc.repaintWindow = async (n) => {
    const out = [];
    const main = document.getElementById('app-main');
    for (let i = 0; i < n; i++) {
      await mc.afterFrame();
      await new Promise((r) => setTimeout(r, 60));
      const t0 = performance.now();
      main.style.backgroundColor = i % 2 ? '#fbfbfb' : '#f7f7f7';
      document.body.offsetHeight;
      const f = await mc.afterFrame();
      out.push(f.paint - t0);
    }
    main.style.backgroundColor = '';
    return out;
  };
  // Dates as the Plans screen formats them (format.js, a formatter kept per locale and options), and
  // with one formatter made here and used directly.
  mc.dates = async (rows) => {
    const fmt = await import('./js/format.js');
    let s = performance.now();
    for (let i = 0; i < rows; i++) {
      fmt.formatDay('2027-03-15');
      fmt.formatDay('2026-09-01');
      fmt.formatDayRange('2026-09-01', '2027-03-15');
    }
    const fresh = performance.now() - s;
    const kept = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    const a = new Date('2027-03-15T00:00:00Z'), b = new Date('2026-09-01T00:00:00Z');
    s = performance.now();
    for (let i = 0; i < rows; i++) {
      kept.format(a);
      kept.format(b);
      kept.formatRange(b, a);
    }
    return { fresh, kept: performance.now() - s };
  };
  const main = () => document.getElementById('app-main');
  // Opens a route: location.hash set at t0, until check() holds.
  mc.open = async (hash, check) => {
    const wait = mc.until(main(), check);
    const t0 = performance.now();
    location.hash = hash;
    return mc.rel(t0, await wait, { hash });
  };
  // Opens a route timed to two conditions: { first, all }.
  mc.open2 = async (hash, first, all) => {
    const waits = [mc.until(main(), first), mc.until(main(), all, 60000)];
    const t0 = performance.now();
    location.hash = hash;
    const [a, b] = await Promise.all(waits);
    return { first: await mc.rel(t0, a, { hash }), all: await mc.rel(t0, b, { hash }) };
  };
  mc.boardShown = (n) => () => {
    const view = main().querySelector('[data-testid="board-view"]');
    return !!view && view.querySelectorAll('li[data-id]').length >= n;
  };
  // The board as first painted: each of the four lists holds notes (the view draws the first rows
  // of each list at once, the rest between the frames that follow).
  mc.boardFirst = () => {
    const view = main().querySelector('[data-testid="board-view"]');
    return !!view && [...view.querySelectorAll('.note-list')].filter((l) => l.querySelector('li[data-id]')).length === 4;
  };
  // The plans as first painted: the first cards (the view draws the cards a window shows at
  // once, the others a card a frame after them).
  mc.plansFirst = () => {
    const list = main().querySelector('[data-testid="plan-list"]');
    return !!list && !list.hidden && !!list.querySelector('[data-testid="action-row"]') && !list.querySelector('[data-mc-old]');
  };
  // Every plan's card drawn (each with its first actions; the rest are behind "Show all").
  mc.plansShown = (plans) => () => {
    const list = main().querySelector('[data-testid="plan-list"]');
    return !!list && !list.hidden && list.querySelectorAll('[data-testid="plan-card"]').length >= plans
      && !list.querySelector('[data-mc-old]');
  };
  mc.actionRows = () => main().querySelectorAll('[data-testid="plan-list"] [data-testid="action-row"]').length;
  mc.rollupShown = () => {
    const r = main().querySelector('[data-testid="rollup"]');
    return !!r && !r.hidden && !!r.querySelector('[data-testid="rollup-national"]') && !r.querySelector('[data-mc-old]');
  };
  mc.boardsListShown = () => !!main().querySelector('[data-testid="boards-view"]');

  // ----- the board -----
  const lastIs = (list, testid, text) => {
    const li = list.lastElementChild;
    return !!li && li.dataset.testid === testid && li.querySelector('.note-text')?.textContent === text;
  };
  const noteWaits = (q, text) => {
    const list = document.querySelector(`[data-testid="note-list-${q}"]`);
    return { pending: mc.until(list, () => lastIs(list, 'note-pending', text)),
             note: mc.until(list, () => lastIs(list, 'note', text)) };
  };
  // When the input is seen empty, then painted (checked once a frame).
  mc.emptied = (input) => new Promise((resolve) => {
    const check = async () => {
      if (input.value === '') {
        resolve((await mc.afterFrame()).paint);
        return;
      }
      requestAnimationFrame(() => setTimeout(check, 0));
    };
    check();
  });
  // The saved note; the "Saving…" note only if it was drawn before it (a quick save skips it);
  // and the input emptied for the next note (the view empties it once the note is painted).
  const noteResult = async (t0, waits, extra) => {
    const note = await waits.note;
    const pending = await Promise.race([waits.pending, Promise.resolve(null)]);
    waits.pending.cancel();
    const out = await mc.rel(t0, note, extra);
    out.pendingShown = !!pending;
    if (pending) Object.assign(out, { pendingDom: pending.dom - t0, pendingPaint: pending.paint - t0 });
    const input = document.querySelector(`[data-testid="note-input-${extra.q}"]`);
    out.emptiedPaint = (await mc.emptied(input)) - t0;
    out.notes = main().querySelectorAll('[data-testid="board-view"] li[data-testid="note"]').length;
    return out;
  };
  // One note as the keyboard adds it: the text typed (set, `input`), a frame, then Enter at t0.
  mc.addNote = async (q, text) => {
    const input = document.querySelector(`[data-testid="note-input-${q}"]`);
    input.focus();
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await mc.afterFrame();
    const waits = noteWaits(q, text);
    const t0 = performance.now();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
    return noteResult(t0, waits, { q, text });
  };
  // Armed before a real Enter: from its keydown to the note drawn.
  mc.armEnter = (q, text) => {
    let t0 = null;
    const waits = noteWaits(q, text);
    window.addEventListener('keydown', (e) => { if (e.key === 'Enter') t0 = performance.now(); }, { capture: true, once: true });
    mc.key = waits.note.then(() => t0 === null
      ? { timeout: true, noKeydown: true } : noteResult(t0, waits, { q, text }));
  };
  // Armed before a real letter: from its keydown to the input's `input` event, then painted.
  mc.armLetter = (q) => {
    const input = document.querySelector(`[data-testid="note-input-${q}"]`);
    let t0 = null;
    mc.letter = new Promise((resolve) => {
      window.addEventListener('keydown', () => { t0 = performance.now(); }, { capture: true, once: true });
      input.addEventListener('input', async () => {
        const dom = performance.now();
        const f = await mc.afterFrame();
        resolve(t0 === null ? { timeout: true } : { dom: dom - t0, frame: f.frame - t0, paint: f.paint - t0 });
      }, { once: true });
      setTimeout(() => resolve({ timeout: true }), 10000);
    });
  };

  // ----- the plans -----
  const rowOf = (id) => main().querySelector(`[data-testid="plan-list"] [data-action="${CSS.escape(id)}"]`);
  mc.rowOf = rowOf;
  const statusWait = (id, status) => {
    const old = rowOf(id);
    return mc.until(main(), () => { const row = rowOf(id); return !!row && row !== old && row.dataset.status === status; });
  };
  // A status chosen in the row's select: the value set and `change` dispatched at t0.
  mc.setStatus = async (id, status) => {
    const select = rowOf(id).querySelector('[data-testid="action-status-quick"]');
    const wait = statusWait(id, status);
    const t0 = performance.now();
    select.value = status;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    return mc.rel(t0, await wait, { id, status, rows: main().querySelectorAll('[data-testid="action-row"]').length });
  };
  // Armed before a real click on an option: from its `change` to the row drawn again.
  mc.armStatus = (id, status) => {
    const select = rowOf(id).querySelector('[data-testid="action-status-quick"]');
    let t0 = null;
    select.addEventListener('change', () => { t0 = performance.now(); }, { capture: true, once: true });
    const wait = statusWait(id, status);
    mc.click = wait.then((r) => t0 === null ? { timeout: true, noChange: true } : mc.rel(t0, r, { id, status }));
  };
  // A plan's "Show all N actions" (or back): clicked at t0, until its rows are drawn.
  mc.showAll = async (planId) => {
    const card = main().querySelector(`[data-plan="${CSS.escape(planId)}"]`);
    const button = card.querySelector('[data-testid="plan-show-all"]');
    const total = mc.plans.find((p) => p.id === planId).actions.length;
    const expanding = button.getAttribute('aria-expanded') !== 'true';
    const want = expanding ? total : Math.min(10, total);
    const rows = () => card.querySelectorAll('[data-testid="action-row"]').length;
    const before = rows();
    // The first rows added (or taken away), then all of them (added a slice a frame).
    const waits = [mc.until(card, () => rows() !== before), mc.until(card, () => rows() === want)];
    const t0 = performance.now();
    button.click();
    const [first, all] = await Promise.all(waits);
    return Object.assign(await mc.rel(t0, all, { planId, rows: want, expanding }),
      first ? { firstPaint: first.paint - t0 } : {});
  };
  // A tab clicked at t0, until check() holds. The roll-up is drawn again each time (its old
  // content marked, to tell it from the new); the plans are shown again as they were drawn.
  mc.tab = async (testid, check) => {
    if (testid === 'plans-tab-rollup') {
      for (const el of main().querySelector('[data-testid="rollup"]').children) el.setAttribute('data-mc-old', '');
    }
    const wait = mc.until(main(), check);
    const t0 = performance.now();
    main().querySelector(`[data-testid="${testid}"]`).click();
    return mc.rel(t0, await wait, { tab: testid });
  };

  // ----- round trips alone: IPC + core, nothing drawn -----
  mc.times = async (cmd, argsList) => {
    const out = [];
    for (const args of argsList) {
      const s = performance.now();
      await mc.invoke(cmd, args);
      out.push(performance.now() - s);
    }
    return out;
  };
  mc.size = async (cmd, args) => JSON.stringify(await mc.invoke(cmd, args)).length;
}
return { ok: true };
"""


def seed(seeder, data_dir, notes, actions):
    out = subprocess.run([seeder, data_dir, "--notes", str(notes), "--actions", str(actions)],
                         check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


class Capture(kiosk.Kiosk):
    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        # A status change on 2,000 rows can take seconds: WebDriver's 30 s for a script is short.
        self.request("POST", f"/session/{self.id}/timeouts", {"script": 300000})

    def request(self, method, path, body=None):
        # As measure-kiosk's (asked again when tauri-driver drops the connection), with time for
        # the long scripts above.
        data = json.dumps(body).encode() if body is not None else None
        for attempt in range(4):
            req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data, method=method,
                                         headers={"Content-Type": "application/json"})
            try:
                return json.loads(urllib.request.urlopen(req, timeout=310).read())
            except (http.client.RemoteDisconnected, ConnectionResetError):
                if attempt == 3:
                    raise
                time.sleep(0.2)

    def click(self, element):
        return self.request("POST", f"/session/{self.id}/element/{element}/click", {})

    def find_css(self, css):
        found = self.request("POST", f"/session/{self.id}/element", {"using": "css selector", "value": css})
        if not isinstance(found.get("value"), dict) or kiosk.ELEMENT not in found["value"]:
            raise RuntimeError(f"finding {css}: {found}")
        return found["value"][kiosk.ELEMENT]

    def call(self, expression):
        """Awaits an expression of the page's helpers and returns its value."""
        value = self.js(f"return await ({expression});")
        if isinstance(value, str) and value.startswith("error:"):
            raise RuntimeError(f"{expression[:80]}: {value}")
        return value


def watch_screen(session, screen, rect_js, act):
    """Runs `act()` (which returns the page's measurement, with `at`) while watching the strip of
    the X screen that `rect_js` names; adds the first and last change on the screen after t0."""
    r = session.js(rect_js)
    rect = (max(0, r[0]), max(0, r[1]), max(1, r[2]), max(1, r[3]))
    stop, changes = threading.Event(), []
    watcher = threading.Thread(target=screen.watch, args=(rect, stop, changes))
    watcher.start()
    time.sleep(0.05)
    try:
        m = act()
        time.sleep(0.8)
    finally:
        stop.set()
        watcher.join()
    if not m.get("timeout"):
        after = [c * 1000.0 - m["at"] for c in changes if c * 1000.0 >= m["at"] - 1]
        m.update(screenFirst=after[0] if after else None, screenLast=after[-1] if after else None)
    return m


# The bottom of a quadrant's list, without its right edge, where GTK's overlay scrollbar shows
# after a scroll and fades out a second later.
SCREEN_RECT = """
  const el = document.querySelector(%s);
  const r = el.getBoundingClientRect();
  const top = Math.max(r.top, r.bottom - %d);
  return [Math.round(r.left + window.screenX), Math.round(top + window.screenY),
          Math.round(r.width - 24), Math.round(r.bottom - top)];"""


def measure_board(session, args, ws, board_id, total_items, rng, screen, watched):
    out = {}
    boards_hash = f"#/workshops/{ws}/boards"
    board_hash = f"#/workshops/{ws}/boards/{board_id}"
    out["open"] = []
    for _ in range(args.runs):
        session.call(f"window.__mc.open({json.dumps(boards_hash)}, window.__mc.boardsListShown)")
        time.sleep(0.5)
        out["open"].append(session.call(
            f"window.__mc.open2({json.dumps(board_hash)}, window.__mc.boardFirst, "
            f"window.__mc.boardShown({total_items}))"))
        time.sleep(1)

    # Adding notes with a dispatched Enter, the four quadrants in turn.
    words = ["Recruitment fees", "Returnee network", "Shop-floor committee", "Young organisers",
             "Wage theft", "Domestic workers", "Bilateral agreement", "Data on migrants"]
    out["add"] = []
    cpu_before = kiosk.cpu_times(watched)
    for i in range(args.notes):
        q = QUADRANTS[i % 4]
        text = f"{rng.choice(words)} {i + 1}: as the room said it"
        out["add"].append(session.call(f"window.__mc.addNote({json.dumps(q)}, {json.dumps(text)})"))
        time.sleep(0.15)
    cpu_after = kiosk.cpu_times(watched)
    # With the WebDriver round trips and the pauses between notes, which cost next to nothing.
    out["cpu"] = {"notes": args.notes, "by_process": [
        (name, cpu_after[pid][1] - used) for pid, (name, used) in cpu_before.items() if pid in cpu_after]}

    # Real keystrokes: the text, one more letter, then Enter.
    out["keys"], out["letters"] = [], []
    for i in range(args.keys):
        q = QUADRANTS[i % 4]
        text = f"Typed through WebDriver {i + 1}"
        element = session.find(f"note-input-{q}")
        session.send_keys(element, text[:-1])
        session.js(f"window.__mc.armLetter({json.dumps(q)}); return true;")
        session.send_keys(element, text[-1])
        out["letters"].append(session.call("window.__mc.letter"))
        session.js(f"window.__mc.armEnter({json.dumps(q)}, {json.dumps(text)}); return true;")
        sent = time.perf_counter()
        session.send_keys(element, ENTER)
        returned = time.perf_counter()
        r = session.call("window.__mc.key")
        r["webdriverMs"] = (returned - sent) * 1000.0
        out["keys"].append(r)
        time.sleep(0.15)

    # On the screen: the bottom of the quadrant's list, where the note appears.
    out["add_screen"] = []
    if screen is not None:
        for i in range(args.screen):
            q = QUADRANTS[i % 4]
            text = f"Watched on the screen {i + 1}"
            rect = SCREEN_RECT % (json.dumps(f"[data-testid='note-list-{q}']"), 90)
            out["add_screen"].append(watch_screen(session, screen, rect, lambda: session.call(
                f"window.__mc.addNote({json.dumps(q)}, {json.dumps(text)})")))

    # Round trips alone. add_note grows the board by these notes (drawn at the next redraw).
    out["size_get_board"] = session.call(f"window.__mc.size('get_board', {{ boardId: {json.dumps(board_id)} }})")
    out["rt_get_board"] = session.call(
        f"window.__mc.times('get_board', Array(20).fill({{ boardId: {json.dumps(board_id)} }}))")
    out["rt_list_boards"] = session.call(
        f"window.__mc.times('list_boards', Array(20).fill({{ workshopId: {json.dumps(ws)} }}))")
    out["rt_undo_state"] = session.call(
        f"window.__mc.times('undo_state', Array(20).fill({{ workshopId: {json.dumps(ws)} }}))")
    adds = [{"boardId": board_id, "quadrant": QUADRANTS[i % 4], "text": f"Round trip {i + 1}", "raisedBy": {}}
            for i in range(args.round_trips)]
    out["rt_add_note"] = session.call(f"window.__mc.times('add_note', {json.dumps(adds)})")
    return out


def measure_plans(session, args, ws, seeded, rng, screen):
    out = {}
    boards_hash = f"#/workshops/{ws}/boards"
    plans_hash = f"#/workshops/{ws}/plans"
    plans = seeded["plans"]
    w = json.dumps({"workshopId": ws})
    session.call(f"window.__mc.invoke('list_plans', {w}).then((p) => {{ window.__mc.plans = p; return p.length; }})")
    out["open"] = []
    for _ in range(args.runs):
        session.call(f"window.__mc.open({json.dumps(boards_hash)}, window.__mc.boardsListShown)")
        time.sleep(0.5)
        out["open"].append(session.call(
            f"window.__mc.open2({json.dumps(plans_hash)}, window.__mc.plansFirst, window.__mc.plansShown({plans}))"))
        time.sleep(1)
    out["rows_drawn"] = session.js("return window.__mc.actionRows();")

    # A plan's "Show all N actions", then back to its first actions (the button scrolled into
    # view first, as it is when clicked).
    out["show_all"], out["show_first"] = [], []
    for plan_id in seeded["seededPlanIds"][:args.show_all]:
        scroll = (f"document.querySelector('[data-plan=\"{plan_id}\"] [data-testid=\"plan-show-all\"]')"
                  ".scrollIntoView({ block: 'center' }); return true;")
        session.js(scroll)
        time.sleep(0.4)
        out["show_all"].append(session.call(f"window.__mc.showAll({json.dumps(plan_id)})"))
        time.sleep(0.4)
        session.js(scroll)
        time.sleep(0.4)
        out["show_first"].append(session.call(f"window.__mc.showAll({json.dumps(plan_id)})"))
        time.sleep(0.4)

    ids = session.js("return [...document.querySelectorAll('[data-testid=\"action-row\"]')]"
                     ".map((r) => [r.dataset.action, r.dataset.status]);")
    chosen = rng.sample(ids, min(len(ids), args.status_changes + args.clicks + args.screen))
    nxt = lambda s: STATUSES[(STATUSES.index(s) + 1) % len(STATUSES)]
    # Each row scrolled into view first, as it is when the facilitator changes it: a change off
    # screen costs no painting.
    out["status"] = []
    for action_id, status in chosen[:args.status_changes]:
        session.js(f"window.__mc.rowOf({json.dumps(action_id)}).scrollIntoView({{ block: 'center' }}); return true;")
        time.sleep(0.3)
        out["status"].append(session.call(
            f"window.__mc.setStatus({json.dumps(action_id)}, {json.dumps(nxt(status))})"))
        time.sleep(0.3)

    # Real clicks on an option of the row's select (WebDriver's Element Click selects it).
    out["status_clicks"] = []
    for action_id, status in chosen[args.status_changes:args.status_changes + args.clicks]:
        new = nxt(status)
        try:
            session.js(f"window.__mc.rowOf({json.dumps(action_id)}).scrollIntoView({{ block: 'center' }}); return true;")
            option = session.find_css(f"[data-action='{action_id}'] [data-testid='action-status-quick'] option[value='{new}']")
            session.js(f"window.__mc.armStatus({json.dumps(action_id)}, {json.dumps(new)}); return true;")
            answer = session.click(option)
            r = session.call("window.__mc.click")
            if isinstance(answer.get("value"), dict) and answer["value"].get("error"):
                r["clickError"] = answer["value"]["error"]
        except RuntimeError as e:
            r = {"timeout": True, "error": str(e)[:200]}
        out["status_clicks"].append(r)
        time.sleep(0.3)

    out["status_screen"] = []
    if screen is not None:
        for action_id, status in chosen[args.status_changes + args.clicks:]:
            new = nxt(status)
            session.js(f"window.__mc.rowOf({json.dumps(action_id)}).scrollIntoView({{ block: 'center' }}); return true;")
            time.sleep(0.2)
            # The row itself: its status select changes colour and text.
            rect = f"""
              const r = window.__mc.rowOf({json.dumps(action_id)}).getBoundingClientRect();
              return [Math.round(r.left + window.screenX), Math.round(r.top + window.screenY),
                      Math.round(r.width), Math.round(r.height)];"""
            out["status_screen"].append(watch_screen(session, screen, rect, lambda: session.call(
                f"window.__mc.setStatus({json.dumps(action_id)}, {json.dumps(new)})")))
            time.sleep(0.3)

    # The roll-up tab and back, then the roll-up's own route.
    out["to_rollup"], out["to_plans"] = [], []
    session.js("window.scrollTo(0, 0); return true;")
    for _ in range(args.runs):
        out["to_rollup"].append(session.call("window.__mc.tab('plans-tab-rollup', window.__mc.rollupShown)"))
        time.sleep(0.5)
        out["to_plans"].append(session.call(f"window.__mc.tab('plans-tab-list', window.__mc.plansShown({plans}))"))
        time.sleep(0.5)
    out["open_rollup"] = []
    for _ in range(args.runs):
        session.call(f"window.__mc.open({json.dumps(boards_hash)}, window.__mc.boardsListShown)")
        time.sleep(0.5)
        out["open_rollup"].append(session.call(
            f"window.__mc.open({json.dumps(plans_hash + '?tab=rollup')}, window.__mc.rollupShown)"))
        time.sleep(0.5)

    # Round trips alone.
    out["size_list_plans"] = session.call(f"window.__mc.size('list_plans', {w})")
    out["size_rollup"] = session.call(f"window.__mc.size('plans_rollup', {w})")
    out["rt_list_plans"] = session.call(f"window.__mc.times('list_plans', Array(10).fill({w}))")
    out["rt_rollup"] = session.call(f"window.__mc.times('plans_rollup', Array(10).fill({w}))")
    out["rt_group_choices"] = session.call(f"window.__mc.times('group_choices', Array(10).fill({w}))")
    # update_action: one action's status, back and forth (the whole input, as the screen sends it).
    out["rt_update_action"] = session.js(f"""
        const plans = await window.__mc.invoke('list_plans', {w});
        const a = plans.flatMap((p) => p.actions)[0];
        const input = {{ description: a.description, responsible: a.responsible, partners: a.partners,
          startDate: a.startDate, dueDate: a.dueDate, status: a.status, resources: a.resources,
          indicator: a.indicator, baseline: a.baseline, target: a.target, themes: a.themes }};
        const times = [];
        for (let i = 0; i < {args.round_trips}; i++) {{
          input.status = ['planned', 'in_progress', 'done', 'dropped'][(i + 1) % 4];
          const s = performance.now();
          await window.__mc.invoke('update_action', {{ actionId: a.id, input }});
          times.push(performance.now() - s);
        }}
        return times;""")
    return out


NO_SHADOWS = "* { box-shadow: none !important; }"
# The what-ifs: the board's lists and quadrants without their containment, the plan cards laid
# out and painted even when off screen.
BOARD_UNCONTAINED = ".swot-quadrant, .note-list { contain: none !important; }"
PLANS_NO_CV = ".plan-card { content-visibility: visible !important; }"


def measure_profile(session, args, ws, board_id, total_items, plans):
    """Where the time goes (--profile): forced style and layout, whole-window repaints, what-ifs."""
    out = {}
    boards_hash = f"#/workshops/{ws}/boards"
    board_hash = f"#/workshops/{ws}/boards/{board_id}"
    plans_hash = f"#/workshops/{ws}/plans"
    back = f"window.__mc.open({json.dumps(boards_hash)}, window.__mc.boardsListShown)"
    open_board = (f"window.__mc.open2({json.dumps(board_hash)}, window.__mc.boardFirst, "
                  f"window.__mc.boardShown({total_items}))")
    open_plans = (f"window.__mc.open2({json.dumps(plans_hash)}, window.__mc.plansFirst, "
                  f"window.__mc.plansShown({plans}))")
    session.js("window.__mc.forced = true; return true;")
    try:
        out["open"] = []
        for _ in range(3):
            session.call(back)
            time.sleep(0.5)
            out["open"].append(session.call(open_board))
            time.sleep(0.5)
        time.sleep(1)
        out["add"] = [session.call(f"window.__mc.addNote({json.dumps(QUADRANTS[i % 4])}, 'Profiled {i + 1}')")
                      for i in range(8)]
        out["repaint"] = session.call("window.__mc.repaintWindow(10)")
        session.js(f"window.__mc.sheet({json.dumps(NO_SHADOWS)}); return true;")
        out["repaint_no_shadows"] = session.call("window.__mc.repaintWindow(10)")
        session.js("window.__mc.sheet(''); return true;")
        for key, css in (("plans_open", ""), ("plans_open_no_cv", PLANS_NO_CV)):
            session.js(f"window.__mc.sheet({json.dumps(css)}); return true;")
            out[key] = []
            for _ in range(2):
                session.call(back)
                time.sleep(0.5)
                out[key].append(session.call(open_plans))
                time.sleep(0.5)
        session.js("window.__mc.sheet(''); return true;")
        session.call(back)
        time.sleep(0.5)
        session.call(open_plans)
        time.sleep(0.5)
        rows = session.js("return [...document.querySelectorAll('[data-testid=\"action-row\"]')]"
                          ".slice(0, 3).map((r) => [r.dataset.action, r.dataset.status]);")
        out["status"] = []
        for action_id, status in rows:
            new = STATUSES[(STATUSES.index(status) + 1) % len(STATUSES)]
            out["status"].append(session.call(f"window.__mc.setStatus({json.dumps(action_id)}, {json.dumps(new)})"))
            time.sleep(0.3)
    finally:
        session.js("window.__mc.forced = false; window.__mc.sheet(''); return true;")
    out["dates"] = session.call("window.__mc.dates(2000)")

    # Adding notes again: as the board is, and with its quadrants and lists not contained.
    out["what_if"] = {}
    for label, css in (("as it is", ""), ("quadrants and lists without `contain`", BOARD_UNCONTAINED),
                       ("without any box shadow", NO_SHADOWS), ("as it is, again", "")):
        session.call(back)
        time.sleep(0.5)
        session.js(f"window.__mc.sheet({json.dumps(css)}); return true;")
        session.call(open_board)
        time.sleep(1)
        out["what_if"][label] = [
            session.call(f"window.__mc.addNote({json.dumps(QUADRANTS[i % 4])}, {json.dumps(f'{label} {i + 1}')})")
            for i in range(args.what_if)]
    session.js("window.__mc.sheet(''); return true;")
    return out


def idle_frames(session):
    return session.js("""
        const times = [];
        let last = await new Promise(requestAnimationFrame);
        for (let i = 0; i < 60; i++) {
          const now = await new Promise(requestAnimationFrame);
          times.push(now - last);
          last = now;
        }
        return times;""")


def ok(rs):
    return [r for r in rs if not r.get("timeout")]


def first_and_rest(label, rs, key="paint"):
    good = ok(rs)
    if not good:
        return f"{label}: no values ({len(rs)} timed out)"
    head = f"{label}: first {good[0][key]:.0f} ms; then " if len(good) > 1 else f"{label}: "
    return head + line("", [r[key] for r in good[1:] or good]).lstrip(": ")


def report_profile(pr):
    print()
    print("== Profile: where the time goes ==")
    def split(label, rs):
        good = [r for r in ok(rs) if "layout" in r]
        if not good:
            print(f"{label}: no values")
            return
        med = lambda k: statistics.median(k(r) for r in good)
        print(f"{label} ({len(good)}): script to the DOM change {med(lambda r: r['dom']):.0f} ms, style and "
              f"layout {med(lambda r: r['layout']):.0f} ms, then to the frame painted "
              f"{med(lambda r: r['paint'] - r['dom'] - r['layout']):.0f} ms (p50 each; total "
              f"{med(lambda r: r['paint']):.0f} ms)")
    split("open the board, its first paint", [r["first"] for r in pr["open"][1:]])
    split("open the board, all its notes drawn", [r["all"] for r in pr["open"][1:]])
    split("add a note (the saved note)", pr["add"])
    split("open the plans, the first paint", [r["first"] for r in pr["plans_open"]])
    split("open the plans, the first paint, plan cards laid out and painted off screen too (no content-visibility)",
          [r["first"] for r in pr["plans_open_no_cv"]])
    split("change a status", pr["status"])
    print(line("repaint of the whole window (the page's background changed), as styled", pr["repaint"]))
    print(line("  the same without any box shadow", pr["repaint_no_shadows"]))
    d = pr["dates"]
    print(f"the Plans screen's dates for 2,000 rows (3 a row): {d['fresh']:.0f} ms through format.js, "
          f"{d['kept']:.0f} ms with one Intl.DateTimeFormat used directly")
    print("adding notes (dispatched Enter -> saved note painted) with a stylesheet of the script's own:")
    for label, rs in pr["what_if"].items():
        good = ok(rs)
        shown = [r["pendingPaint"] for r in good if "pendingPaint" in r]
        if shown:
            print(line(f"  {label}: pending painted ({len(shown)} of {len(good)} shown)", shown))
        print(line(f"  {label}: saved painted", [r["paint"] for r in good]))


def report(out, args, seeded, renderer, load, wall):
    b, p = out["board"], out["plans"]
    print(f"load average before and after: {load[0]} / {load[1]} | renderer: {renderer} "
          f"(WEBKIT_DISABLE_DMABUF_RENDERER={os.environ.get('WEBKIT_DISABLE_DMABUF_RENDERER', 'unset')}) "
          f"| {wall:.0f} s")
    print(f"seeded: {seeded['notes']} notes and {seeded['headings']} headings on the board, "
          f"{seeded['actions']} actions in {seeded['plans']} plans")
    print(line("animation frames with nothing changing: interval", out["idle_frames"]))
    print()
    print("== The board of 500 notes ==")
    first = [r["first"] for r in b["open"]]
    every = [r["all"] for r in b["open"]]
    print(first_and_rest("open the board's route -> first paint (the first notes of each list)", first))
    print("  " + first_and_rest("of which: route -> those notes in the DOM", first, "dom"))
    print("  " + line("DOM -> painted (style, layout, paint)", [r["paint"] - r["dom"] for r in ok(first)[1:]]))
    print(first_and_rest("open the board's route -> all notes in the DOM and painted", every))
    adds = ok(b["add"])
    pend = [r["pendingPaint"] for r in adds if "pendingPaint" in r]
    print(f"add a note, dispatched Enter ({len(b['add'])} notes, {len(b['add']) - len(adds)} timed out; "
          f"the board grew to {adds[-1]['notes'] if adds else '?'} notes; "
          f"the \"Saving…\" note drawn first for {len(pend)}):")
    if pend:
        print(line("  Enter -> pending note painted", pend))
    print(line("  Enter -> saved note in the DOM", [r["dom"] for r in adds]))
    print(line("  Enter -> saved note painted", [r["paint"] for r in adds]))
    print(line("  Enter -> the input emptied and painted", [r["emptiedPaint"] for r in adds if "emptiedPaint" in r]))
    print(line("  saved note in the DOM -> painted", [r["paint"] - r["dom"] for r in adds]))
    keys = ok(b["keys"])
    print(f"real keystrokes through WebDriver ({len(b['keys'])} notes, {len(b['keys']) - len(keys)} timed out):")
    print(line("  a letter: keydown -> painted in the input", [r["paint"] for r in ok(b["letters"])]))
    pend = [r["pendingPaint"] for r in keys if "pendingPaint" in r]
    if pend:
        print(line(f"  Enter: keydown -> pending note painted ({len(pend)} drawn)", pend))
    print(line("  Enter: keydown -> saved note painted", [r["paint"] for r in keys]))
    print(line("  Enter: keydown -> the input emptied and painted", [r["emptiedPaint"] for r in keys if "emptiedPaint" in r]))
    shown = ok(b["add_screen"])
    if shown:
        print(f"  watched on the X screen ({len(shown)} notes):")
        print(line("    Enter -> painted (in the page)", [r["paint"] for r in shown]))
        print(line("    Enter -> first change on the screen",
                   [r["screenFirst"] for r in shown if r.get("screenFirst") is not None]))
        print(line("    Enter -> last change on the screen (the saved note)",
                   [r["screenLast"] for r in shown if r.get("screenLast") is not None]))
    print(f"round trips alone (IPC + core, nothing drawn); get_board answers {b['size_get_board']:,} bytes of JSON:")
    for name in ("get_board", "list_boards", "undo_state", "add_note"):
        print(line(f"  {name}", b[f"rt_{name}"]))
    print()
    print("== The Plans screen, 2,000 actions ==")
    first = [r["first"] for r in p["open"]]
    every = [r["all"] for r in p["open"]]
    print(first_and_rest("open the plans' route -> first paint (the cards the window shows)", first))
    print("  " + first_and_rest("of which: route -> in the DOM", first, "dom"))
    print("  " + line("DOM -> painted (style, layout, paint)", [r["paint"] - r["dom"] for r in ok(first)[1:]]))
    print(first_and_rest(f"open the plans' route -> every plan's card in the DOM and painted "
                         f"({p['rows_drawn']} action rows)", every))
    sa = ok(p["show_all"])
    if sa:
        print(line(f"a plan's \"Show all N actions\" clicked -> its first new rows painted",
                   [r["firstPaint"] for r in sa if "firstPaint" in r]))
        print(line(f"  -> all its rows painted ({', '.join(str(r['rows']) for r in sa)} rows)",
                   [r["paint"] for r in sa]))
        print(line("  \"Show only the first 10\" clicked -> painted", [r["paint"] for r in ok(p["show_first"])]))
    st = ok(p["status"])
    print(f"change an action's status in place, the row on screen, dispatched `change` ({len(p['status'])}, "
          f"{len(p['status']) - len(st)} timed out):")
    print(line("  change -> row drawn again in the DOM", [r["dom"] for r in st]))
    print(line("  change -> painted", [r["paint"] for r in st]))
    print(line("  DOM -> painted", [r["paint"] - r["dom"] for r in st]))
    clicks = ok(p["status_clicks"])
    print(f"  through WebDriver's Element Click on the option ({len(p['status_clicks'])}, "
          f"{len(p['status_clicks']) - len(clicks)} timed out"
          + (f": {p['status_clicks'][0].get('error') or p['status_clicks'][0].get('clickError')}"
             if p["status_clicks"] and not clicks else "") + "):")
    print(line("    change -> painted", [r["paint"] for r in clicks]))
    shown = ok(p["status_screen"])
    if shown:
        print(f"  watched on the X screen ({len(shown)} changes):")
        print(line("    change -> painted (in the page)", [r["paint"] for r in shown]))
        print(line("    change -> first change of the row on the screen (the select shows its new value)",
                   [r["screenFirst"] for r in shown if r.get("screenFirst") is not None]))
        print(line("    change -> last change of the row on the screen (the row drawn again)",
                   [r["screenLast"] for r in shown if r.get("screenLast") is not None]))
    print(first_and_rest("roll-up tab clicked -> roll-up painted", p["to_rollup"]))
    print(first_and_rest("plans tab clicked -> the plans painted again", p["to_plans"]))
    print(first_and_rest("open the route plans?tab=rollup -> roll-up painted", p["open_rollup"]))
    print(f"round trips alone (IPC + core, nothing drawn); list_plans answers {p['size_list_plans']:,} bytes, "
          f"plans_rollup {p['size_rollup']:,}:")
    for name in ("list_plans", "rollup", "group_choices", "update_action"):
        print(line(f"  {name}", p[f"rt_{name}"]))
    if out.get("profile"):
        report_profile(out["profile"])
    cpu = b["cpu"]
    busy = sorted(((name, used) for name, used in cpu["by_process"] if used > 0), key=lambda x: -x[1])
    print(f"CPU while adding the {cpu['notes']} notes with a dispatched Enter, per note:",
          ", ".join(f"{name} {used / cpu['notes']:.1f} ms" for name, used in busy))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default="target/release/workshop-desk")
    parser.add_argument("--seeder", default="target/release/examples/seed_capture",
                        help="the seeding example (cargo build --release --example seed_capture)")
    parser.add_argument("--board-notes", type=int, default=500)
    parser.add_argument("--actions", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=8, help="openings of each route (the first is reported apart)")
    parser.add_argument("--notes", type=int, default=50, help="notes added with a dispatched Enter")
    parser.add_argument("--keys", type=int, default=8, help="notes typed with WebDriver keystrokes")
    parser.add_argument("--status-changes", type=int, default=20)
    parser.add_argument("--clicks", type=int, default=5, help="status changes by WebDriver clicks on an option")
    parser.add_argument("--show-all", type=int, default=5, help="plans whose \"Show all N actions\" is clicked (and back)")
    parser.add_argument("--round-trips", type=int, default=30)
    parser.add_argument("--screen", type=int, default=0,
                        help="notes added and status changes also watched on the X screen; 0 for none")
    parser.add_argument("--profile", action="store_true",
                        help="also split the time into script, style, layout and paint, and try what-ifs")
    parser.add_argument("--what-if", type=int, default=12, help="notes added in each what-if of --profile")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--renderer", choices=("auto", "dmabuf", "software"), default="auto",
                        help="WebKitGTK's renderer: software sets WEBKIT_DISABLE_DMABUF_RENDERER=1; auto "
                             "chooses as scripts/run.sh does (software without a GPU render node)")
    parser.add_argument("--json", help="also write every measurement to this file")
    parser.add_argument("--screenshot", help="a screenshot of the board after the notes were added, for a look")
    args = parser.parse_args()
    binary, seeder = os.path.abspath(args.binary), os.path.abspath(args.seeder)
    for path in (binary, seeder):
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
    data_dir = tempfile.mkdtemp(prefix="workshop-desk-capture-")
    started = []
    xvfb = session = screen = None
    out = {}
    try:
        seeded = seed(seeder, data_dir, args.board_notes, args.actions)
        ws, board_id = seeded["workshopId"], seeded["boardId"]
        display, xvfb = screenshots.start_xvfb()
        session = Capture(binary, data_dir, display)
        started = kiosk.descendants(session.driver.pid)
        session.wait("performance.getEntriesByName('app-ready').length", "the first screen")
        time.sleep(3)  # the startup backup of the seeded database runs in the background
        helpers = session.js(PAGE_HELPERS)
        if not isinstance(helpers, dict) or not helpers.get("ok"):
            raise RuntimeError(f"could not install the timing helpers: {helpers}")
        started = sorted(set(started) | set(kiosk.descendants(session.driver.pid)))
        if args.screen:
            screen = kiosk.Screen(display)

        load_before = open("/proc/loadavg").read().split()[0]
        t_start = time.time()
        out["idle_frames"] = idle_frames(session)
        out["board"] = measure_board(session, args, ws, board_id, seeded["notes"] + seeded["headings"],
                                     rng, screen, started + [xvfb.pid])
        if args.screenshot:
            session.shot(args.screenshot)
        out["plans"] = measure_plans(session, args, ws, seeded, rng, screen)
        if args.profile:
            out["profile"] = measure_profile(session, args, ws, board_id, seeded["notes"] + seeded["headings"],
                                             seeded["plans"])
        wall = time.time() - t_start
        load_after = open("/proc/loadavg").read().split()[0]
    finally:
        if screen is not None:
            screen.close()
        if session is not None:
            started = sorted(set(started) | set(kiosk.descendants(session.driver.pid)))
            try:
                session.close()  # ends the session, then SIGTERM to tauri-driver
            except Exception as e:  # noqa: BLE001 — whatever happened, stop the processes below
                print("closing the session:", e, file=sys.stderr)
                if session.driver.poll() is None:
                    session.driver.terminate()
                    session.driver.wait()
            kiosk.stop_leftovers(started)
        if xvfb is not None:
            screenshots.stop_xvfb(xvfb)
        shutil.rmtree(data_dir, ignore_errors=True)
        if args.json and out:
            with open(args.json, "w") as f:
                json.dump(out, f, ensure_ascii=False, indent=1)

    report(out, args, seeded, renderer, (load_before, load_after), wall)
    left = [p for p in started if kiosk.alive(p)]
    print("processes left behind:", left or "none")


if __name__ == "__main__":
    main()
