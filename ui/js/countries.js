// Country names in the interface language, and matching for the typeahead picker.
import { language, collator } from './i18n.js';
import { state } from './state.js';

/**
 * The country's name in the current language (or `lang`); falls back to English, then the given
 * name, then the code.
 */
export function countryName(code, fallbackName = null, lang = language()) {
  if (!code) return fallbackName ?? '';
  const country = state.countriesByCode.get(code);
  if (!country) return fallbackName ?? code;
  return country[lang] || country.en || fallbackName || code;
}

/** Lower case without accents, so "peru" finds "Perú" and "nepal" finds "Népal". */
export function fold(text) {
  return String(text ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim();
}

/**
 * Countries matching what was typed: by name in any of the three languages, by an alias the core
 * knows ("Laos", "South Korea") or by code.
 * Best matches first: exact code, then names starting with the text, then a word starting with it,
 * then anywhere in the name.
 */
export function matchCountries(query, limit = 50) {
  const q = fold(query);
  const lang = language();
  const sort = collator();
  const all = state.countries;
  if (!q) return [...all].sort((a, b) => sort.compare(a[lang] || a.en, b[lang] || b.en)).slice(0, limit);
  const scored = [];
  for (const c of all) {
    // The core's aliases too ("Vietnam", "Laos", "South Korea"), so the picker finds what the
    // core accepts.
    const names = [fold(c[lang] || c.en), fold(c.en), fold(c.fr), fold(c.es), ...(c.aliases ?? []).map(fold)];
    let score = Infinity;
    if (fold(c.code) === q || fold(c.alpha3) === q) score = 0;
    for (const name of names) {
      if (name === q) score = Math.min(score, 0);
      else if (name.startsWith(q)) score = Math.min(score, 1);
      else if (name.split(/[\s\-'’(),]+/).some((w) => w.startsWith(q))) score = Math.min(score, 2);
      else if (name.includes(q)) score = Math.min(score, 3);
    }
    if (score < Infinity) scored.push({ c, score });
  }
  scored.sort((a, b) => a.score - b.score || sort.compare(a.c[lang] || a.c.en, b.c[lang] || b.c.en));
  return scored.slice(0, limit).map((s) => s.c);
}

/** The one country whose code or any name equals the text exactly, or null. */
export function resolveCountry(text) {
  const q = fold(text);
  if (!q) return null;
  for (const c of state.countries) {
    if (fold(c.code) === q || fold(c.alpha3) === q || fold(c.en) === q || fold(c.fr) === q || fold(c.es) === q) return c;
    if ((c.aliases ?? []).some((alias) => fold(alias) === q)) return c;
  }
  return null;
}
