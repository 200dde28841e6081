/**
 * xl/sharedStrings.xml → the workbook's string table. A string is the text of its <t> elements,
 * plain or in rich-text runs (<r>), without the phonetic runs (<rPh>, furigana) that only annotate
 * it; `_xHHHH_` escapes (how Excel stores characters XML cannot hold) are decoded. An <si> without
 * any <t> is no string at all (undefined): a cell pointing to it is read as empty, as it always was.
 */
import { CLOSE, END, OPEN, XmlScanner } from './xml-scanner';

export function readSharedStrings(bytes: Uint8Array): (string | undefined)[] {
  const x = new XmlScanner(bytes);
  const out: (string | undefined)[] = [];
  let text: string | undefined;
  let phoneticDepth = 0;
  while (x.next() !== END) {
    if (x.kind === OPEN) {
      if (x.depth === 2) {
        text = undefined;
        if (!x.is('si')) x.skip();
        else if (x.selfClosing) out.push(undefined); // <si/>: no end tag will follow
      } else if (phoneticDepth === 0 && x.is('rPh')) {
        phoneticDepth = x.depth;
        if (x.selfClosing) phoneticDepth = 0;
      } else if (phoneticDepth === 0 && x.is('t')) {
        text = (text ?? '') + decodeEscapes(x.text());
      }
    } else if (x.kind === CLOSE) {
      if (x.depth === phoneticDepth - 1) phoneticDepth = 0;
      else if (x.depth === 1 && x.is('si')) out.push(text);
    }
  }
  return out;
}

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** "_x000D_" → CR, "_x005F_x0041_" → "_x0041_" (an escaped underscore keeps what follows literal). */
export function decodeEscapes(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
