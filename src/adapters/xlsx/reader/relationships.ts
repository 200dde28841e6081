/**
 * Package relationships (OPC): which part is the workbook, which parts are its sheets, strings and
 * styles — followed by relationship type and target, as Excel does, rather than by conventional
 * names. Types are matched by their last segment, so the transitional and strict (ISO 29500)
 * namespaces both work.
 */
import { END, OPEN, XmlScanner } from './xml-scanner';

export interface Relationship {
  id: string;
  /** Last segment of the type URI: "officeDocument", "worksheet", "sharedStrings", "styles"… */
  type: string;
  /** Part name the target resolves to (no leading "/"), or null for an external target. */
  part: string | null;
}

export function readRelationships(bytes: Uint8Array, sourcePart: string): Relationship[] {
  const x = new XmlScanner(bytes);
  const out: Relationship[] = [];
  while (x.next() !== END) {
    if (x.kind !== OPEN || x.depth !== 2 || !x.is('Relationship')) continue;
    const id = x.attr('Id');
    const type = x.attr('Type');
    const target = x.attr('Target');
    if (id === undefined || type === undefined || target === undefined) continue;
    const external = x.attr('TargetMode') === 'External';
    out.push({ id, type: type.slice(type.lastIndexOf('/') + 1), part: external ? null : resolvePart(sourcePart, target) });
  }
  return out;
}

/** The .rels part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; the package's is "_rels/.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * A relationship target resolved against its source part: "worksheets/sheet1.xml" from
 * "xl/workbook.xml" is "xl/worksheets/sheet1.xml"; "/xl/styles.xml" is absolute. Null when it
 * climbs out of the package.
 */
export function resolvePart(sourcePart: string, target: string): string | null {
  const path = target.split('#')[0].trim();
  const base = path.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (base.length === 0) return null;
      base.pop();
    } else base.push(seg);
  }
  return base.length ? base.join('/') : null;
}
