import { columnLabel } from '../columns';
import { cellKindRule } from './cell-kind';
import { rowPlace } from './report';

export const cellNotNumber = cellKindRule(
  { id: 'CELL-NOT-NUMBER', severity: 'error', article: 'Annexes financières', title: 'Cellule qui ne contient pas un montant' },
  'invalid',
  (v) =>
    `${rowPlace(v.table, v.row)} : « ${columnLabel(v.table.kind, v.key)} » devrait contenir un montant mais contient « ${v.cell.raw} ».`,
  (cell) => (!cell.readable && !/^#/.test(cell.raw) && !cell.raw.startsWith('=') ? `« ${cell.raw} » n’est pas une quantité lisible (ex. « 7600 places », « 2,20 ETP »).` : null),
);
