/**
 * The names the review workbook (format-xlsx.ts) gives its sheets and statuses, in a module of their
 * own: `annexes check` recognises a previous review by them without loading ExcelJS.
 */
export const REVIEW_SHEETS = { summary: 'Synthèse', findings: 'Constats', totals: 'Totaux par axe et volet', convention: 'Convention 2024-2027' } as const;
export const REVIEW_STATUS = { ok: 'Conforme', warnings: 'Avertissements', errors: 'Erreurs', unreadable: 'Illisible' } as const;
