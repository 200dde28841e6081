/** `annexes check` on the sample: the fiches' findings, and the four-year CLS view in JSON and text. */
import * as path from 'path';
import { runCli } from '../helpers/cli';

const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'pas-de-calais-2024.xlsx');

const run = runCli;

describe('annexes check on the committed sample: fiches and the whole convention', () => {
  it('reports 4.2’s missing 2027, 1.3’s 60 €, and nothing on 1.5', async () => {
    const { stdout } = await run(['check', SAMPLE, '--format', 'json']);
    const findings: { rule: string; cell: string; message: string; expected?: string; actual?: string }[] = JSON.parse(stdout).files[0].findings;
    const fiche = findings.filter((f) => f.rule.startsWith('FICHE'));
    expect(fiche.find((f) => f.rule === 'FICHE-YEARS' && f.message.includes('Fiche 4.2'))?.message).toContain('2027');
    expect(fiche.find((f) => f.rule === 'FICHE-SUBACTIONS' && f.message.includes('Fiche 1.3'))).toMatchObject({ expected: '93560.00', actual: '93500.00' });
    expect(findings.filter((f) => /fiche 1\.5\b/i.test(f.message))).toEqual([]);
  });

  it('JSON: files[].convention holds the four-year view, plain amounts, and art. 2.2’s 13 370 192 €', async () => {
    const { stdout } = await run(['check', SAMPLE, '--format', 'json']);
    const c = JSON.parse(stdout).files[0].convention;
    expect(c.period).toEqual([2024, 2025, 2026, 2027]);
    expect(c.expected.total).toBe('13370192.00');
    expect(c.totals).toMatchObject({ notified: '6685096.00', paid: '3342548.00', stateRate: '100.00' });
    expect(c.axes.map((a: { axe: string; totals: { notified: string } }) => [a.axe, a.totals.notified])).toEqual([
      ['1', '3318576.00'],
      ['3', '2020000.00'],
      ['4', '1346520.00'],
    ]);
    // Per action: in the pane, the report and the review workbook; the JSON stops at the axes (a block may hold thousands).
    expect(c.actions).toBeUndefined();
  });

  it('text: the years read, the expected total, one line per axe', async () => {
    const { stdout } = await run(['check', SAMPLE]);
    const text = stdout.replace(/\u202F/g, ' ');
    expect(text).toContain('CLS 2024-2027, part État (années lues : 2024 prévu et exécuté, 2025 prévu ; attendu 13 370 192,00 € selon l’art. 2.2 et les avenants)');
    expect(text).toContain('    axe 4 : notifié 1 346 520,00 €');
  });
});
