import { countSeverities, severityCountsText, severitySummary } from '../../src/domain/severity-counts';

describe('counts of findings in words', () => {
  it('plurals, singulars and « aucun(e) » when every severity is said', () => {
    expect(severityCountsText({ error: 11, warning: 5, info: 42 }, true)).toBe('11 erreurs, 5 avertissements et 42 informations');
    expect(severityCountsText({ error: 1, warning: 0, info: 1 }, true)).toBe('1 erreur, aucun avertissement et 1 information');
    expect(severityCountsText({ error: 0, warning: 0, info: 0 }, true)).toBe('aucune erreur, aucun avertissement et aucune information');
  });

  it('only the severities found otherwise', () => {
    expect(severityCountsText({ error: 33, warning: 0, info: 1 }, false)).toBe('33 erreurs et 1 information');
    expect(severityCountsText({ error: 0, warning: 2, info: 0 }, false)).toBe('2 avertissements');
  });

  it('counts findings by severity', () => {
    expect(countSeverities([{ severity: 'error' }, { severity: 'info' }, { severity: 'error' }])).toEqual({ error: 2, warning: 0, info: 1 });
  });

  it('the one-line summary of a check keeps its published form (JSON message)', () => {
    expect(severitySummary({ error: 55, warning: 2, info: 2 })).toBe('55 erreurs, 2 avertissements, 2 informations');
    expect(severitySummary({ error: 0, warning: 1, info: 0 })).toBe('0 erreur, 1 avertissement, 0 information');
  });
});
