// The attendance grid of the open workshop: one row per participant, one column per session of each
// day. The facilitator marks or unmarks a cell by hand; how each mark was taken (kiosk, badge,
// facilitator, paper) shows as a small marker. The totals row counts who was there, women and men.
import { h, icon, clear } from '../dom.js';
import { t, formatNumber } from '../i18n.js';
import * as api from '../api.js';
import { countryName } from '../countries.js';
import { formatDayRange, formatSlotDay, sessionName } from '../format.js';
import { showToast } from '../components/toast.js';
import { printIcon, slotFromQuery } from '../print.js';
import { createPaperEntry } from './paper-entry.js';
import { askLateReason } from './late-reason.js';

const HOW = ['kiosk', 'badge', 'facilitator', 'paper'];


const cellKey = (participantId, slot) => `${participantId}|${slot.day}|${slot.session}`;

export async function render(params, ctx) {
  const workshop = await ctx.openWorkshop(params.id);
  const workshopId = workshop.id;

  const [firstGrid, opened] = await Promise.all([api.attendanceGrid(workshopId), api.sessionClock(workshopId)]);
  let grid = normalise(firstGrid);
  // The one cell reachable with Tab (roving tabindex); arrows move between cells.
  let activeKey = null;
  const pending = new Set(); // cells whose change is on its way to the core

  const head = h('thead');
  const body = h('tbody');
  const foot = h('tfoot');
  const table = h('table', {
    class: 'data-table attendance-table',
    testid: 'attendance-grid',
    aria: { labelledby: 'attendance-heading' },
  }, head, body, foot);
  const emptyNote = h('div', { class: 'empty-note', hidden: true, testid: 'attendance-empty' });
  const tableWrap = h('div', { class: 'table-wrap attendance-wrap' }, table);

  function normalise(g) {
    return {
      slots: Array.isArray(g?.slots) ? g.slots : [],
      rows: Array.isArray(g?.rows) ? g.rows : [],
      totals: Array.isArray(g?.totals) ? g.totals : [],
    };
  }

  /** The days in slot order, each with its sessions' indexes into grid.slots. */
  function days() {
    const out = [];
    grid.slots.forEach((slot, i) => {
      const last = out[out.length - 1];
      if (last && last.day === slot.day) last.indexes.push(i);
      else out.push({ day: slot.day, indexes: [i] });
    });
    return out;
  }

  function perDay() {
    return workshop.sessionsPerDay || Math.max(1, ...days().map((d) => d.indexes.length));
  }

  function drawHead() {
    clear(head);
    const groups = days();
    const n = perDay();
    head.append(
      h('tr', { class: 'attendance-days' },
        h('th', { scope: 'col', rowspan: 2, class: 'attendance-name attendance-corner', text: t('attendance.col.participant') }),
        groups.map((g) => h('th', {
          scope: 'colgroup',
          colSpan: g.indexes.length,
          class: 'attendance-day',
          title: formatSlotDay(g.day, { long: true }),
          text: formatSlotDay(g.day),
        }))),
      h('tr', { class: 'attendance-sessions' },
        grid.slots.map((slot, i) => h('th', {
          scope: 'col',
          class: ['attendance-session', isDayStart(i) && 'is-day-start'],
          text: sessionName(slot.session, n),
        }))));
  }

  function isDayStart(i) {
    return i === 0 || grid.slots[i - 1].day !== grid.slots[i].day;
  }

  /**
   * A session already over by the laptop's clock (asked of the core at that moment: the grid may
   * have been open since the morning): marking it is a late entry, with a reason.
   */
  async function isOver(slot) {
    const { over } = await api.sessionClock(workshopId);
    return over.some((s) => s.day === slot.day && s.session === Number(slot.session));
  }

  function cellButton(row, slot, i, n) {
    const mark = row.marks?.[i] ?? null;
    const reason = row.reasons?.[i] ?? null;
    const present = mark !== null && mark !== undefined;
    const key = cellKey(row.participantId, slot);
    const how = present ? (HOW.includes(mark) ? mark : 'other') : null;
    const label = t('attendance.cellLabel', {
      name: row.fullName,
      day: formatSlotDay(slot.day, { long: true }),
      session: sessionName(slot.session, n),
    });
    const btn = h('button', {
      type: 'button',
      class: ['attendance-cell', present && 'is-present', how && `how-${how}`, reason && 'is-late', pending.has(key) && 'is-pending'],
      testid: 'attendance-cell',
      data: { participant: row.participantId, day: slot.day, session: slot.session, how, reason: reason ?? undefined },
      aria: { pressed: String(present), label },
      title: present
        ? [label, t(`attendance.how.${how}`), reason && t('attendance.lateReason', { reason })].filter(Boolean).join(' — ')
        : label,
      tabIndex: key === activeKey ? 0 : -1,
    },
    ...(present ? [
      icon('check', 'icon attendance-tick'),
      h('span', { class: `attendance-how how-${how}`, aria: { hidden: 'true' }, text: t(`attendance.howShort.${how}`) }),
    ] : []),
    ...(reason ? [h('span', { class: 'attendance-late', testid: 'attendance-late', aria: { hidden: 'true' } })] : []));
    if (reason) btn.setAttribute('aria-description', t('attendance.lateReason', { reason }));
    btn.addEventListener('click', () => toggle(row, slot, !present));
    btn.addEventListener('focus', () => {
      if (activeKey === key) return;
      body.querySelector('.attendance-cell[tabindex="0"]')?.setAttribute('tabindex', '-1');
      activeKey = key;
      btn.tabIndex = 0;
    });
    return btn;
  }

  function drawBody() {
    const n = perDay();
    const hadFocus = body.contains(document.activeElement);
    clear(body);
    if (activeKey === null || !grid.rows.some((r) => grid.slots.some((s) => cellKey(r.participantId, s) === activeKey))) {
      activeKey = grid.rows[0] && grid.slots[0] ? cellKey(grid.rows[0].participantId, grid.slots[0]) : null;
    }
    for (const row of grid.rows) {
      const latin = row.nameLatin && row.nameLatin !== row.fullName ? row.nameLatin : '';
      body.append(h('tr', { testid: 'attendance-row', data: { participant: row.participantId } },
        h('th', { scope: 'row', class: 'attendance-name' },
          h('span', { class: 'cell-name', dir: 'auto', title: row.fullName, text: row.fullName }),
          latin ? h('span', { class: 'cell-sub muted', title: latin, text: latin }) : null),
        grid.slots.map((slot, i) => h('td', { class: ['attendance-slot', isDayStart(i) && 'is-day-start'] },
          cellButton(row, slot, i, n)))));
    }
    if (hadFocus) focusActive();
  }

  function drawFoot() {
    clear(foot);
    if (!grid.rows.length) return;
    foot.append(h('tr', { testid: 'attendance-totals' },
      h('th', { scope: 'row', class: 'attendance-name' },
        h('span', { class: 'cell-name', text: t('attendance.totals') }),
        h('span', { class: 'cell-sub muted', text: t('attendance.womenMen') })),
      grid.slots.map((slot, i) => {
        const tot = grid.totals[i] ?? { total: 0, women: 0, men: 0 };
        return h('td', {
          class: ['attendance-total-cell', isDayStart(i) && 'is-day-start'],
          title: t('attendance.totalTitle', { total: tot.total ?? 0, women: tot.women ?? 0, men: tot.men ?? 0 }),
        },
        h('span', { class: 'attendance-total', testid: 'attendance-total', text: formatNumber(tot.total ?? 0) }),
        h('span', { class: 'attendance-split', text: `${formatNumber(tot.women ?? 0)} / ${formatNumber(tot.men ?? 0)}` }));
      })));
  }

  function draw() {
    const empty = grid.rows.length === 0 || grid.slots.length === 0;
    table.hidden = empty;
    emptyNote.hidden = !empty;
    if (empty) {
      clear(emptyNote).append(icon('users', 'icon empty-icon'),
        h('p', { class: 'empty-title', text: t('attendance.emptyTitle') }),
        h('p', { class: 'muted', text: t('attendance.emptyText') }),
        h('a', { class: 'btn btn-primary', href: `#/workshops/${encodeURIComponent(workshopId)}`, text: t('attendance.goRegister') }));
    }
    drawHead();
    drawBody();
    drawFoot();
  }

  function focusActive() {
    if (!activeKey) return;
    for (const btn of body.querySelectorAll('.attendance-cell')) {
      if (cellKey(btn.dataset.participant, { day: btn.dataset.day, session: btn.dataset.session }) === activeKey) {
        btn.focus({ preventScroll: false });
        return;
      }
    }
  }

  async function toggle(row, slot, present) {
    const key = cellKey(row.participantId, slot);
    if (pending.has(key)) return;
    activeKey = key;
    let reason = '';
    let late;
    try {
      late = present && await isOver(slot);
    } catch (err) {
      ctx.showError(err);
      return;
    }
    if (late) {
      const asked = await askLateReason({
        name: row.fullName,
        when: `${formatSlotDay(slot.day, { long: true })}, ${sessionName(slot.session, perDay()).toLocaleLowerCase()}`,
      });
      if (asked === null) {
        focusActive();
        return;
      }
      reason = asked;
    }
    if (pending.has(key)) return;
    pending.add(key);
    const btn = [...body.querySelectorAll('.attendance-cell')].find((b) => cellKey(b.dataset.participant, b.dataset) === key);
    btn?.classList.add('is-pending');
    try {
      const next = await api.markAttendance(row.participantId, { day: slot.day, session: Number(slot.session) }, present, reason);
      pending.delete(key);
      grid = normalise(next);
      ctx.hideError();
    } catch (err) {
      pending.delete(key);
      ctx.showError(err);
    }
    const refocus = table.contains(document.activeElement) || document.activeElement === document.body;
    drawBody();
    drawFoot();
    if (refocus) focusActive();
  }

  // Arrow keys, Home/End move between cells (a grid: one Tab stop).
  table.addEventListener('keydown', (e) => {
    const btn = e.target.closest?.('.attendance-cell');
    if (!btn || e.altKey || e.ctrlKey || e.metaKey) return;
    const td = btn.parentElement;
    const tr = td.parentElement;
    const col = [...tr.children].indexOf(td);
    const rtl = getComputedStyle(table).direction === 'rtl';
    let target = null;
    switch (e.key) {
      case 'ArrowRight': target = (rtl ? td.previousElementSibling : td.nextElementSibling); break;
      case 'ArrowLeft': target = (rtl ? td.nextElementSibling : td.previousElementSibling); break;
      case 'ArrowDown': target = tr.nextElementSibling?.children[col]; break;
      case 'ArrowUp': target = tr.previousElementSibling?.children[col]; break;
      case 'Home': target = tr.children[1]; break;
      case 'End': target = tr.lastElementChild; break;
      default: return;
    }
    e.preventDefault();
    target?.querySelector?.('.attendance-cell')?.focus();
  });

  const place = [workshop.venueCity, countryName(workshop.country)].filter(Boolean).join(', ');
  const legend = h('ul', { class: 'attendance-legend', aria: { label: t('attendance.legendLabel') } },
    HOW.map((how) => h('li', { class: 'attendance-legend-item' },
      h('span', { class: `attendance-how how-${how}`, aria: { hidden: 'true' }, text: t(`attendance.howShort.${how}`) }),
      h('span', { text: t(`attendance.how.${how}`) }))),
    h('li', { class: 'attendance-legend-item' },
      h('span', { class: 'attendance-late attendance-late-legend', aria: { hidden: 'true' } }),
      h('span', { text: t('attendance.lateLegend') })));

  // The paper entry takes the grid's place while it is open.
  let paper = null;
  const paperSlot = h('div', { class: 'paper-slot' });
  const hint = h('p', { class: 'muted attendance-hint', text: t('attendance.hint') });
  const paperButton = h('button', { type: 'button', class: 'btn btn-small', testid: 'paper-entry-open', aria: { expanded: 'false' } },
    printIcon('keyboard'), h('span', { text: t('paper.open') }));

  const root = h('section', { class: 'view view-attendance' },
    h('div', { class: 'workshop-head' },
      h('div', { class: 'workshop-head-text' },
        h('h1', { class: 'view-title', id: 'attendance-heading', tabindex: -1, text: t('attendance.title') }),
        h('p', { class: 'workshop-item-meta' },
          h('span', { class: 'meta meta-title', dir: 'auto', text: workshop.title }),
          place && h('span', { class: 'meta' }, icon('pin'), h('span', { dir: 'auto', text: place })),
          h('span', { class: 'meta' }, icon('calendar'), h('span', { text: formatDayRange(workshop.startDate, workshop.endDate) })))),
      h('div', { class: 'view-actions attendance-actions' },
        paperButton,
        h('a', { class: 'btn btn-small btn-ghost', href: `#/workshops/${encodeURIComponent(workshopId)}/sign-in-sheet`, testid: 'open-sign-in-sheet' },
          printIcon('sheet'), h('span', { text: t('paper.signInSheet') })),
        h('a', { class: 'btn btn-small btn-ghost', href: `#/workshops/${encodeURIComponent(workshopId)}/badges`, testid: 'open-badges' },
          printIcon('badge'), h('span', { text: t('badges.title') })),
        h('a', { class: 'btn btn-small btn-ghost', href: `#/workshops/${encodeURIComponent(workshopId)}/certificates`, testid: 'open-certificates' },
          printIcon('award'), h('span', { text: t('certificates.open') })),
        h('a', { class: 'btn btn-small btn-ghost', href: `#/workshops/${encodeURIComponent(workshopId)}`, testid: 'attendance-back' },
          icon('users'), h('span', { text: t('header.participants') })))),
    hint,
    legend,
    tableWrap,
    emptyNote,
    paperSlot);

  draw();

  // ----- typing a paper sheet back in -----
  function openPaper(slot, restored = null) {
    paper = createPaperEntry({
      workshop,
      slot,
      restore: restored,
      showError: ctx.showError,
      hideError: ctx.hideError,
      onSaved(next, { count, slot: saved, ids }) {
        grid = normalise(next);
        const first = ids[0];
        if (first) activeKey = cellKey(first, saved);
        closePaper();
        draw();
        focusActive();
        showToast(t('paper.saved', { count, day: formatSlotDay(saved.day, { long: true }), session: sessionName(saved.session, perDay()) }));
      },
      onClose() {
        closePaper();
        paperButton.focus();
      },
    });
    clear(paperSlot).append(paper.root);
    for (const el of [hint, legend, tableWrap, emptyNote]) el.classList.add('is-paper-hidden');
    paperButton.setAttribute('aria-expanded', 'true');
    paper.focus();
  }

  function closePaper() {
    paper = null;
    // Arrived from the sign-in sheet's link (?paper=1…): done with it, so that a re-render (a
    // language switch) does not open the entry again.
    if (location.hash.includes('?')) history.replaceState(null, '', location.hash.replace(/\?.*$/, ''));
    clear(paperSlot);
    for (const el of [hint, legend, tableWrap, emptyNote]) el.classList.remove('is-paper-hidden');
    paperButton.setAttribute('aria-expanded', 'false');
  }

  paperButton.addEventListener('click', () => {
    if (paper) return;
    api.sessionClock(workshopId).then((clock) => {
      if (!paper) openPaper(clock.proposed);
    }, ctx.showError);
  });

  const restoredPaper = params.restore?.paper ?? null;
  const askedSlot = params.query?.get('paper') ? slotFromQuery(workshop, params.query) ?? opened.proposed : null;

  return {
    root,
    focus(opts = {}) {
      if (restoredPaper) openPaper(restoredPaper.slot, restoredPaper);
      else if (askedSlot) openPaper(askedSlot);
      else if (!opts.restoring) root.querySelector('h1')?.focus({ preventScroll: true });
    },
    snapshot: () => (paper ? { paper: paper.snapshot() } : {}),
  };
}
