import type { Rule } from './rule';
import { findingAt } from './report';

const fr = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;

/**
 * A Paramètres date typed as text ("31/12/2027") is read day/month/year, as French users write it,
 * but Excel does not see a date there, and "01/02/2027" reads two ways. Said, not silently assumed.
 */
export const paramTextDate: Rule = {
  id: 'PARAM-TEXT-DATE',
  severity: 'warning',
  article: 'Paramètres',
  title: 'Date saisie comme texte',
  check(ctx) {
    return (ctx.workbook.params.textDates ?? []).map((d) =>
      findingAt(
        this,
        d.ref,
        `« ${d.key} » est saisie comme texte (« ${d.raw} ») ; elle est lue comme le ${fr(d.date)} (jour/mois/année). ` +
          'Saisissez-la comme une date Excel : Excel ne reconnaît pas ce texte comme une date.',
        { expected: d.date.toISOString().slice(0, 10), actual: d.raw },
      ),
    );
  },
};
