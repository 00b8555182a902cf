/**
 * `npm run setup:line` against the LINE stand-in: the rich menu request is valid (size, three
 * areas covering the menu, message actions), its image is a real PNG of the right size drawn
 * in-process, it becomes the default, and the webhook URL is printed. Demo mode is refused.
 */
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLineClient } from '../src/line/client.ts';
import { richMenuImage } from '../src/line/richmenu/image.ts';
import { labelMasks } from '../src/line/richmenu/label-masks.ts';
import { RICH_MENU_BUTTONS } from '../src/line/richmenu/layout.ts';
import { crc32, encodePng } from '../src/line/richmenu/png.ts';
import { createLineStandin } from '../src/demo/line-standin/index.ts';
import { runSetupLine } from '../src/setup-line.ts';

const REAL_ENV = {
  LINE_CHANNEL_SECRET: 'secret-123456',
  LINE_CHANNEL_ACCESS_TOKEN: 'token-123456',
  TOPUP_API_URL: 'https://provider.example/topup/api/v2.php',
  TOPUP_USERNAME: 'shop',
  TOPUP_PASSWORD: 'pass-123456',
  TOPUP_CALLBACK_SECRET: 'callback-123456',
};

interface RichMenuBody {
  size: { width: number; height: number };
  selected: boolean;
  name: string;
  chatBarText: string;
  areas: { bounds: { x: number; y: number; width: number; height: number }; action: { type: string; label?: string; text?: string } }[];
}

/** Reads width, height and the decoded RGB rows of a PNG this project wrote. */
function readPng(png: Buffer): { width: number; height: number; colourType: number; rgb: (x: number, y: number) => [number, number, number] } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let offset = 8;
  let width = 0;
  let height = 0;
  let colourType = -1;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length), `${type} CRC`).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)));
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      colourType = data[9]!;
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 3;
  const rows: Uint8Array[] = [];
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = new Uint8Array(stride);
    for (let i = 0; i < stride; i++) row[i] = filter === 2 ? (line[i]! + rows[y - 1]![i]!) & 0xff : line[i]!;
    expect([0, 2]).toContain(filter);
    rows.push(row);
  }
  return { width, height, colourType, rgb: (x, y) => [rows[y]![x * 3]!, rows[y]![x * 3 + 1]!, rows[y]![x * 3 + 2]!] };
}

describe('npm run setup:line', () => {
  const standin = createLineStandin({ channelAccessToken: REAL_ENV.LINE_CHANNEL_ACCESS_TOKEN });
  let origin: string;

  beforeAll(async () => {
    origin = await standin.listen();
  });
  afterAll(() => standin.close());
  // Each test reads the calls it made itself.
  beforeEach(() => standin.reset());

  function run(env: Record<string, string | undefined>) {
    const out: string[] = [];
    const err: string[] = [];
    return runSetupLine(env, { out: (l) => out.push(l), err: (l) => err.push(l) }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
  }

  it('refuses in demo mode, saying what to set', async () => {
    const { code, err } = await run({});
    expect(code).not.toBe(0);
    expect(err).toContain('demo mode');
    expect(err).toContain('LINE_CHANNEL_ACCESS_TOKEN');
    expect(standin.calls).toHaveLength(0);
  });

  it('names every missing variable when the configuration is half done', async () => {
    const { code, err } = await run({ LINE_CHANNEL_ACCESS_TOKEN: 'x' });
    expect(code).toBe(1);
    const named = err.split('\n').map((line) => /^\s+([A-Z_]+)\s/.exec(line)?.[1]).filter(Boolean);
    expect(named).toEqual(['LINE_CHANNEL_SECRET', 'TOPUP_API_URL', 'TOPUP_USERNAME', 'TOPUP_PASSWORD', 'TOPUP_CALLBACK_SECRET']);
  });

  it('creates the rich menu with its image, makes it the default and prints the webhook URL', async () => {
    const { code, out, err } = await run({
      ...REAL_ENV,
      LINE_API_BASE_URL: origin,
      LINE_DATA_API_BASE_URL: origin,
      PUBLIC_URL: 'https://topup.example.com/',
    });
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('Webhook URL:  https://topup.example.com/webhook');

    const create = standin.calls.find((c) => c.method === 'POST' && c.path === '/v2/bot/richmenu');
    expect(create?.status).toBe(200);
    expect(create?.headers.authorization).toBe(`Bearer ${REAL_ENV.LINE_CHANNEL_ACCESS_TOKEN}`);
    const menu = create!.body as RichMenuBody;
    // LINE's rules: 800–2500 wide, ≥ 250 high, ratio ≥ 1.45; chatBarText ≤ 14; name ≤ 300;
    // 1–20 areas inside the menu.
    expect(menu.size).toEqual({ width: 2500, height: 843 });
    expect(menu.size.width / menu.size.height).toBeGreaterThanOrEqual(1.45);
    expect(menu.selected).toBe(true);
    expect([...menu.chatBarText].length).toBeLessThanOrEqual(14);
    expect(menu.name).toBe('Topup Bot menu');
    expect(menu.chatBarText).toBe('เมนู');
    expect(menu.areas).toHaveLength(3);
    expect(menu.areas.map((a) => a.action)).toEqual([
      { type: 'message', label: 'เติมเงิน', text: 'เติมเงิน' },
      { type: 'message', label: 'เช็คสถานะ', text: 'เช็คสถานะ' },
      { type: 'message', label: 'วิธีใช้', text: 'วิธีใช้' },
    ]);
    // Side by side, no gaps or overlaps, covering the whole menu.
    let x = 0;
    for (const { bounds } of menu.areas) {
      expect(bounds.x).toBe(x);
      expect(bounds.y).toBe(0);
      expect(bounds.height).toBe(843);
      expect(bounds.width).toBeGreaterThan(800);
      x += bounds.width;
    }
    expect(x).toBe(2500);
    for (const area of menu.areas) expect([...(area.action.label ?? '')].length).toBeLessThanOrEqual(20);

    const upload = standin.calls.find((c) => c.path.endsWith('/content'));
    expect(upload?.status).toBe(200);
    expect(upload?.path).toBe(`/v2/bot/richmenu/${encodeURIComponent(standin.defaultRichMenuId()!)}/content`);
    expect(upload?.headers['content-type']).toBe('image/png');
    expect(Number(upload?.headers['content-length'])).toBeLessThanOrEqual(1024 * 1024);

    const id = standin.defaultRichMenuId();
    expect(id).toMatch(/^richmenu-/);
    expect(out).toContain(id!);
  });

  it('explains where the webhook URL comes from when PUBLIC_URL is unset', async () => {
    const { code, out } = await run({ ...REAL_ENV, LINE_API_BASE_URL: origin, LINE_DATA_API_BASE_URL: origin });
    expect(code).toBe(0);
    expect(out).toContain('PUBLIC_URL');
    expect(out).toContain('/webhook');
  });

  it('reports a rejected access token instead of crashing', async () => {
    const { code, err } = await run({ ...REAL_ENV, LINE_CHANNEL_ACCESS_TOKEN: 'wrong-token', LINE_API_BASE_URL: origin, LINE_DATA_API_BASE_URL: origin });
    expect(code).toBe(1);
    expect(err).toContain('401');
  });

  it('works through the real client too (the Blob upload path)', async () => {
    const line = createLineClient({ channelAccessToken: REAL_ENV.LINE_CHANNEL_ACCESS_TOKEN, apiBaseUrl: origin, dataApiBaseUrl: origin });
    const out: string[] = [];
    const code = await runSetupLine({ ...REAL_ENV }, { out: (l) => out.push(l), err: (l) => out.push(l), line });
    expect(code).toBe(0);
  });
});

describe('the rich menu image', () => {
  const png = richMenuImage();
  const image = readPng(png);

  it('is a 2500 × 843 RGB PNG well under LINE’s 1 MB limit', () => {
    expect(image.width).toBe(2500);
    expect(image.height).toBe(843);
    expect(image.colourType).toBe(2);
    expect(png.length).toBeLessThan(1024 * 1024);
  });

  it('paints each area in its colour, with white drawing (icon, label) on it', () => {
    const areaX = [416, 1250, 2083];
    RICH_MENU_BUTTONS.forEach((button, i) => {
      expect(image.rgb(areaX[i]! - 300, 40)).toEqual(button.color);
      // Somewhere along the label's row the text is white.
      let white = 0;
      for (let x = areaX[i]! - 200; x < areaX[i]! + 200; x++) if (image.rgb(x, 610).every((c) => c > 240)) white++;
      expect(white, button.label).toBeGreaterThan(10);
    });
  });

  it('has a label mask for every button', () => {
    for (const button of RICH_MENU_BUTTONS) expect(labelMasks().map((m) => m.text)).toContain(button.label);
  });

  it('encodes PNG chunks that a decoder accepts (round trip)', () => {
    const rgb = new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30]);
    const small = readPng(encodePng(2, 2, rgb));
    expect([small.rgb(0, 0), small.rgb(1, 0), small.rgb(0, 1), small.rgb(1, 1)]).toEqual([
      [255, 0, 0],
      [0, 255, 0],
      [0, 0, 255],
      [10, 20, 30],
    ]);
  });
});
