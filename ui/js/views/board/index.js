// The route of one SWOT board (#/workshops/<id>/boards/<board>): the board's editor, or with
// `?compare=1` the boards asking its question side by side.
import { rememberLanguageForProjector } from './head.js';
import { renderEditor } from './editor.js';
import { renderCompare } from './compare.js';

export async function render(params, ctx) {
  const workshop = await ctx.openWorkshop(params.id);
  // Each time, so that the projector follows a language switch (which draws this screen again).
  rememberLanguageForProjector();
  if (params.query?.get('compare') === '1') return renderCompare(params, workshop.id);
  return renderEditor(params, ctx, workshop.id);
}
