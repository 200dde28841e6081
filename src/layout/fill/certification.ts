import type { PrintedSheet } from '../printed-sheet';

const DOTS = '…………………………';

/**
 * The closing « Certifié exact » block of a document the Département signs: place, date, name and
 * capacity of the signatory on the left, one per line (they fit the narrowest left column), a box
 * for the signature and the seal on the right, kept on one page. Returns the row after the block.
 */
export function certificationBlock(w: PrintedSheet, top: number, left: [number, number], right: [number, number], statement: string): number {
  const [l1, l2] = left;
  const [r1, r2] = right;
  let r = top;
  w.value(r, l1, statement);
  w.merge(r, l1, r2);
  w.style(r, l1, r2, 'label');
  r++;
  w.value(r, r1, 'Signature et cachet');
  w.merge(r, r1, r2);
  w.style(r, r1, r2, 'label');
  r++;
  const box = r;
  for (const line of [`Fait à ${DOTS}`, `le ${DOTS}`, `Nom et prénom : ${DOTS}`, `Qualité : ${DOTS}`]) {
    w.value(r, l1, line);
    w.merge(r, l1, l2);
    w.style(r, l1, l2, 'wrap');
    w.minHeight(r, 20);
    r++;
  }
  w.merge(box, r1, r2, r - 1);
  w.style(box, r1, r2, 'box');
  for (let b = box + 1; b < r; b++) w.style(b, r1, r2, 'box');
  w.keepTogether(top, r - 1);
  return r;
}
