import Decimal from 'decimal.js';
import { parseCheckArgs, percentArg } from '../../src/cli/commands/check-args';

describe('percentages on the command line', () => {
  it.each([
    ['80', '0.8'],
    ['80 %', '0.8'],
    ['80%', '0.8'],
    ['80,5', '0.805'],
    ['80.5 %', '0.805'],
    ['100', '1'],
    ['1,5', '0.015'],
    ['0,8 %', '0.008'], // the sign settles it
  ])('« %s » is %s', (raw, ratio) => {
    expect((percentArg('--underspend-threshold', raw) as Decimal).toString()).toBe(ratio);
  });

  it.each(['0,8', '0.8', '1', '0', '0,05'])('a bare « %s » (1 or less) is refused with a question', (raw) => {
    const m = percentArg('--underspend-threshold', raw);
    expect(typeof m).toBe('string');
    expect(m).toMatch(/voulez-vous dire .* % \(écrire --underspend-threshold .*\) ou .* % \(écrire --underspend-threshold ".* %"\) \?$/);
  });

  it('0,8 asks between 80 % and 0,8 %', () => {
    expect(percentArg('--min-cd-share', '0,8')).toBe(
      'l\'option --min-cd-share a reçu « 0,8 » : voulez-vous dire 80 % (écrire --min-cd-share 80) ou 0,8 % (écrire --min-cd-share "0,8 %") ?',
    );
  });

  it.each(['abc', '101', '-5', '80 %%', '8 0', ''])('« %s » is not a percentage', (raw) => {
    expect(typeof percentArg('--min-cd-share', raw)).toBe('string');
  });

  it('parseCheckArgs turns the question into a usage error, and reads the bilan reading and the return folder', () => {
    expect(parseCheckArgs(['a.xlsx', '--underspend-threshold', '0,8'])).toMatchObject({ command: 'error', message: expect.stringContaining('voulez-vous dire 80 %') });
    const ok = parseCheckArgs(['a.xlsx', '--underspend-threshold', '80,5', '--forfait-volet1', 'integral', '--par-departement', 'retours']);
    expect(ok).toMatchObject({ command: 'check', returnFolder: 'retours', overrides: { ftVolet1: 'lump-sum' } });
    expect(ok.command === 'check' && ok.overrides.underspendThreshold?.toString()).toBe('0.805');
    expect(parseCheckArgs(['a.xlsx', '--forfait-volet1', 'oui'])).toMatchObject({ command: 'error' });
    expect(parseCheckArgs(['a.xlsx', '--par-departement'])).toMatchObject({ command: 'error' });
  });
});
