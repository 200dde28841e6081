#!/usr/bin/env node
/**
 * Draws the add-in's ribbon and store icons (assets/icon-16/32/64/80.png) with node's zlib only:
 * the manifest needs real PNGs at these sizes and we add no image package for four files.
 *   node scripts/make-icons.js            (writes assets/)
 * The picture: a green sheet (Excel's colour) with three bars and a check mark — "annexes
 * financières, vérifiées". Shapes are drawn at 4× and averaged down, which is all the
 * anti-aliasing a 16-pixel icon needs.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { Buffer } = require('buffer');

const SIZES = [16, 32, 64, 80];
const SUPERSAMPLE = 4;

const GREEN = [33, 115, 70, 255];
const WHITE = [255, 255, 255, 255];
const BAR = [33, 115, 70, 255];
const CHECK = [232, 152, 20, 255];

/** Colour of the point (x, y) in a unit square (0..1), or null when transparent. */
function shade(x, y) {
  let c = null;
  if (inRoundedRect(x, y, 0.03, 0.03, 0.97, 0.97, 0.16)) c = GREEN;
  if (inRoundedRect(x, y, 0.17, 0.14, 0.83, 0.86, 0.05)) c = WHITE;
  // Three bars of rising height: the amounts of the annex.
  const bars = [
    [0.26, 0.62],
    [0.43, 0.46],
    [0.6, 0.3],
  ];
  for (const [left, top] of bars) if (x >= left && x <= left + 0.12 && y >= top && y <= 0.78) c = BAR;
  // The check mark over the bottom-right corner.
  if (nearSegment(x, y, 0.52, 0.72, 0.66, 0.86, 0.065) || nearSegment(x, y, 0.66, 0.86, 0.92, 0.52, 0.065)) c = CHECK;
  return c;
}

function inRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function nearSegment(x, y, ax, ay, bx, by, halfWidth) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= halfWidth;
}

/** RGBA pixels of a size×size icon, premultiplied averaging of SUPERSAMPLE² samples per pixel. */
function render(size) {
  const px = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let pxl = 0; pxl < size; pxl++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const c = shade((pxl + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 255;
        }
      }
      const o = (py * size + pxl) * 4;
      const covered = a / 255;
      px[o] = covered ? Math.round(r / covered) : 0;
      px[o + 1] = covered ? Math.round(g / covered) : 0;
      px[o + 2] = covered ? Math.round(b / covered) : 0;
      px[o + 3] = Math.round(a / n);
    }
  }
  return px;
}

// ---- PNG encoding (RFC 2083): signature, IHDR, one IDAT, IEND.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  const dir = path.join(__dirname, '..', 'assets');
  fs.mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, render(size)));
    console.log(`écrit : ${path.relative(process.cwd(), file)}`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, render, SIZES };
