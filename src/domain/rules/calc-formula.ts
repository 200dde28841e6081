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

/** The same terms, in any order (without building their keys): a right formula, the usual case. */
function sameTerms(a: SignedTerm[], b: SignedTerm[]): boolean {
  if (a.length !== b.length) return false;
  const used = new Array<boolean>(b.length).fill(false);
  for (const t of a) {
    let found = false;
    for (let j = 0; j < b.length && !found; j++) {
      if (!used[j] && b[j].sign === t.sign && b[j].key === t.key) found = used[j] = true;
    }
    if (!found) return false;
  }
  return true;
}

function termsText(table: AnnexTable, terms: SignedTerm[]): string {
  return terms.map((t, i) => `${t.sign === -1 ? '− ' : i > 0 ? '+ ' : ''}« ${columnLabel(table.kind, t.key)} »`).join(' ');
}

/**
 * A total formula is right when the detail rows it adds — directly, or through the subtotal rows it
 * adds — are exactly the rows the total stands for, each once. Blank rows inside a SUM range are fine.
 */
function totalFormulaProblem(table: AnnexTable, row: TableRow, cell: AmountCell, rows: RowIndex): string | null {
  if (!cell.formulaRows || !row.sumOf || row.sumOf.length === 0) return null;
  const { byRow, last } = rows;
  if (addsExactly(table, row, cell.formulaRows, byRow)) return null;
  const first = table.headerBottom + 1;
  const counted = new Map<number, number>();
  const outside: number[] = [];
  let circular = false;
  for (const n of cell.formulaRows) {
    if (n === row.row) {
      circular = true; // counting itself: Excel cannot compute it, whatever value was cached
      continue;
    }
    const ref = byRow.get(n);
    if (!ref) {
      if (n < first || n > last) outside.push(n);
      continue;
    }
    const details = ref.kind === 'detail' ? [ref.row] : (ref.sumOf ?? []).map((i) => table.rows[i].row);
    for (const d of details) counted.set(d, (counted.get(d) ?? 0) + 1);
  }
  const wanted = row.sumOf.map((i) => table.rows[i].row);
  const missing = wanted.filter((r) => !counted.has(r));
  const twice = [...counted].filter(([, n]) => n > 1).map(([r]) => r);
  const wantedSet = new Set(wanted); // a SUM over 10 000 actions: includes() would be quadratic
  const extra = [...counted.keys()].filter((r) => !wantedSet.has(r));
  const parts: string[] = [];
  if (circular) parts.push('s’inclut elle-même (référence circulaire : Excel ne peut pas la calculer)');
  if (missing.length) parts.push(`oublie la ou les lignes ${missing.join(', ')}`);
  if (twice.length) parts.push(`compte deux fois la ou les lignes ${twice.join(', ')}`);
  if (extra.length) parts.push(`ajoute la ou les lignes ${extra.join(', ')} qui n’en font pas partie`);
  if (outside.length) parts.push(`additionne des cellules hors du tableau (lignes ${outside.join(', ')})`);
  return parts.length ? parts.join(', ') : null;
}

/**
 * The usual right formula, told at once: it adds the detail rows the total stands for, each once,
 * and nothing else (formulaRows and the rows of sumOf are both in sheet order).
 */
function addsExactly(table: AnnexTable, row: TableRow, formulaRows: number[], byRow: Map<number, TableRow>): boolean {
  const sumOf = row.sumOf as number[];
  if (formulaRows.length !== sumOf.length) return false;
  let previous = -Infinity;
  for (let k = 0; k < sumOf.length; k++) {
    const wanted = table.rows[sumOf[k]].row;
    if (formulaRows[k] !== wanted || wanted <= previous || wanted === row.row || byRow.get(wanted)?.kind !== 'detail') return false;
    previous = wanted;
  }
  return true;
}

/** A table's rows by sheet row, built once per table: a total cell of each column would rebuild it. */
interface RowIndex {
  byRow: Map<number, TableRow>;
  last: number;
}

function rowIndex(table: AnnexTable): RowIndex {
  let last = -Infinity;
  for (const r of table.rows) if (r.row > last) last = r.row;
  return { byRow: new Map(table.rows.map((r) => [r.row, r])), last };
}

export const calcFormula: Rule = {
  id: 'CALC-FORMULA',
  severity: 'error',
  article: 'CLS annexe 3 ; FT annexe 2',
  title: 'Formule qui calcule autre chose que la définition',
  check(ctx) {
    const out: Finding[] = [];
    for (const table of ctx.workbook.tables) {
      let rows: RowIndex | undefined;
      // The definitions whose every term is a column of the table (the others are not checked),
      // with their keys: made once per table, not once per row.
      const derivations = DERIVATIONS[table.kind]
        .filter((d) => d.terms.every((t) => table.columns.some((c) => c.key === t.key)))
        .map((d) => ({ d, key: termsKey(d.terms) }));
      for (const row of table.rows) {
        for (const { d, key: definition } of derivations) {
          const cell = row.amounts[d.target];
          if (!cell?.formulaTerms) continue;
          if (sameTerms(cell.formulaTerms, d.terms) || termsKey(cell.formulaTerms) === definition) continue;
          const circular = cell.formulaTerms.some((t) => t.key === d.target);
          const computes = circular
            ? 'fait référence à sa propre cellule (référence circulaire : Excel ne peut pas la calculer) ; elle calcule '
            : 'calcule ';
          out.push(
            findingAt({ ...this, article: d.article }, cell.ref, `${rowPlace(table, row)} : la formule =${cell.formula} de « ${columnLabel(table.kind, d.target)} » ${computes}` +
              `${termsText(table, cell.formulaTerms)} au lieu de ${d.text} (${termsText(table, d.terms)}), même si les valeurs coïncident aujourd’hui.`,
              { expected: d.text, actual: `=${cell.formula}` }),
          );
        }
        if (row.kind === 'detail') continue;
        for (const [key, cell] of Object.entries(row.amounts)) {
          if (!cell) continue;
          const problem = totalFormulaProblem(table, row, cell, (rows ??= rowIndex(table)));
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
