// The one module that talks to the Tauri shell. Every command of docs/ipc.md has one function here;
// every failure rejects with a plain `{ code, message, field? }` object, whatever the shell threw.

function tauriInvoke() {
  const invoke = globalThis.__TAURI__?.core?.invoke;
  return typeof invoke === 'function' ? invoke : null;
}

/** Turns whatever the shell rejected with into `{ code, message, field? }`. */
export function normalizeError(raw) {
  if (raw && typeof raw === 'object' && typeof raw.code === 'string') {
    const out = { code: raw.code, message: typeof raw.message === 'string' ? raw.message : '' };
    if (typeof raw.field === 'string' && raw.field) out.field = raw.field;
    return out;
  }
  if (typeof raw === 'string') {
    // The window's capability refused the command before it reached the app (Tauri's ACL
    // answers in prose): for the window, that is simply "not allowed here".
    if (/not allowed/i.test(raw)) return { code: 'forbidden', message: raw };
    // A command that returned Err(String) or a JSON-encoded error.
    try {
      const parsed = JSON.parse(raw);
      if (parsed && typeof parsed === 'object' && typeof parsed.code === 'string') return normalizeError(parsed);
    } catch {
      // not JSON: keep the text as the message
    }
    return { code: 'unknown', message: raw };
  }
  if (raw instanceof Error) return { code: 'unknown', message: raw.message };
  return { code: 'unknown', message: '' };
}

async function call(command, args) {
  const invoke = tauriInvoke();
  if (!invoke) throw { code: 'no_backend', message: 'The Workshop Desk shell is not available.' };
  try {
    return await invoke(command, args);
  } catch (raw) {
    throw normalizeError(raw);
  }
}

export const appInfo = () => call('app_info');
export const setLanguage = (language) => call('set_language', { language });
export const listCountries = () => call('list_countries');

export const listWorkshops = (includeArchived) => call('list_workshops', { includeArchived: Boolean(includeArchived) });
export const currentWorkshop = () => call('current_workshop');
export const openWorkshop = (id) => call('open_workshop', { id });
export const createWorkshop = (input) => call('create_workshop', { input });
export const updateWorkshop = (id, input) => call('update_workshop', { id, input });
export const setWorkshopArchived = (id, archived) => call('set_workshop_archived', { id, archived: Boolean(archived) });
export const createDemoWorkshop = () => call('create_demo_workshop');

export const listParticipants = (workshopId, query = '', deleted = false) =>
  call('list_participants', { workshopId, query, deleted: Boolean(deleted) });
export const createParticipant = (workshopId, input) => call('create_participant', { workshopId, input });
export const updateParticipant = (id, input) => call('update_participant', { id, input });
export const deleteParticipant = (id) => call('delete_participant', { id });
export const restoreParticipant = (id) => call('restore_participant', { id });
export const findDuplicates = (workshopId, input, excludeId = null) =>
  call('find_duplicates', { workshopId, input, excludeId });
export const suggestTransliteration = (name) => call('suggest_transliteration', { name });
export const suggestOrganisations = (workshopId, prefix) => call('suggest_organisations', { workshopId, prefix });
export const workshopSummary = (workshopId) => call('workshop_summary', { workshopId });
export const participantHistory = (id) => call('participant_history', { id });
export const markParticipantReviewed = (id) => call('mark_participant_reviewed', { id });

export const listBackups = () => call('list_backups');
export const createBackup = () => call('create_backup');
export const restoreBackup = (file) => call('restore_backup', { file });

export const attendanceGrid = (workshopId) => call('attendance_grid', { workshopId });
/** `method`: 'facilitator' (seen by the facilitator) or 'paper' (typed in from a paper sheet). */
export const markAttendance = (participantId, slot, present, reason = '', method = 'facilitator') =>
  call('mark_attendance', { participantId, slot: { day: slot.day, session: slot.session }, present: Boolean(present), reason: reason ?? '', method });
/** Marks several participants present for one slot, in one transaction; returns the Grid. */
export const markAttendanceMany = (workshopId, slot, participantIds, method = 'paper') =>
  call('mark_attendance_many', { workshopId, slot: { day: slot.day, session: slot.session }, participantIds, method });
/** `participantIds`: null for everyone's badges, else only these participants'. */
export const badgeSheet = (workshopId, participantIds = null) => call('badge_sheet', { workshopId, participantIds });
export const signInSheet = (workshopId, slot) => call('sign_in_sheet', { workshopId, slot: { day: slot.day, session: slot.session } });

// Kiosk mode, from the facilitator's window.
export const kioskPinIsSet = () => call('kiosk_pin_is_set');
export const chooseKioskPin = (pin, currentPin = '') => call('choose_kiosk_pin', { pin, currentPin });
export const startKiosk = (workshopId, session = null) => call('start_kiosk', { workshopId, session });

// The kiosk window's own commands (the only ones its capability grants).
export const kioskStatus = () => call('kiosk_status');
export const kioskCountries = () => call('kiosk_countries');
export const kioskSearch = (query) => call('kiosk_search', { query });
export const kioskSignIn = (participantId, method) => call('kiosk_sign_in', { participantId, method });
export const kioskRegister = (walkIn) => call('kiosk_register', { walkIn });
export const kioskUnlock = (pin) => call('kiosk_unlock', { pin });
