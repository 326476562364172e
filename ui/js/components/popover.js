// A panel floating beside an element: a note's menu or picker on the SWOT board, "Move to…" on
// the groups screen. One is open at a time. It closes on a press outside it, on Escape or Tab
// (the focus then goes back, if it was in the panel), and when the window is resized (or
// scrolled, if asked): a fixed panel would otherwise float away from what it belongs to.

let open = null; // { close }

/**
 * Shows `panel` under `anchor`, or above it when there is no room below. `onClose(refocus)` runs
 * once when it closes: `refocus` is true when the focus was in the panel and the user left it
 * with the keyboard. Presses on `keepOpenOn` (a selector: the button that opens it) are not
 * "outside". Returns close(refocus = false).
 */
export function openPopover(panel, anchor, { onClose = () => {}, closeOnScroll = false, keepOpenOn = null } = {}) {
  closePopover();
  document.body.append(panel);
  placeBeside(panel, anchor);

  const onPress = (e) => {
    if (panel.contains(e.target) || (keepOpenOn && e.target.closest?.(keepOpenOn))) return;
    close();
  };
  const onAway = () => close();
  const onKey = (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      close(true);
    }
  };
  panel.addEventListener('keydown', onKey);
  document.addEventListener('mousedown', onPress, true);
  window.addEventListener('resize', onAway);
  if (closeOnScroll) document.addEventListener('scroll', onAway, true);

  function close(refocus = false) {
    if (open?.close !== close) return;
    open = null;
    const hadFocus = panel.contains(document.activeElement);
    document.removeEventListener('mousedown', onPress, true);
    window.removeEventListener('resize', onAway);
    document.removeEventListener('scroll', onAway, true);
    panel.remove();
    onClose(refocus && hadFocus);
  }
  open = { close };
  return close;
}

/** Closes the open panel, if any (see openPopover for `refocus`). */
export function closePopover(refocus = false) {
  open?.close(refocus);
}

/** Puts a fixed `panel` under `anchor`, inside the window (above the anchor if need be). */
export function placeBeside(panel, anchor) {
  const r = anchor.getBoundingClientRect();
  const width = panel.offsetWidth;
  const height = panel.offsetHeight;
  const below = r.bottom + 4;
  panel.style.left = `${Math.max(8, Math.min(r.left, window.innerWidth - width - 8))}px`;
  panel.style.top = `${below + height > window.innerHeight - 8 ? Math.max(8, r.top - height - 4) : below}px`;
}

/**
 * The keys of a menu: ↑ and ↓ move the focus among `items` (round the end), Home and End to
 * the first and the last. Returns true when the key was one of these.
 */
export function moveInMenu(e, items) {
  const at = items.indexOf(document.activeElement);
  let next;
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    next = items[(at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length];
  } else if (e.key === 'Home') {
    next = items[0];
  } else if (e.key === 'End') {
    next = items[items.length - 1];
  } else {
    return false;
  }
  e.preventDefault();
  next?.focus();
  return true;
}
