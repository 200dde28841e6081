import { newSheet } from '../grid';
import { PARAMETER_KEYS, type ParameterKey } from '../parameter-keys';
import { AMOUNT_FORMAT } from '../fill/formula-text';
import { AMOUNT_RULE, BlankSheet, type Validation } from './sheet-setup';

/**
 * The « Paramètres » sheet: every key of PARAMETER_KEYS (the reader's own list), the <année> and
 * <n> keys expanded for year n and n+1 and the CLS axes 1, 3, 4, with its description. Values are
 * blank except the ones a model can state: the convention periods (CLS 2024–2027, FT year n) and
 * the default readings (80 %, 50 %, FSE+ not counted), written out so they are visible and editable.
 */
export const PARAMS_SHEET = 'Paramètres';

export function buildParamsSheet(n: number): BlankSheet {
  const s = new BlankSheet(newSheet(PARAMS_SHEET));
  s.header(1, ['Paramètre', 'Valeur', 'Description']);
  s.style(1, 1, 3, 'header');
  let r = 2;
  for (const key of PARAMETER_KEYS) {
    for (const { label, value } of expand(key, n)) {
      s.text(r, 1, label);
      s.text(r, 3, key.description);
      if (value !== undefined) s.value(r, 2, value, format(key));
      const rule = validation(key);
      if (rule) s.validate(`B${r}`, rule);
      s.style(r, 1, 3, 'cell');
      r++;
    }
  }
  s.setup.frozenRows = 1;
  s.setup.orientation = 'landscape';
  s.setup.repeatRows = { first: 1, last: 1 };
  s.widths([36, 18, 80]);
  return s;
}

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

function expand(key: ParameterKey, n: number): { label: string; value?: string | number | Date }[] {
  switch (key.id) {
    case 'clsStart':
      return [{ label: key.label, value: day(2024, 1, 1) }];
    case 'clsEnd':
      return [{ label: key.label, value: day(2027, 12, 31) }];
    case 'ftStart':
      return [{ label: key.label, value: day(n, 1, 1) }];
    case 'ftEnd':
      return [{ label: key.label, value: day(n, 12, 31) }];
    case 'clsNotifiedAxe':
      return ['1', '3', '4'].map((axe) => ({ label: `CLS État notifié ${n} axe ${axe}` }));
    case 'clsNotifiedTotal':
      return [{ label: `CLS État notifié ${n} total` }, { label: `CLS État notifié ${n + 1} total` }];
    case 'ftCeiling':
      return [{ label: 'FT plafond volet 2' }, { label: 'FT plafond volet 3' }];
    case 'underspendThreshold':
      return [{ label: key.label, value: 0.8 }];
    case 'minCdShare':
      return [{ label: key.label, value: 0.5 }];
    case 'fseAsCd':
      return [{ label: key.label, value: 'non' }];
    default:
      return [{ label: key.label }];
  }
}

function format(key: ParameterKey): string | undefined {
  if (key.type === 'date') return 'dd/mm/yyyy';
  if (key.type === 'amount') return AMOUNT_FORMAT;
  if (key.type === 'ratio') return '0%';
  return undefined;
}

function validation(key: ParameterKey): Validation | null {
  switch (key.type) {
    case 'amount':
      return AMOUNT_RULE;
    case 'date':
      return { type: 'date', from: day(2000, 1, 1), to: day(2100, 12, 31), prompt: 'Date jj/mm/aaaa.' };
    case 'ratio':
      return { type: 'decimal', min: 0, prompt: 'Pourcentage, par exemple 80 %.' };
    case 'boolean':
      return { type: 'list', choices: ['oui', 'non'], prompt: 'oui ou non.' };
    default:
      return null;
  }
}
