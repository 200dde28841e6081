/**
 * A pull tokenizer for the XML parts of an .xlsx, working on the inflated bytes: no DOM, no string
 * for the whole part, no recursion. Every step moves forward in the bytes or ends, so it always
 * terminates in time linear in the part's size; every malformed input — unclosed or mismatched tags,
 * bad attributes, unknown entities, a DOCTYPE (entity and XXE attacks), too deep a nesting — throws
 * XmlError, which the reader turns into « classeur illisible ».
 *
 * Names are compared by their local part (after any prefix: `<x:c>` is `<c>`), as bytes. Character
 * data is skipped unless the caller asks for an element's text (`text()`), which is decoded from
 * UTF-8 with the five XML entities and character references, CRLF made LF as XML requires.
 */
export class XmlError extends Error {
  override readonly name = 'XmlError';
}

export const OPEN = 1;
export const CLOSE = 2;
export const END = 0;
export type Token = typeof OPEN | typeof CLOSE | typeof END;

/** Nesting deeper than this is no spreadsheet part. */
const MAX_DEPTH = 256;
/** Attributes on one element: an .xlsx element has a dozen at most. */
const MAX_ATTRIBUTES = 128;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const EQ = 0x3d;
const QUOT = 0x22;
const APOS = 0x27;
const COLON = 0x3a;
const LBRACKET = 0x5b;
const DASH = 0x2d;

const UTF8 = new TextDecoder('utf-8');

export class XmlScanner {
  /** Current token: OPEN (start tag, `selfClosing` when `<x/>`), CLOSE or END. */
  kind: Token = END;
  selfClosing = false;
  /** Local name of the current tag: bytes [nameStart, nameEnd). */
  nameStart = 0;
  nameEnd = 0;
  /** Attributes of the current start tag: local names and raw values (quotes excluded). */
  attrCount = 0;
  readonly attrNameStart = new Int32Array(MAX_ATTRIBUTES);
  readonly attrNameEnd = new Int32Array(MAX_ATTRIBUTES);
  readonly attrValueStart = new Int32Array(MAX_ATTRIBUTES);
  readonly attrValueEnd = new Int32Array(MAX_ATTRIBUTES);
  /** Depth of the current element (1 = root) once its start tag is read. */
  depth = 0;

  private pos: number;
  private readonly qStart = new Int32Array(MAX_DEPTH + 1);
  private readonly qEnd = new Int32Array(MAX_DEPTH + 1);
  private sawRoot = false;
  /** A self-closing tag's depth is popped when the next token is read. */
  private pendingPop = false;

  constructor(readonly bytes: Uint8Array) {
    const b = bytes;
    if ((b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0xff && b[1] === 0xfe)) throw new XmlError('UTF-16 parts are not read');
    this.pos = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  }

  /** Next start or end tag, skipping character data, comments and processing instructions. */
  next(): Token {
    if (this.pendingPop) {
      this.pendingPop = false;
      this.depth--;
    }
    const b = this.bytes;
    for (;;) {
      const lt = b.indexOf(LT, this.pos);
      if (lt < 0) {
        if (this.depth !== 0 || !this.sawRoot) throw new XmlError('unexpected end of part');
        this.pos = b.length;
        this.kind = END;
        return END;
      }
      const c = b[lt + 1];
      if (c === SLASH) return this.closeTag(lt + 2);
      if (c === QUESTION) {
        this.pos = this.after(lt + 2, '?>');
        continue;
      }
      if (c === BANG) {
        this.pos = this.markup(lt);
        continue;
      }
      return this.openTag(lt + 1);
    }
  }

  /** Text of the element just opened (start tag read), up to its end tag, which is consumed. */
  text(): string {
    if (this.kind !== OPEN) throw new Error('text() outside a start tag');
    if (this.selfClosing) return '';
    const b = this.bytes;
    let out = '';
    for (;;) {
      const lt = b.indexOf(LT, this.pos);
      if (lt < 0) throw new XmlError('unclosed element');
      if (lt > this.pos) out += decodeText(b, this.pos, lt);
      const c = b[lt + 1];
      if (c === SLASH) {
        this.closeTag(lt + 2);
        return out;
      }
      if (c === QUESTION) {
        this.pos = this.after(lt + 2, '?>');
      } else if (c === BANG && b[lt + 2] === LBRACKET) {
        const end = this.after(lt + 2, ']]>');
        if (!startsWith(b, lt + 2, '[CDATA[')) throw new XmlError('bad CDATA section');
        out += normaliseEol(UTF8.decode(b.subarray(lt + 9, end - 3)));
        this.pos = end;
      } else if (c === BANG) {
        this.pos = this.markup(lt);
      } else {
        throw new XmlError('element inside a text-only element');
      }
    }
  }

  /** After plainText(): the element's content, bytes [textStart, textEnd). */
  textStart = 0;
  textEnd = 0;

  /**
   * For the element just opened, when its content is plain character data (no markup, no entity
   * reference, no CR): its byte range in textStart/textEnd, its end tag consumed, and true. Else
   * false and nothing consumed (text() then reads it). Spares a string per number cell.
   */
  plainText(): boolean {
    if (this.kind !== OPEN) return false;
    if (this.selfClosing) {
      this.textStart = this.textEnd = this.pos;
      return true;
    }
    const b = this.bytes;
    const start = this.pos;
    const lt = b.indexOf(LT, start);
    if (lt < 0 || b[lt + 1] !== SLASH) return false;
    for (let p = start; p < lt; p++) {
      const c = b[p];
      if (c === 0x26 || c === 0x0d) return false;
    }
    this.closeTag(lt + 2);
    this.textStart = start;
    this.textEnd = lt;
    return true;
  }

  /** Skips the element just opened, children included. */
  skip(): void {
    if (this.kind !== OPEN) return;
    const depth = this.depth;
    if (this.selfClosing) return;
    while (this.next() !== END) if ((this.kind as Token) === CLOSE && this.depth === depth - 1) return;
  }

  /** True when the current tag's local name is `name` (ASCII). */
  is(name: string): boolean {
    return this.nameEnd - this.nameStart === name.length && asciiEquals(this.bytes, this.nameStart, name);
  }

  /** The current tag's local name (for the rare tag a reader dispatches on by string). */
  name(): string {
    return UTF8.decode(this.bytes.subarray(this.nameStart, this.nameEnd));
  }

  /** Index of the attribute whose local name is `name`, or -1. */
  attrIndex(name: string): number {
    for (let i = 0; i < this.attrCount; i++) {
      if (this.attrNameEnd[i] - this.attrNameStart[i] === name.length && asciiEquals(this.bytes, this.attrNameStart[i], name)) return i;
    }
    return -1;
  }

  /** Decoded value of an attribute (entities resolved, white space normalised as XML requires). */
  attr(name: string): string | undefined {
    const i = this.attrIndex(name);
    return i < 0 ? undefined : this.attrValue(i);
  }

  attrValue(i: number): string {
    return decodeAttribute(this.bytes, this.attrValueStart[i], this.attrValueEnd[i]);
  }

  /** True when attribute `name` is "1" or "true" (xsd:boolean). */
  attrTrue(name: string): boolean {
    const v = this.attr(name);
    return v === '1' || v === 'true';
  }

  private openTag(at: number): Token {
    const b = this.bytes;
    const qStart = at;
    let p = at;
    let colon = -1;
    while (p < b.length && !isNameEnd(b[p])) {
      if (b[p] === COLON) colon = p;
      p++;
    }
    if (p === qStart || !isNameStart(b[qStart])) throw new XmlError('bad tag name');
    if (this.depth === 0 && this.sawRoot) throw new XmlError('content after the root element');
    this.nameStart = colon < 0 ? qStart : colon + 1;
    this.nameEnd = p;
    let n = 0;
    for (;;) {
      const ws = p;
      p = skipSpace(b, p);
      const c = b[p];
      if (c === GT) {
        this.selfClosing = false;
        p++;
        break;
      }
      if (c === SLASH) {
        if (b[p + 1] !== GT) throw new XmlError('bad empty-element tag');
        this.selfClosing = true;
        p += 2;
        break;
      }
      if (p >= b.length) throw new XmlError('unclosed start tag');
      if (p === ws) throw new XmlError('attributes must be separated by white space');
      if (n === MAX_ATTRIBUTES) throw new XmlError('too many attributes');
      const aStart = p;
      let aColon = -1;
      while (p < b.length && !isNameEnd(b[p]) && b[p] !== EQ) {
        if (b[p] === COLON) aColon = p;
        p++;
      }
      if (p === aStart || !isNameStart(b[aStart])) throw new XmlError('bad attribute name');
      this.attrNameStart[n] = aColon < 0 ? aStart : aColon + 1;
      this.attrNameEnd[n] = p;
      p = skipSpace(b, p);
      if (b[p] !== EQ) throw new XmlError('attribute without value');
      p = skipSpace(b, p + 1);
      const q = b[p];
      if (q !== QUOT && q !== APOS) throw new XmlError('unquoted attribute value');
      const close = b.indexOf(q, p + 1);
      if (close < 0) throw new XmlError('unclosed attribute value');
      const lt = b.indexOf(LT, p + 1);
      if (lt >= 0 && lt < close) throw new XmlError('"<" in an attribute value');
      this.attrValueStart[n] = p + 1;
      this.attrValueEnd[n] = close;
      n++;
      p = close + 1;
    }
    this.attrCount = n;
    if (this.depth === MAX_DEPTH) throw new XmlError('elements nested too deeply');
    this.depth++;
    this.qStart[this.depth] = qStart;
    this.qEnd[this.depth] = this.nameEnd;
    this.sawRoot = true;
    this.pos = p;
    this.kind = OPEN;
    if (this.selfClosing) this.pendingPop = true;
    return OPEN;
  }

  private closeTag(at: number): Token {
    const b = this.bytes;
    let p = at;
    let colon = -1;
    while (p < b.length && !isNameEnd(b[p])) {
      if (b[p] === COLON) colon = p;
      p++;
    }
    const end = p;
    p = skipSpace(b, p);
    if (b[p] !== GT) throw new XmlError('bad end tag');
    if (this.depth === 0) throw new XmlError('end tag without start tag');
    const qs = this.qStart[this.depth];
    const len = this.qEnd[this.depth] - qs;
    if (end - at !== len || !bytesEqual(b, at, qs, len)) throw new XmlError('mismatched end tag');
    this.nameStart = colon < 0 ? at : colon + 1;
    this.nameEnd = end;
    this.attrCount = 0;
    this.depth--;
    this.pos = p + 1;
    this.kind = CLOSE;
    this.selfClosing = false;
    return CLOSE;
  }

  /** `<!…>`: comments and CDATA are skipped; a DOCTYPE (entities, external references) is refused. */
  private markup(lt: number): number {
    const b = this.bytes;
    if (b[lt + 2] === DASH && b[lt + 3] === DASH) return this.after(lt + 4, '-->');
    if (startsWith(b, lt + 2, '[CDATA[')) {
      if (this.depth === 0) throw new XmlError('CDATA outside the root element');
      return this.after(lt + 9, ']]>');
    }
    if (startsWith(b, lt + 2, 'DOCTYPE')) throw new XmlError('DOCTYPE refused (entity declarations)');
    throw new XmlError('bad markup declaration');
  }

  /** Position just after the next `end` from `from`; throws when the part ends first. */
  private after(from: number, end: string): number {
    const b = this.bytes;
    const first = end.charCodeAt(0);
    for (let p = b.indexOf(first, from); p >= 0; p = b.indexOf(first, p + 1)) {
      if (startsWith(b, p, end)) return p + end.length;
    }
    throw new XmlError(`unterminated construct (expected ${end})`);
  }
}

function isNameEnd(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === GT || c === SLASH;
}

/** Letters, "_" and ":" or any non-ASCII byte (UTF-8 letters): digits, "-" and "." cannot start a name. */
function isNameStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === COLON || c >= 0x80;
}

function skipSpace(b: Uint8Array, p: number): number {
  while (p < b.length) {
    const c = b[p];
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
    p++;
  }
  return p;
}

function startsWith(b: Uint8Array, at: number, s: string): boolean {
  if (at + s.length > b.length) return false;
  for (let i = 0; i < s.length; i++) if (b[at + i] !== s.charCodeAt(i)) return false;
  return true;
}

export function asciiEquals(b: Uint8Array, at: number, s: string): boolean {
  for (let i = 0; i < s.length; i++) if (b[at + i] !== s.charCodeAt(i)) return false;
  return true;
}

function bytesEqual(b: Uint8Array, x: number, y: number, len: number): boolean {
  for (let i = 0; i < len; i++) if (b[x + i] !== b[y + i]) return false;
  return true;
}

/** Bytes [start, end) as a string: ASCII directly (the common case), else UTF-8 (invalid bytes become U+FFFD). */
export function decodeUtf8(b: Uint8Array, start: number, end: number): string {
  if (end - start <= 24) {
    let s = '';
    for (let i = start; i < end; i++) {
      const c = b[i];
      if (c >= 0x80) return UTF8.decode(b.subarray(start, end));
      s += String.fromCharCode(c);
    }
    return s;
  }
  return UTF8.decode(b.subarray(start, end));
}

/** Character data: entities resolved, CRLF and CR made LF (XML end-of-line handling). */
function decodeText(b: Uint8Array, start: number, end: number): string {
  let s = decodeUtf8(b, start, end);
  if (s.indexOf('\r') >= 0) s = normaliseEol(s);
  return s.indexOf('&') >= 0 ? resolveEntities(s) : s;
}

/** Attribute value: entities resolved, literal tab, CR and LF made spaces (attribute-value normalisation). */
function decodeAttribute(b: Uint8Array, start: number, end: number): string {
  let s = decodeUtf8(b, start, end);
  if (/[\t\n\r]/.test(s)) s = s.replace(/\r\n/g, ' ').replace(/[\t\n\r]/g, ' ');
  return s.indexOf('&') >= 0 ? resolveEntities(s) : s;
}

function normaliseEol(s: string): string {
  return s.replace(/\r\n?/g, '\n');
}

const ENTITY = /&([^;&]*);|&/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function resolveEntities(s: string): string {
  return s.replace(ENTITY, (whole: string, ref: string | undefined) => {
    if (ref === undefined) throw new XmlError('bare "&"');
    const named = NAMED[ref];
    if (named !== undefined) return named;
    const m = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/.exec(ref);
    if (!m) throw new XmlError(`undefined entity &${ref.slice(0, 20)};`);
    const code = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
    if (!isXmlChar(code)) throw new XmlError(`character reference to an invalid character (${code})`);
    return String.fromCodePoint(code);
  });
}

function isXmlChar(c: number): boolean {
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}
