/**
 * PNG with node:zlib, for the two kinds this project writes: the rich menu (8-bit RGB) and the
 * label masks (8-bit greyscale), never interlaced. Writing filters every row after the first
 * with "Up" (flat colours become runs of zeros); reading undoes any of the five filters, so a
 * mask re-saved by another tool still loads.
 */
import { deflateSync, inflateSync } from 'node:zlib';

export type PngColour = 'rgb' | 'grey';

/** A decoded image: one byte per channel, rows top to bottom. */
export interface PngImage {
  width: number;
  height: number;
  colour: PngColour;
  pixels: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** PNG colour type numbers. */
const COLOUR_TYPE: Record<PngColour, number> = { grey: 0, rgb: 2 };
const CHANNELS: Record<PngColour, number> = { grey: 1, rgb: 3 };

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export function encodePng(width: number, height: number, pixels: Uint8Array, colour: PngColour = 'rgb'): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = COLOUR_TYPE[colour];
  const stride = width * CHANNELS[colour];
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const filter = y === 0 ? 0 : 2;
    raw[y * (stride + 1)] = filter;
    for (let i = 0; i < stride; i++) {
      const v = pixels[y * stride + i]!;
      raw[y * (stride + 1) + 1 + i] = filter === 0 ? v : (v - pixels[(y - 1) * stride + i]!) & 0xff;
    }
  }
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array(0))]);
}

export class PngFormatError extends Error {
  override readonly name = 'PngFormatError';
}

/** Reads an 8-bit, non-interlaced greyscale or RGB PNG; anything else is a PngFormatError. */
export function decodePng(png: Uint8Array): PngImage {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new PngFormatError('not a PNG file');
  let header: Buffer | undefined;
  const idat: Buffer[] = [];
  for (let offset = 8; offset + 12 <= bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = data;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  if (!header || header.length < 13) throw new PngFormatError('PNG without a header');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const colour = (Object.keys(COLOUR_TYPE) as PngColour[]).find((c) => COLOUR_TYPE[c] === header[9]);
  if (header[8] !== 8 || colour === undefined || header[12] !== 0) {
    throw new PngFormatError(`only 8-bit, non-interlaced greyscale or RGB PNGs are read (bit depth ${header[8]}, colour type ${header[9]})`);
  }
  const bpp = CHANNELS[colour];
  const stride = width * bpp;
  const raw = inflateSync(Buffer.concat(idat));
  if (raw.length !== (stride + 1) * height) throw new PngFormatError('PNG image data has the wrong size');
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = y * stride;
    for (let i = 0; i < stride; i++) {
      const left = i >= bpp ? pixels[row + i - bpp]! : 0;
      const up = y > 0 ? pixels[row - stride + i]! : 0;
      const upLeft = y > 0 && i >= bpp ? pixels[row - stride + i - bpp]! : 0;
      pixels[row + i] = (line[i]! + predict(filter, left, up, upLeft)) & 0xff;
    }
  }
  return { width, height, colour, pixels };
}

/** The five PNG filter predictors (None, Sub, Up, Average, Paeth). */
function predict(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4: {
      const p = left + up - upLeft;
      const pa = Math.abs(p - left);
      const pb = Math.abs(p - up);
      const pc = Math.abs(p - upLeft);
      return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }
    default:
      throw new PngFormatError(`unknown PNG filter type ${filter}`);
  }
}
