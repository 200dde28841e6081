import type { Rule } from './rule';
import { findingAt } from './report';

/** Lines of the Paramètres sheet that could not be understood: said, not silently ignored. */
export const paramInvalid: Rule = {
  id: 'PARAM-INVALID',
  severity: 'warning',
  article: 'Paramètres',
  title: 'Paramètre inconnu ou illisible',
  check(ctx) {
    return ctx.workbook.params.problems.map((p) => findingAt(this, p.ref, p.message));
  },
};
