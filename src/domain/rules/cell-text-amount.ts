import { columnLabel } from '../columns';
import { formatEuro } from '../money';
import { cellKindRule } from './cell-kind';
import { rowPlace } from './report';

export const cellTextAmount = cellKindRule(
  { id: 'CELL-TEXT-AMOUNT', severity: 'warning', article: 'Annexes financières', title: 'Montant saisi comme texte' },
  'text',
  (v) =>
    `${rowPlace(v.table, v.row)} : « ${columnLabel(v.table.kind, v.key)} » est saisi comme texte (« ${v.cell.raw} ») ; ` +
    `la valeur lue ${formatEuro(v.cell.value!)} est utilisée, mais Excel ne l’additionne pas.`,
);
