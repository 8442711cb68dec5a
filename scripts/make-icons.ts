/**
 * Draws the add-in icons (16, 32, 64, 80, 128 px) and writes them to assets/ as PNG, with a tiny PNG encoder
 * (RGBA, filter 0, zlib). Run: npx tsx scripts/make-icons.ts. The PNGs are committed; this script documents them.
 */
import { deflateSync } from "node:zlib";
import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
}

export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Excel green rounded square, a white sheet with three rows, and a summary bar. Supersampled 4×. */
function drawIcon(size: number): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const ss = 4;
  const green = [0x10, 0x7c, 0x41];
  const white = [0xff, 0xff, 0xff];
  const line = [0x10, 0x7c, 0x41];
  const gold = [0xf2, 0xb7, 0x05];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const u = (x + (sx + 0.5) / ss) / size; // 0..1
          const v = (y + (sy + 0.5) / ss) / size;
          const c = colourAt(u, v);
          if (!c) continue;
          acc[0] += c[0];
          acc[1] += c[1];
          acc[2] += c[2];
          acc[3] += 1;
        }
      }
      const i = (y * size + x) * 4;
      if (acc[3] > 0) {
        out[i] = Math.round(acc[0] / acc[3]);
        out[i + 1] = Math.round(acc[1] / acc[3]);
        out[i + 2] = Math.round(acc[2] / acc[3]);
      }
      out[i + 3] = Math.round((255 * acc[3]) / (ss * ss));
    }
  }
  return out;

  function colourAt(u: number, v: number): number[] | null {
    const r = 0.16;
    const m = 0.04;
    const inside = (a: number, b: number) => {
      const cx = Math.min(Math.max(a, m + r), 1 - m - r);
      const cy = Math.min(Math.max(b, m + r), 1 - m - r);
      return (a - cx) ** 2 + (b - cy) ** 2 <= r * r && a >= m && a <= 1 - m && b >= m && b <= 1 - m;
    };
    if (!inside(u, v)) return null;
    // white sheet
    if (u >= 0.22 && u <= 0.78 && v >= 0.18 && v <= 0.64) {
      for (const ly of [0.3, 0.41, 0.52]) if (Math.abs(v - ly) < 0.025 && u > 0.28 && u < 0.72) return line;
      return white;
    }
    // summary bar
    if (u >= 0.22 && u <= 0.78 && v >= 0.7 && v <= 0.82) return gold;
    return green;
  }
}

const dir = join(__dirname, "..", "assets");
mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) {
  writeFileSync(join(dir, `icon-${size}.png`), encodePng(size, size, drawIcon(size)));
}
console.log("icons written to", dir);
