/**
 * `workbook.functions` (ExcelApi 1.2), the one function the adapter calls: DATE, whose serial number
 * depends on the workbook's date system. DATE(1904;1;1) is 1462 in the 1900 system and 0 in the 1904
 * one: the adapter's way to learn the date system within ExcelApi 1.13 (Workbook.use1904DateSystem
 * is a preview API).
 */
import type { FakeContext } from './fake-context';
import { FakeOfficeError, propertyNotLoaded } from './fake-error';

export class FakeFunctionResult {
  private result: { value: number } | null = null;
  /** Computed on the host; the add-in sees it once the round trip's answer has come. */
  private computed: number | undefined;

  constructor(private readonly context: FakeContext) {}

  settle(value: number): void {
    this.computed = value;
    this.context.deliver(() => (this.result = { value }));
  }

  load(spec: string): this {
    if (spec !== 'value') throw new FakeOfficeError('InvalidArgument', `fake Excel: FunctionResult.${spec} is not supported.`);
    this.context.enqueue(() => this.context.addResponse(this.computed));
    return this;
  }

  get value(): number {
    if (!this.result) throw propertyNotLoaded('value', 'FunctionResult.value');
    return this.result.value;
  }

  get error(): string | null {
    return null;
  }
}

export class FakeFunctions {
  constructor(private readonly context: FakeContext) {}

  date(year: number, month: number, day: number): FakeFunctionResult {
    const result = new FakeFunctionResult(this.context);
    this.context.enqueue(() => {
      const serial1900 = (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000;
      result.settle(this.context.model.date1904 ? serial1900 - 1462 : serial1900);
    });
    return result;
  }
}
