import type { Finding } from '../finding';
import { formatQuantity, unitsAgree } from '../quantity';
import type { Rule } from './rule';
import { findingAt, rowPlace } from './report';

/** Delta = Cible − Existant in the same unit (FT annexe 2); a blank Existant counts as none, an unreadable one skips the row. */
export const planDelta: Rule = {
  id: 'PLAN-DELTA',
  severity: 'error',
  article: 'FT annexe 2',
  title: 'Delta différent de Cible − Existant',
  check(ctx) {
    const out: Finding[] = [];
    for (const table of ctx.workbook.tables) {
      if (table.kind !== 'ft-plan') continue;
      for (const row of table.rows) {
        const q = row.quantities;
        const delta = q?.delta?.quantity;
        const target = q?.target?.quantity;
        if (!q?.delta || !delta || !target) continue;
        if (q.existing && !q.existing.readable) continue; // an unreadable Existant is reported by CELL-*, not taken as 0
        const existing = q.existing?.quantity ?? { value: target.value.minus(target.value), unit: '', unitText: '' };
        const place = rowPlace(table, row);
        if (!unitsAgree(existing, target) || !unitsAgree(target, delta) || !unitsAgree(existing, delta)) {
          out.push(
            findingAt(this, q.delta.ref, `${place} : unités différentes entre Existant (« ${q.existing?.raw ?? ''} »), Cible (« ${q.target?.raw} ») et Delta (« ${q.delta.raw} »).`, {
              severity: 'warning',
              expected: `${target.unitText}`,
              actual: `${delta.unitText}`,
            }),
          );
          continue;
        }
        const expected = target.value.minus(existing.value);
        if (expected.eq(delta.value)) continue;
        const unit = target.unitText || delta.unitText;
        const shown = formatQuantity({ value: expected, unit: '', unitText: unit });
        out.push(
          findingAt(
            this,
            q.delta.ref,
            `${place} : le Delta vaut « ${q.delta.raw} » alors que Cible − Existant = ${formatQuantity(target)} − ${formatQuantity(existing)} = ${shown}.`,
            { expected: expected.toString(), actual: delta.value.toString() },
          ),
        );
      }
    }
    return out;
  },
};
