/**
 * The rich menu's Thai labels as alpha masks, read once from the PNGs in labels/ (make-labels.ts
 * says why they are pictures rather than drawn here).
 */
import { readFileSync } from 'node:fs';
import { LABEL_FILES } from './labels.ts';
import { decodePng, PngFormatError } from './png.ts';

export interface LabelMask {
  text: string;
  width: number;
  height: number;
  /** Row of the text's baseline. */
  baseline: number;
  /** width × height alpha bytes, rows top to bottom. */
  alpha: Uint8Array;
}

let masks: readonly LabelMask[] | undefined;

export function labelMasks(): readonly LabelMask[] {
  masks ??= LABEL_FILES.map(({ text, file, baseline }) => {
    const png = decodePng(readFileSync(new URL(`./labels/${file}`, import.meta.url)));
    if (png.colour !== 'grey') throw new PngFormatError(`labels/${file}: a label mask must be greyscale`);
    return { text, width: png.width, height: png.height, baseline, alpha: png.pixels };
  });
  return masks;
}
