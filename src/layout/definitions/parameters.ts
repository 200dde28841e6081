import type { HeaderBand } from '../reading/header-band';
import type { TableDefinition } from '../reading/table-definition';

/** The "Paramètre | Valeur" table of the Paramètres sheet (keys down one column, values in the other). */
export const PARAMETERS_DEFINITION: TableDefinition = {
  kind: 'parameters',
  anchor: /^parametres?$/,
  columns: [
    { key: 'key', match: /^parametres?$/, required: true },
    { key: 'value', match: /^valeurs?$/, required: true },
  ],
  leading: new Set(['key']),
  labels: new Set(['key']),
  // Values are texts as often as numbers: no figure column, the key makes a row.
  figures: new Set(),
  rowKey: 'key',
  accepts: (band: HeaderBand) => band.columns.has('key') && band.columns.has('value') && band.columns.get('value')!.col > band.columns.get('key')!.col,
  rows: {},
};
