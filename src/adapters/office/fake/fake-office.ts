/**
 * A fake of the part of the `Office` global the adapter uses: the document's settings (kept with
 * the workbook once saveAsync succeeds) and the requirement-set check.
 */
export interface FakeAsyncResult {
  status: 'succeeded' | 'failed';
  error?: { code: number; message: string };
}

export class FakeSettings {
  private live = new Map<string, unknown>();
  /** What the document would hold after its last successful saveAsync. */
  readonly saved = new Map<string, unknown>();
  failNextSave = false;

  get(name: string): unknown {
    // Office hands out copies: changing the object read does not change the setting.
    const v = this.live.get(name);
    return v === undefined ? null : JSON.parse(JSON.stringify(v));
  }

  set(name: string, value: unknown): void {
    this.live.set(name, JSON.parse(JSON.stringify(value)));
  }

  remove(name: string): void {
    this.live.delete(name);
  }

  saveAsync(callback?: (result: FakeAsyncResult) => void): void {
    setTimeout(() => {
      if (this.failNextSave) {
        this.failNextSave = false;
        callback?.({ status: 'failed', error: { code: 5001, message: 'An internal error has occurred.' } });
        return;
      }
      this.saved.clear();
      for (const [k, v] of this.live) this.saved.set(k, v);
      callback?.({ status: 'succeeded' });
    }, 0);
  }
}

export class FakeOffice {
  readonly settings = new FakeSettings();
  /** Highest ExcelApi version the fake host claims. */
  excelApiVersion = '1.17';

  readonly context = {
    document: { settings: this.settings },
    requirements: {
      isSetSupported: (name: string, minVersion?: string): boolean =>
        name === 'ExcelApi' && compareVersions(this.excelApiVersion, minVersion ?? '1.1') >= 0,
    },
  };
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
