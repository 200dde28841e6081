import { cellAddress } from '../a1';
import { columnLabel } from '../columns';
import type { Finding } from '../finding';
import type { AnnexTable, TableRow } from '../table';
import type { Rule } from './rule';
import { findingAt, tableRef } from './report';

/** Kinds whose tables are unique per year (CLS) or per volet (plan de financement). */
const UNIQUE_BLOCKS: Partial<Record<AnnexTable['kind'], (t: AnnexTable) => string | null>> = {
  'cls-forecast': (t) => (t.year === null ? null : `${t.year}`),
  'cls-execution': (t) => (t.year === null ? null : `${t.year}`),
  'cls-recap': (t) => (t.year === null ? null : `${t.year}`),
  'ft-plan': (t) => (t.volet === undefined ? null : `${t.volet}`),
  'fiche-budget': (t) => t.fiche?.number || null,
};

/** Tables whose detail rows are keyed by a fiche / FA number, unique within the table. */
const KEYED = new Set<AnnexTable['kind']>(['cls-forecast', 'cls-execution', 'cls-recap', 'ft-action-plan']);

/**
 * What the workbook holds twice where it may hold it once: a CLS block of the same kind and year
 * (or a plan de financement of the same volet), an action number within a table, a column header
 * within a table. The checks between blocks only see the first of each, so the second would go
 * unchecked without a word.
 */
export const structDuplicate: Rule = {
  id: 'STRUCT-DUPLICATE',
  severity: 'error',
  article: 'CLS annexe 3 ; FT annexe 2',
  title: 'Bloc, action ou colonne en double',
  check(ctx) {
    const out: Finding[] = [];
    const firstBlock = new Map<string, AnnexTable>();
    for (const table of ctx.workbook.tables) {
      const id = UNIQUE_BLOCKS[table.kind]?.(table);
      if (id !== null && id !== undefined) {
        const key = `${table.kind}|${id}`;
        const first = firstBlock.get(key);
        if (!first) firstBlock.set(key, table);
        else out.push(duplicateBlock(this, first, table));
      }
      if (KEYED.has(table.kind)) out.push(...duplicateKeys(this, table));
      for (const d of table.duplicateColumns ?? []) {
        out.push(
          findingAt(
            { ...this, severity: 'warning' },
            { sheet: table.sheet, address: cellAddress(table.headerTop, d.col) },
            `« ${table.title} » : la colonne « ${columnLabel(table.kind, d.key)} » figure deux fois (colonnes ${letters(d.firstCol)} et ${letters(d.col)}) ; ` +
              `seule la colonne ${letters(d.firstCol)} est lue, les montants de la colonne ${letters(d.col)} ne sont pas contrôlés.`,
          ),
        );
      }
    }
    return out;
  },
};

function duplicateBlock(rule: Rule, first: AnnexTable, second: AnnexTable): Finding {
  const where = (t: AnnexTable) => `feuille « ${t.sheet} », en-tête ligne ${t.headerTop}`;
  const consequence =
    second.kind === 'ft-plan'
      ? 'chacun est contrôlé séparément contre le plafond'
      : second.kind === 'fiche-budget'
        ? 'son budget serait compté deux fois dans le total de la convention'
        : 'les contrôles entre blocs n’utilisent que le premier';
  return findingAt(
    rule,
    tableRef(second),
    `« ${second.title} » figure deux fois (${where(first)} ; ${where(second)}) ; le classeur ne doit en contenir qu’un, ${consequence}.`,
  );
}

function duplicateKeys(rule: Rule, table: AnnexTable): Finding[] {
  const rowsOf = new Map<string, TableRow[]>();
  for (const row of table.rows) {
    if (row.kind !== 'detail' || !row.key) continue;
    rowsOf.set(row.key, [...(rowsOf.get(row.key) ?? []), row]);
  }
  const keyCol = table.columns.find((c) => c.key === 'fiche' || c.key === 'fa')?.col ?? tableRef(table).col;
  const out: Finding[] = [];
  for (const [key, rows] of rowsOf) {
    if (rows.length < 2) continue;
    const lines = rows.map((r) => r.row);
    const listed = `${lines.slice(0, -1).join(', ')} et ${lines[lines.length - 1]}`;
    out.push(
      findingAt(
        rule,
        { sheet: table.sheet, address: cellAddress(rows[1].row, keyCol) },
        `« ${table.title} » : l’action ${key} figure ${rows.length === 2 ? 'deux' : rows.length} fois (lignes ${listed}) ; ` +
          'chaque action n’a qu’une ligne, et les contrôles entre blocs n’utilisent que la première.',
      ),
    );
  }
  return out;
}

const letters = (col: number): string => cellAddress(1, col).replace(/\d+$/, '');
