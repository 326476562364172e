// The board's own icons, drawn like dom.js's shared set (24×24, stroke = currentColor); any
// other name is the shared icon.
import { icon } from '../../dom.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

const GLYPHS = {
  minus: ['M5 12h14'],
  merge: ['M6 4v5a6 6 0 0 0 6 6h0a6 6 0 0 1 6 6', 'M18 4v5a6 6 0 0 1-6 6', 'M9 18l3 3 3-3'],
  more: ['M5 12h.01', 'M12 12h.01', 'M19 12h.01'],
  user: ['M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M4 21v-1a6 6 0 0 1 6-6h4a6 6 0 0 1 6 6v1'],
  heading: ['M5 5h14', 'M9 10h10', 'M9 15h10', 'M9 20h10', 'M5 10v10'],
  rank: ['M4 20V10', 'M10 20V4', 'M16 20v-7', 'M22 20H2'],
  keyboard: ['M3 6h18v12H3z', 'M7 10h.01', 'M11 10h.01', 'M15 10h.01', 'M7 14h10'],
};

export function glyph(name, className = 'icon') {
  const paths = GLYPHS[name];
  if (!paths) return icon(name, className);
  const svg = icon(null, className); // the shared icon's frame, empty
  for (const d of paths) {
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}
