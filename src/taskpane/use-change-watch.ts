/**
 * « Classeur modifié depuis l'analyse »: true once the user changed the workbook after the last
 * analysis. Excel's change events when it can raise them; else a fingerprint of the sheets and used
 * ranges, compared when the pane regains focus. Events while the pane itself is busy are its own
 * (or arrive while it reads the workbook again anyway) and do not count.
 */
import { type MutableRefObject, useCallback, useEffect, useRef, useState } from 'react';
import type { WorkbookActions } from '../adapters/office/workbook-actions';

export function useChangeWatch(actions: WorkbookActions, busy: MutableRefObject<boolean>) {
  const [stale, setStale] = useState(false);
  const watching = useRef<'events' | 'fingerprint' | null>(null);
  const print = useRef<string | null>(null);

  useEffect(() => {
    let stop: (() => void) | null = null;
    let cancelled = false;
    void actions.watchChanges(() => {
      if (!busy.current) setStale(true);
    }).then(
      (s) => {
        if (cancelled) s?.();
        stop = s;
        watching.current = s ? 'events' : 'fingerprint';
      },
      () => (watching.current = 'fingerprint'),
    );
    const onFocus = async () => {
      if (watching.current !== 'fingerprint' || busy.current || print.current === null) return;
      const now = await actions.fingerprint().catch(() => print.current);
      if (now !== print.current) setStale(true);
    };
    window.addEventListener('focus', onFocus);
    return () => {
      cancelled = true;
      stop?.();
      window.removeEventListener('focus', onFocus);
    };
  }, [actions, busy]);

  /** Called at the end of each analysis: the findings are fresh again. */
  const analysed = useCallback(async () => {
    setStale(false);
    if (watching.current === 'fingerprint') print.current = await actions.fingerprint().catch(() => null);
  }, [actions]);

  return { stale, analysed };
}
