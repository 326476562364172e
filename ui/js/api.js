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
export const sessionClock = (workshopId) => call('session_clock', { workshopId });
/** `method`: 'facilitator' (seen by the facilitator) or 'paper' (typed in from a paper sheet). */
export const markAttendance = (participantId, slot, present, reason = '', method = 'facilitator') =>
  call('mark_attendance', { participantId, slot: { day: slot.day, session: slot.session }, present: Boolean(present), reason: reason ?? '', method });
/** Marks several participants present for one slot, in one transaction; returns the Grid. */
export const markAttendanceMany = (workshopId, slot, participantIds, method = 'paper') =>
  call('mark_attendance_many', { workshopId, slot: { day: slot.day, session: slot.session }, participantIds, method });
export const certificates = (workshopId) => call('certificates', { workshopId });
export const setCertificateOptions = (workshopId, options) => call('set_certificate_options', { workshopId, options });
export const participantList = (workshopId) => call('participant_list', { workshopId });
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

// Working groups.
export const listGroupings = (workshopId) => call('list_groupings', { workshopId });
/** `by`: 'country' | 'sub_region'; returns [{ name, participantIds }] to edit before creating. */
export const suggestGroups = (workshopId, by, language) => call('suggest_groups', { workshopId, by, language });
export const createGrouping = (workshopId, name, groups) => call('create_grouping', { workshopId, name, groups });
export const renameGrouping = (groupingId, name) => call('rename_grouping', { groupingId, name });
export const deleteGrouping = (groupingId) => call('delete_grouping', { groupingId });
export const addGroup = (groupingId, name) => call('add_group', { groupingId, name });
export const renameGroup = (groupId, name) => call('rename_group', { groupId, name });
export const deleteGroup = (groupId) => call('delete_group', { groupId });
/** `groupId` null takes the participant out of every group of the grouping. */
export const assignToGroup = (groupingId, participantId, groupId) => call('assign_to_group', { groupingId, participantId, groupId });
export const groupChoices = (workshopId) => call('group_choices', { workshopId });

// SWOT boards. Quadrants: 'strengths' | 'weaknesses' | 'opportunities' | 'threats'.
export const listBoards = (workshopId) => call('list_boards', { workshopId });
export const getBoard = (boardId) => call('get_board', { boardId });
/** `input`: { question, groupId?, priorityVotes? } */
export const createBoard = (workshopId, input) => call('create_board', { workshopId, input });
export const updateBoard = (boardId, input) => call('update_board', { boardId, input });
export const deleteBoard = (boardId) => call('delete_board', { boardId });
/** `raisedBy`: { groupId?, participantId? } */
export const addNote = (boardId, quadrant, text, raisedBy = {}) => call('add_note', { boardId, quadrant, text, raisedBy });
// `gathered`: notes of that quadrant put under the new heading in the same edit (one undo).
export const addHeading = (boardId, quadrant, text, gathered = []) => call('add_heading', { boardId, quadrant, text, gathered });
export const editNote = (noteId, text) => call('edit_note', { noteId, text });
export const setNoteRaisedBy = (noteId, raisedBy) => call('set_note_raised_by', { noteId, raisedBy });
export const setNoteVotes = (noteId, votes) => call('set_note_votes', { noteId, votes });
/** Moves a note to `quadrant`, before the note `before` (null: at the end); returns the Board. */
export const moveNote = (noteId, quadrant, before = null) => call('move_note', { noteId, quadrant, before });
export const setNoteHeading = (noteId, headingId) => call('set_note_heading', { noteId, headingId });
/** Merges `merged` into `kept`; returns the Board. */
export const mergeNotes = (kept, merged) => call('merge_notes', { kept, merged });
export const deleteNote = (noteId) => call('delete_note', { noteId });
/** The boards of the workshop asking the same question as this one, side by side. */
export const compareBoards = (boardId) => call('compare_boards', { boardId });
export const noteHistory = (noteId) => call('note_history', { noteId });
/** Opens (or points) the projector's window at this board. */
export const openPresentation = (boardId) => call('open_presentation', { boardId });

// Action plans. Scope: 'regional' | 'national' | 'organisational'; status: 'planned' |
// 'in_progress' | 'done' | 'dropped'.
export const listPlans = (workshopId) => call('list_plans', { workshopId });
/** `input`: { scope, country?, organisation, title, groupId? } */
export const createPlan = (workshopId, input) => call('create_plan', { workshopId, input });
// A new plan and its first action linked to `noteIds`, as one edit (one undo).
export const createPlanWithAction = (workshopId, plan, action, noteIds) =>
  call('create_plan_with_action', { workshopId, plan, action, noteIds });
export const updatePlan = (planId, input) => call('update_plan', { planId, input });
export const deletePlan = (planId) => call('delete_plan', { planId });
/** `input`: { description, responsible, partners, startDate?, dueDate?, status, resources,
 * indicator, baseline, target, themes: [] }; `noteIds`: the SWOT notes it answers. */
export const addAction = (planId, input, noteIds = []) => call('add_action', { planId, input, noteIds });
export const updateAction = (actionId, input) => call('update_action', { actionId, input });
export const deleteAction = (actionId) => call('delete_action', { actionId });
export const moveAction = (actionId, planId, before = null) => call('move_action', { actionId, planId, before });
export const linkActionNote = (actionId, noteId) => call('link_action_note', { actionId, noteId });
export const unlinkActionNote = (actionId, noteId) => call('unlink_action_note', { actionId, noteId });
export const actionsOfNote = (noteId) => call('actions_of_note', { noteId });
export const actionThemes = (workshopId) => call('action_themes', { workshopId });
export const plansRollup = (workshopId) => call('plans_rollup', { workshopId });
export const actionHistory = (actionId) => call('action_history', { actionId });

// Undo and redo of group, board and plan edits: Step = { label, touched: [{entity, id}], state }.
export const undoState = (workshopId) => call('undo_state', { workshopId });
export const undo = (workshopId) => call('undo', { workshopId });
export const redo = (workshopId) => call('redo', { workshopId });

// The projector's window (present.html) only.
export const presentBoard = (boardId) => call('present_board', { boardId });
export const boardStamp = (boardId) => call('board_stamp', { boardId });

// ----- the report workbook
export const exportTarget = (workshopId) => call('export_target', { workshopId });
export const chooseExportPath = (path, title, filterName) => call('choose_export_path', { path, title, filterName });
export const showInFolder = (path) => call('show_in_folder', { path });

export const consolidateTarget = () => call('consolidate_target');
export const chooseConsolidateFiles = (folder, title, filterName) => call('choose_consolidate_files', { folder, title, filterName });
/** Consolidates the workbooks `inputs` into `path`; `onProgress({ step, done, total, item })` follows the files read, then the rows written. */
export function consolidateWorkbooks(inputs, path, onProgress) {
  const Channel = globalThis.__TAURI__?.core?.Channel;
  const channel = Channel ? new Channel() : null;
  if (channel) channel.onmessage = onProgress;
  return call('consolidate_workbooks', { inputs, path, onProgress: channel });
}

export const recentWorkbooks = () => call('recent_workbooks');
export const chooseImportFile = (title, filterName) => call('choose_import_file', { title, filterName });
export const previewImport = (path) => call('preview_import', { path });
export const applyImport = (path, fingerprint, choices) => call('apply_import', { path, fingerprint, choices });

/** Exports the workshop's workbook; `onProgress({ done, total, sheet })` follows the rows written. */
export function exportWorkbook(workshopId, profile, path, onProgress) {
  const Channel = globalThis.__TAURI__?.core?.Channel;
  const channel = Channel ? new Channel() : null;
  if (channel) channel.onmessage = onProgress;
  return call('export_workbook', { workshopId, profile, path, onProgress: channel });
}
