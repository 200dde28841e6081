/**
 * « Comparer avec une version précédente »: the chosen .xlsx read in the browser by the project's
 * reader, the open workbook read through the adapter, both checked with the same readings and
 * compared by the CLI's engine (compareGrids). Nothing is written. The chosen file is kept, read,
 * so « Comparer de nouveau » measures the officer's later edits against it.
 */
import { useCallback, useRef, useState } from 'react';
import type { WorkbookActions } from '../adapters/office/workbook-actions';
import type { WorkbookDiff } from '../domain/diff';
import { diffSummary } from '../domain/diff-lines';
import { hasChanges } from '../domain/diff';
import { compareGrids } from '../layout/compare-grids';
import type { Grid } from '../layout/grid';
import type { Busy, PaneMessage } from './use-pane';

export const COMPARE_TITLE = 'Comparer avec une version précédente';

export interface ComparisonView {
  /** The previous version's file name, as the officer chose it. */
  fileName: string;
  diff: WorkbookDiff;
  comparedAt: Date;
}

type Task = (label: string, work: () => Promise<void>) => Promise<void>;

export function useComparison(actions: WorkbookActions, task: Task, setBusy: (b: Busy) => void, setMessage: (m: PaneMessage) => void) {
  const [comparison, setComparison] = useState<ComparisonView | null>(null);
  const previous = useRef<{ fileName: string; grid: Grid } | null>(null);

  const compareWithPrevious = useCallback(async () => {
    const before = previous.current!;
    setBusy({ label: 'Lecture du classeur ouvert…' });
    const after = await actions.readWorkbook((fraction, label) => setBusy({ label, fraction }));
    setBusy({ label: 'Comparaison…' });
    const diff = compareGrids(before.grid, after);
    setComparison({ fileName: before.fileName, diff, comparedAt: new Date() });
    setMessage({
      intent: 'info',
      title: 'Comparaison terminée',
      text: hasChanges(diff) ? `${diffSummary(diff)} Cliquez sur un changement pour afficher sa cellule.` : diffSummary(diff),
    });
  }, [actions, setBusy, setMessage]);

  const compare = useCallback(
    (file: File) =>
      task(COMPARE_TITLE, async () => {
        setComparison(null);
        previous.current = null;
        setBusy({ label: `Lecture de « ${file.name} »…` });
        // The reader (and pako) load when first needed: the pane opens without them.
        const { readChosenXlsx } = await import('../adapters/browser/read-xlsx-file');
        previous.current = { fileName: file.name, grid: await readChosenXlsx(file) };
        await compareWithPrevious();
      }),
    [task, setBusy, compareWithPrevious],
  );

  const compareAgain = useCallback(() => (previous.current ? task(COMPARE_TITLE, compareWithPrevious) : Promise.resolve()), [task, compareWithPrevious]);

  return { comparison, compare, compareAgain };
}
