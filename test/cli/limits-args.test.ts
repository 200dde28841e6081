import { parseCheckArgs } from '../../src/cli/commands/check-args';

describe('check: size limits from the command line', () => {
  it('reads --max-file-size and --max-uncompressed-size in Mo', () => {
    const args = parseCheckArgs(['a.xlsx', '--max-file-size', '2', '--max-uncompressed-size', '12.5']);
    expect(args).toMatchObject({ command: 'check', maxFileBytes: 2 * 1024 * 1024, maxUncompressedBytes: 12.5 * 1024 * 1024 });
  });

  it.each([['0'], ['-3'], ['beaucoup'], [undefined]])('refuses --max-uncompressed-size %p with a French message', (value) => {
    const argv = ['a.xlsx', '--max-uncompressed-size', ...(value === undefined ? [] : [value])];
    expect(parseCheckArgs(argv)).toEqual({ command: 'error', message: "l'option --max-uncompressed-size attend une taille en Mo." });
  });
});

describe('check: time limit per file from the command line', () => {
  it('reads --max-time in seconds', () => {
    expect(parseCheckArgs(['a.xlsx', '--max-time', '600'])).toMatchObject({ command: 'check', timeoutMs: 600_000 });
    expect(parseCheckArgs(['a.xlsx'])).not.toHaveProperty('timeoutMs');
  });

  it.each([['0'], ['-1'], ['longtemps'], [undefined]])('refuses --max-time %p with a French message', (value) => {
    const argv = ['a.xlsx', '--max-time', ...(value === undefined ? [] : [value])];
    expect(parseCheckArgs(argv)).toEqual({ command: 'error', message: "l'option --max-time attend une durée en secondes." });
  });

  it.each([['0.0001'], ['0.5'], ['1e7'], ['86401']])('refuses --max-time %p outside 1 s to 24 h (timers overflow beyond)', (value) => {
    expect(parseCheckArgs(['a.xlsx', '--max-time', value])).toEqual({ command: 'error', message: "l'option --max-time attend une durée entre 1 et 86400 secondes (24 heures)." });
  });

  it('keeps 1 s and 24 h, rounded up to the millisecond', () => {
    expect(parseCheckArgs(['a.xlsx', '--max-time', '1'])).toMatchObject({ timeoutMs: 1000 });
    expect(parseCheckArgs(['a.xlsx', '--max-time', '1.0004'])).toMatchObject({ timeoutMs: 1001 });
    expect(parseCheckArgs(['a.xlsx', '--max-time', '86400'])).toMatchObject({ timeoutMs: 86_400_000 });
  });
});
