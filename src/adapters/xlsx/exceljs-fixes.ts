/**
 * Three corrections to ExcelJS 4.4's parsers (internal CellXform and NumFmtXform), installed once
 * before any load. All change what the checks see, so they are tested in test/adapters/xlsx:
 *
 * 1. A formula whose cached result is the empty string is saved by Excel as
 *    <c t="str"><f>IF(…;"";…)</f><v></v></c>. ExcelJS ignores the empty <v>, so the cell would look
 *    "never recalculated" (value null). We restore the '' result when a <v> element was present.
 * 2. ExcelJS turns a number into a Date whenever its format holds d/m/y/h/s outside quotes and
 *    brackets, even escaped ones (0\ \h, # ##0\ \m\o\i\s): an amount would become a Date. We keep
 *    the original number when those letters are only escaped, padding or fill characters.
 * 3. ExcelJS removes every backslash from custom format codes on read (0\ \h becomes 0 h, a time
 *    format), which both loses the escapes fix 2 needs and misreports numFmt. We keep the code raw.
 */
import ExcelJS from 'exceljs';

interface XformModel {
  type?: number;
  value?: unknown;
  result?: unknown;
  style?: { numFmt?: string };
}

interface CellXformInstance {
  t?: string;
  model: XformModel;
  [SAW_V]?: boolean;
}

interface CellXformProto {
  parseOpen(this: CellXformInstance, node: { name: string }): boolean;
  parseClose(this: CellXformInstance, name: string): boolean;
  reconcile(this: CellXformInstance, model: XformModel, options: unknown): void;
  [INSTALLED]?: boolean;
}

interface NumFmtXformProto {
  parseOpen(this: { model: { formatCode?: string } }, node: { name: string; attributes: Record<string, string> }): boolean;
}

const SAW_V = Symbol('sawV');
const INSTALLED = Symbol.for('annexes.exceljsFixesInstalled');
const { Formula, Number: NumberType, Date: DateType } = ExcelJS.ValueType;

export function installExcelJsFixes(): void {
  // Internal module (no public hook exists); its shape is pinned by the exceljs ^4.4 dependency.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const CellXform = require('exceljs/lib/xlsx/xform/sheet/cell-xform') as { prototype: CellXformProto };
  const NumFmtXform = require('exceljs/lib/xlsx/xform/style/numfmt-xform') as { prototype: NumFmtXformProto };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const proto = CellXform.prototype;
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;

  const numFmtParseOpen = NumFmtXform.prototype.parseOpen;
  NumFmtXform.prototype.parseOpen = function (node) {
    const more = numFmtParseOpen.call(this, node);
    if (node.name === 'numFmt' && typeof node.attributes.formatCode === 'string') {
      this.model.formatCode = node.attributes.formatCode;
    }
    return more;
  };

  const { parseOpen, parseClose, reconcile } = proto;
  proto.parseOpen = function (node) {
    if (node.name === 'c') this[SAW_V] = false;
    else if (node.name === 'v') this[SAW_V] = true;
    return parseOpen.call(this, node);
  };
  proto.parseClose = function (name) {
    const more = parseClose.call(this, name);
    const m = this.model;
    if (name === 'c' && this[SAW_V] && this.t === 'str' && m.type === Formula && m.result === undefined) {
      m.result = '';
    }
    return more;
  };
  proto.reconcile = function (model, options) {
    const raw = model.type === NumberType ? model.value : model.type === Formula ? model.result : undefined;
    reconcile.call(this, model, options);
    if (typeof raw !== 'number' || isDateFormat(model.style?.numFmt)) return;
    if (model.type === DateType && model.value instanceof Date) {
      model.type = NumberType;
      model.value = raw;
    } else if (model.type === Formula && model.result instanceof Date) {
      model.result = raw;
    }
  };
}

/** ExcelJS's own date test, after also dropping escaped (\x), padding (_x) and fill (*x) characters. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const stripped = fmt
    .replace(/"[^"]*"/g, '')
    .replace(/[\\_*]./g, '')
    .replace(/\[[^\]]*]/g, '');
  return /[ymdhMsb]/.test(stripped);
}
