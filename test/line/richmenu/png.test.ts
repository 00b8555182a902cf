/**
 * The PNG reader that loads the rich menu's label masks: what the writer wrote comes back
 * pixel for pixel, rows filtered by another tool (Sub, Average, Paeth) decode too, and a file
 * it cannot read is refused by class.
 */
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, decodePng, encodePng, PngFormatError } from '../../../src/line/richmenu/png.ts';

/** A PNG assembled by hand, so the test chooses each row's filter byte. */
function handMadePng(width: number, height: number, colourType: number, rawRows: number[][], bitDepth = 8): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + body.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 4 + body.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = bitDepth;
  header[9] = colourType;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rawRows.flat()))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('PNG reader', () => {
  it('reads back a greyscale mask and an RGB image the writer made', () => {
    const grey = Uint8Array.from({ length: 7 * 5 }, (_, i) => (i * 37) % 256);
    expect(decodePng(encodePng(7, 5, grey, 'grey'))).toEqual({ width: 7, height: 5, colour: 'grey', pixels: grey });
    const rgb = Uint8Array.from({ length: 3 * 4 * 3 }, (_, i) => (i * 53) % 256);
    expect(decodePng(encodePng(3, 4, rgb))).toEqual({ width: 3, height: 4, colour: 'rgb', pixels: rgb });
  });

  it('undoes the Sub, Average and Paeth filters', () => {
    // Pixels: row 0 = 10 20 30, row 1 = 40 50 60, row 2 = 70 80 90 (greyscale, 3 × 3).
    const png = handMadePng(3, 3, 0, [
      [1, 10, 10, 10], // Sub: each byte minus the one to its left
      [3, 40 - 5, 50 - 30, 60 - 40], // Average: minus floor((left + up) / 2)
      [4, 70 - 40, 80 - 70, 90 - 80], // Paeth: 40 (up), then 70 (left), then 80 (left)
    ]);
    expect([...decodePng(png).pixels]).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
  });

  it('refuses what it cannot read with PngFormatError', () => {
    expect(() => decodePng(Buffer.from('GIF89a not a png'))).toThrow(PngFormatError);
    expect(() => decodePng(handMadePng(1, 1, 0, [[0, 1]], 16))).toThrow(PngFormatError);
    expect(() => decodePng(handMadePng(1, 1, 6, [[0, 1, 2, 3, 4]]))).toThrow(PngFormatError);
    expect(() => decodePng(handMadePng(2, 1, 0, [[9, 1, 2]]))).toThrow(PngFormatError);
  });
});
