// Translation: t('key', {params}) looks the key up in the current language, then in English,
// then shows the key itself (so a missing string is visible, never "undefined").
// A catalogue entry is either a string with {placeholders} or a plural object
// { '=0': …, one: …, other: … } chosen with Intl.PluralRules from params.count.
import en from './locales/en.js';
import fr from './locales/fr.js';
import es from './locales/es.js';

const catalogues = { en, fr, es };

/** The interface languages, each labelled in its own language. */
export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'fr', label: 'Français' },
  { code: 'es', label: 'Español' },
];

let current = 'en';
let pluralRules = new Intl.PluralRules('en');
let numberFormat = new Intl.NumberFormat('en');
const listeners = new Set();

export function language() {
  return current;
}

export function isSupported(code) {
  return typeof code === 'string' && Object.hasOwn(catalogues, code);
}

/** Switches the language and tells every subscriber (the app shell re-renders). */
export function setLanguage(code) {
  const next = isSupported(code) ? code : 'en';
  document.documentElement.lang = next;
  if (next === current) return;
  current = next;
  pluralRules = new Intl.PluralRules(next);
  numberFormat = new Intl.NumberFormat(next);
  for (const fn of listeners) fn(next);
}

export function onLanguageChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function lookup(key, wanted = current) {
  for (const lang of [wanted, 'en']) {
    const catalogue = catalogues[lang];
    // hasOwn: keys like "constructor" must never reach Object.prototype.
    if (Object.hasOwn(catalogue, key)) return catalogue[key];
  }
  return undefined;
}

export function has(key) {
  return lookup(key) !== undefined;
}

function pluralForm(entry, count, rules = pluralRules) {
  const n = Number(count);
  if (Object.hasOwn(entry, `=${n}`)) return entry[`=${n}`];
  const category = Number.isFinite(n) ? rules.select(n) : 'other';
  if (Object.hasOwn(entry, category)) return entry[category];
  return entry.other ?? '';
}

function interpolate(text, params, numbers = numberFormat) {
  return text.replace(/\{(\w+)\}/g, (whole, name) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name];
    if (typeof value === 'number') return numbers.format(value);
    return value == null ? '' : String(value);
  });
}

export function t(key, params = {}) {
  let entry = lookup(key);
  if (entry === undefined) return key;
  if (typeof entry === 'object' && entry !== null) entry = pluralForm(entry, params.count);
  return interpolate(String(entry), params);
}

/**
 * `t` in another of the interface's languages, whatever the interface shows: a certificate is
 * printed in the workshop's language from a laptop set to English.
 */
export function tIn(lang, key, params = {}) {
  const code = isSupported(lang) ? lang : current;
  let entry = lookup(key, code);
  if (entry === undefined) return key;
  if (typeof entry === 'object' && entry !== null) entry = pluralForm(entry, params.count, new Intl.PluralRules(code));
  return interpolate(String(entry), params, new Intl.NumberFormat(code));
}

export function formatNumber(n) {
  return numberFormat.format(n);
}

/** A collator for sorting names and countries the way the current language expects. */
export function collator() {
  return new Intl.Collator(current, { sensitivity: 'base', numeric: true });
}
