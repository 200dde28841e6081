import { Field, ProgressBar } from '@fluentui/react-components';
import type { Busy } from '../use-pane';

/** Determinate bar when the adapter reports progress, indeterminate otherwise. */
export function BusyIndicator({ busy }: { busy: Busy }) {
  return (
    <Field validationMessage={busy.label} validationState="none" aria-live="polite">
      <ProgressBar value={busy.fraction} thickness="large" aria-label={busy.label} />
    </Field>
  );
}
