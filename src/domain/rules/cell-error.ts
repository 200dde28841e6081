import { columnLabel } from '../columns';
import { cellKindRule } from './cell-kind';
import { rowPlace } from './report';

export const cellError = cellKindRule(
  { id: 'CELL-ERROR', severity: 'error', article: 'Annexes financières', title: 'Valeur d’erreur Excel dans un montant' },
  'error',
  (v) =>
    `${rowPlace(v.table, v.row)} : la cellule « ${columnLabel(v.table.kind, v.key)} » contient l’erreur ${v.cell.raw} ; ` +
    'les contrôles qui en dépendent ne sont pas effectués.',
  (cell) => (/^#/.test(cell.raw) ? `la cellule contient l’erreur ${cell.raw}.` : null),
);
