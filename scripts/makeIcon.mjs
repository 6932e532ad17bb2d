// Draws the extension icon (media/icon.png, 128x128 RGBA) with no image library: a blue rounded
// square (Kubernetes blue #326CE5), a white magnifying lens over three "containers" (bars of
// different lengths, like the lanes of the lifecycle preview). 4x4 supersampling for smooth edges.
// Run: node scripts/makeIcon.mjs [out.png]   (the PNG is committed; rerun only to change the design)
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SS = 4;
const out = process.argv[2] ?? 'media/icon.png';

const BLUE = [0x32, 0x6c, 0xe5];
const WHITE = [0xff, 0xff, 0xff];
const LANES = [[0x9f, 0xe8, 0x8d], [0xff, 0xd1, 0x66], [0xff, 0xff, 0xff]];

const roundedRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const dist = (x, y, cx, cy) => Math.hypot(x - cx, y - cy);
/** Distance from (x, y) to the segment a-b. */
const segDist = (x, y, ax, ay, bx, by) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
};

const LENS = { cx: 54, cy: 54, r: 30, ring: 7 };

/** Colour of one sample point, or undefined for transparent. */
function sample(x, y) {
  if (!roundedRect(x, y, 4, 4, 124, 124, 24)) return undefined;
  const d = dist(x, y, LENS.cx, LENS.cy);
  if (Math.abs(d - LENS.r) <= LENS.ring / 2) return WHITE;
  if (segDist(x, y, 76, 76, 106, 106) <= 7) return WHITE; // handle
  if (d < LENS.r - LENS.ring / 2) {
    // three lanes inside the lens, offset like init container -> sidecar -> app
    const lanes = [[34, 58], [40, 68], [48, 74]]; // [from, to] x; one row each, 12 px apart
    for (let i = 0; i < lanes.length; i++) {
      const top = 38 + i * 12;
      if (roundedRect(x, y, lanes[i][0], top, lanes[i][1], top + 8, 4)) return LANES[i];
    }
  }
  return BLUE;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  raw[py * (SIZE * 4 + 1)] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const c = sample(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
        if (!c) continue;
        r += c[0]; g += c[1]; b += c[2]; a++;
      }
    }
    const o = py * (SIZE * 4 + 1) + 1 + px * 4;
    if (a) { raw[o] = Math.round(r / a); raw[o + 1] = Math.round(g / a); raw[o + 2] = Math.round(b / a); }
    raw[o + 3] = Math.round((a / (SS * SS)) * 255);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png);
console.log(`${out}: ${SIZE}x${SIZE}, ${png.length} bytes`);
