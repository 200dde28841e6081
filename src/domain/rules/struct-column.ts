import { columnLabel } from '../columns';
import type { Finding } from '../finding';
import type { Rule } from './rule';
import { findingAt, tableRef } from './report';

export const structColumn: Rule = {
  id: 'STRUCT-COLUMN',
  severity: 'error',
  article: 'CLS annexe 3 ; FT annexe 2',
  title: 'Colonne obligatoire absente',
  check(ctx) {
    const out: Finding[] = [];
    for (const table of ctx.workbook.tables) {
      for (const key of table.missing) {
        out.push(
          findingAt(this, tableRef(table), `« ${table.title} » (en-tête ligne ${table.headerTop}) : la colonne « ${columnLabel(table.kind, key)} » est introuvable ; les contrôles qui l’utilisent ne sont pas effectués.`),
        );
      }
    }
    return out;
  },
};
