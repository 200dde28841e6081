import { makeStyles } from '@fluentui/react-components';
import { forwardRef } from 'react';

const useStyles = makeStyles({ hidden: { display: 'none' } });

const XLSX_TYPES = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A hidden `<input type="file">` for one .xlsx, opened by a button of the caller's (the native
 * control speaks the browser's language; a French button opens it). Cleared once read, so the same
 * file chosen again is read again.
 */
export const XlsxFileInput = forwardRef<HTMLInputElement, { label: string; testId: string; onFile(file: File): void }>(function XlsxFileInput({ label, testId, onFile }, ref) {
  const s = useStyles();
  return (
    <input
      ref={ref}
      className={s.hidden}
      type="file"
      accept={XLSX_TYPES}
      aria-label={label}
      data-testid={testId}
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
});
