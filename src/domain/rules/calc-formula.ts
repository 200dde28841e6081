import { columnLabel } from '../columns';
import { DERIVATIONS } from '../derivations';
import type { Finding } from '../finding';
import type { AmountCell, AnnexTable, SignedTerm, TableRow } from '../table';
import type { Rule } from './rule';
import { findingAt, rowPlace } from './report';

function termsKey(terms: SignedTerm[]): string {
  return terms
    .map((t) => `${t.sign === 1 ? '+' : '-'}${t.key}`)
    .sort()
    .join(' ');
}

function termsText(table: AnnexTable, terms: SignedTerm[]): string {
  return terms.map((t, i) => `${t.sign === -1 ? '− ' : i > 0 ? '+ ' : ''}« ${columnLabel(table.kind, t.key)} »`).join(' ');
}

/** Rows a total formula may add: its detail rows, or (grand total) its subtotal rows. */
function totalFormulaProblem(table: AnnexTable, row: TableRow, cell: AmountCell): string | null {
  if (!cell.formulaRows) return null;
  const tableRows = new Set(table.rows.map((r) => r.row));
  const used = new Set(cell.formulaRows);
  const accepted = [row.sumOf, row.sumOfSubtotals].filter((s): s is number[] => !!s && s.length > 0);
  if (accepted.length === 0) return null;
  for (const set of accepted) {
    const wanted = new Set(set.map((i) => table.rows[i].row));
    const missing = [...wanted].filter((r) => !used.has(r));
    const extra = [...used].filter((r) => !wanted.has(r) && tableRows.has(r));
    if (missing.length === 0 && extra.length === 0) return null;
  }
  const wanted = new Set((accepted[0] ?? []).map((i) => table.rows[i].row));
  const missing = [...wanted].filter((r) => !used.has(r));
  const extra = [...used].filter((r) => !wanted.has(r) && tableRows.has(r));
  const parts: string[] = [];
  if (missing.length) parts.push(`oublie la ou les lignes ${missing.join(', ')}`);
  if (extra.length) parts.push(`ajoute la ou les lignes ${extra.join(', ')} qui n’en font pas partie`);
  return parts.join(' et ');
}

export const calcFormula: Rule = {
  id: 'CALC-FORMULA',
  severity: 'error',
  article: 'CLS annexe 3 ; FT annexe 2',
  title: 'Formule qui calcule autre chose que la définition',
  check(ctx) {
    const out: Finding[] = [];
    for (const table of ctx.workbook.tables) {
      for (const row of table.rows) {
        for (const d of DERIVATIONS[table.kind]) {
          const cell = row.amounts[d.target];
          if (!cell?.formulaTerms) continue;
          if (d.terms.some((t) => !table.columns.some((c) => c.key === t.key))) continue;
          if (termsKey(cell.formulaTerms) === termsKey(d.terms)) continue;
          out.push(
            findingAt({ ...this, article: d.article }, cell.ref, `${rowPlace(table, row)} : la formule =${cell.formula} de « ${columnLabel(table.kind, d.target)} » calcule ` +
              `${termsText(table, cell.formulaTerms)} au lieu de ${d.text} (${termsText(table, d.terms)}), même si les valeurs coïncident aujourd’hui.`,
              { expected: d.text, actual: `=${cell.formula}` }),
          );
        }
        if (row.kind === 'detail') continue;
        for (const [key, cell] of Object.entries(row.amounts)) {
          if (!cell) continue;
          const problem = totalFormulaProblem(table, row, cell);
          if (problem) {
            out.push(
              findingAt(this, cell.ref, `${rowPlace(table, row)} : la formule =${cell.formula} de « ${columnLabel(table.kind, key)} » ${problem}.`, {
                actual: `=${cell.formula}`,
              }),
            );
          }
        }
      }
    }
    return out;
  },
};
