// Turning an IPC error `{code, message, field?}` into a sentence in the interface language.
import { t, has } from './i18n.js';

/**
 * errors.<code>.<field> (e.g. the birth year's range), then errors.<code>, then the core's own
 * English message, then a generic sentence. Never "[object Object]".
 */
export function errorText(err) {
  if (err === null || err === undefined) return t('errors.unknown');
  if (typeof err === 'string') return err || t('errors.unknown');
  const code = typeof err.code === 'string' ? err.code : '';
  const field = typeof err.field === 'string' ? err.field : '';
  if (code && field && has(`errors.${code}.${field}`)) return t(`errors.${code}.${field}`);
  if (code && has(`errors.${code}`)) return t(`errors.${code}`);
  if (typeof err.message === 'string' && err.message.trim()) return err.message;
  return t('errors.unknown');
}

export function isFieldError(err) {
  return Boolean(err && typeof err === 'object' && typeof err.field === 'string' && err.field);
}
