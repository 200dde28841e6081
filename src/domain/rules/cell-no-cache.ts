import { columnLabel } from '../columns';
import { cellKindRule } from './cell-kind';
import { rowPlace } from './report';

export const cellNoCache = cellKindRule(
  { id: 'CELL-NO-CACHE', severity: 'error', article: 'Annexes financières', title: 'Formule sans valeur calculée' },
  'no-cache',
  (v) =>
    `${rowPlace(v.table, v.row)} : la formule ${v.cell.raw} de « ${columnLabel(v.table.kind, v.key)} » n’a pas de valeur enregistrée ` +
    '(le classeur n’a pas été recalculé) ; ouvrez-le dans Excel et enregistrez-le.',
  (cell) => (cell.raw.startsWith('=') && !cell.readable ? `la formule ${cell.raw} n’a pas de valeur enregistrée (classeur non recalculé).` : null),
);
