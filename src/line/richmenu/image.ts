/**
 * The rich menu image, drawn in-process: three coloured buttons with a white line icon and a
 * Thai label each, encoded as PNG (png.ts). No image library, nothing downloaded.
 *
 * Shapes are signed distance functions painted with one pixel of analytic anti-aliasing; the
 * labels are alpha masks drawn once by make-labels.ts (see there for why).
 */
import { labelMasks } from './label-masks.ts';
import { areaBounds, RICH_MENU_BUTTONS, RICH_MENU_HEIGHT, RICH_MENU_WIDTH, type RichMenuButton } from './layout.ts';
import { encodePng } from './png.ts';

type Rgb = readonly [number, number, number];
/** Signed distance from (x, y) to a shape's edge: negative inside. */
type Sdf = (x: number, y: number) => number;
interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export class Canvas {
  readonly data: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb = [255, 255, 255],
  ) {
    this.data = new Uint8Array(width * height * 3);
    for (let i = 0; i < this.data.length; i += 3) this.data.set(background, i);
  }

  rect(x: number, y: number, w: number, h: number, color: Rgb): void {
    for (let row = Math.max(0, y); row < Math.min(this.height, y + h); row++) {
      for (let col = Math.max(0, x); col < Math.min(this.width, x + w); col++) this.data.set(color, (row * this.width + col) * 3);
    }
  }

  /** Paints where `sdf` < 0, blending the one-pixel edge; only inside `box` is evaluated. */
  paint(sdf: Sdf, box: Box, color: Rgb, opacity = 1): void {
    const x0 = Math.max(0, Math.floor(box.x0) - 1);
    const y0 = Math.max(0, Math.floor(box.y0) - 1);
    const x1 = Math.min(this.width, Math.ceil(box.x1) + 1);
    const y1 = Math.min(this.height, Math.ceil(box.y1) + 1);
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const coverage = Math.min(1, Math.max(0, 0.5 - sdf(x + 0.5, y + 0.5))) * opacity;
        if (coverage > 0) this.blend(x, y, color, coverage);
      }
    }
  }

  /** Paints an 8-bit alpha mask with its top-left corner at (left, top). */
  mask(alpha: Uint8Array, maskWidth: number, left: number, top: number, color: Rgb): void {
    const maskHeight = alpha.length / maskWidth;
    for (let my = 0; my < maskHeight; my++) {
      for (let mx = 0; mx < maskWidth; mx++) {
        const a = alpha[my * maskWidth + mx]!;
        if (a > 0) this.blend(left + mx, top + my, color, a / 255);
      }
    }
  }

  private blend(x: number, y: number, color: Rgb, a: number): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = (y * this.width + x) * 3;
    for (let c = 0; c < 3; c++) this.data[i + c] = Math.round(this.data[i + c]! * (1 - a) + color[c]! * a);
  }

  toPng(): Buffer {
    return encodePng(this.width, this.height, this.data);
  }
}

// ---------------------------------------------------------------------------------------------
// Distance functions

export function roundedRect(cx: number, cy: number, halfW: number, halfH: number, r: number): Sdf {
  return (x, y) => {
    const qx = Math.abs(x - cx) - halfW + r;
    const qy = Math.abs(y - cy) - halfH + r;
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
  };
}

export function circle(cx: number, cy: number, r: number): Sdf {
  return (x, y) => Math.hypot(x - cx, y - cy) - r;
}

/** The outline of a shape, `width` thick. */
export function stroke(shape: Sdf, width: number): Sdf {
  return (x, y) => Math.abs(shape(x, y)) - width / 2;
}

/** A polyline with round caps and joins, `width` thick. */
export function polyline(points: readonly (readonly [number, number])[], width: number): Sdf {
  return (x, y) => {
    let best = Infinity;
    for (let i = 1; i < points.length; i++) {
      const [ax, ay] = points[i - 1]!;
      const [bx, by] = points[i]!;
      const dx = bx - ax;
      const dy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
      best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
    }
    return best - width / 2;
  };
}

function union(...shapes: Sdf[]): Sdf {
  return (x, y) => Math.min(...shapes.map((s) => s(x, y)));
}

function around(cx: number, cy: number, half: number): Box {
  return { x0: cx - half, y0: cy - half, x1: cx + half, y1: cy + half };
}

// ---------------------------------------------------------------------------------------------
// Icons: white line drawings centred on (cx, cy), about 2 × s tall

const WHITE: Rgb = [255, 255, 255];

function drawIcon(canvas: Canvas, icon: RichMenuButton['icon'], cx: number, cy: number, s: number, background: Rgb): void {
  const w = s * 0.16; // line width
  const box = around(cx, cy, s * 1.2);
  switch (icon) {
    case 'topup': {
      // A phone with a plus on its screen.
      const body = roundedRect(cx, cy, s * 0.58, s, s * 0.2);
      canvas.paint(stroke(body, w), box, WHITE);
      canvas.paint(circle(cx, cy + s * 0.7, w * 0.55), box, WHITE);
      const plus = union(
        polyline([[cx, cy - s * 0.4], [cx, cy + s * 0.16]], w),
        polyline([[cx - s * 0.28, cy - s * 0.12], [cx + s * 0.28, cy - s * 0.12]], w),
      );
      canvas.paint(plus, box, WHITE);
      break;
    }
    case 'status': {
      // A receipt with two lines and a tick.
      const paper = roundedRect(cx, cy, s * 0.72, s, s * 0.16);
      canvas.paint(stroke(paper, w), box, WHITE);
      canvas.paint(polyline([[cx - s * 0.38, cy - s * 0.5], [cx + s * 0.38, cy - s * 0.5]], w), box, WHITE);
      canvas.paint(polyline([[cx - s * 0.38, cy - s * 0.1], [cx + s * 0.08, cy - s * 0.1]], w), box, WHITE);
      // The tick sits in a filled badge over the corner.
      const bx = cx + s * 0.62;
      const by = cy + s * 0.62;
      canvas.paint(circle(bx, by, s * 0.5), around(bx, by, s * 0.6), background);
      canvas.paint(circle(bx, by, s * 0.42), around(bx, by, s * 0.6), WHITE);
      canvas.paint(
        polyline([[bx - s * 0.2, by + s * 0.01], [bx - s * 0.05, by + s * 0.16], [bx + s * 0.22, by - s * 0.14]], w * 0.75),
        around(bx, by, s * 0.6),
        background,
      );
      break;
    }
    case 'help': {
      // A question mark in a ring.
      canvas.paint(stroke(circle(cx, cy, s * 0.95), w), box, WHITE);
      const r = s * 0.3;
      const ay = cy - s * 0.2;
      const arc: [number, number][] = [];
      for (let deg = 200; deg <= 420; deg += 10) {
        const rad = (deg * Math.PI) / 180;
        arc.push([cx + r * Math.cos(rad), ay + r * Math.sin(rad)]);
      }
      const end = arc[arc.length - 1]!;
      arc.push([cx + s * 0.02, end[1] + s * 0.12], [cx, cy + s * 0.22]);
      canvas.paint(polyline(arc, w), box, WHITE);
      canvas.paint(circle(cx, cy + s * 0.52, w * 0.62), box, WHITE);
      break;
    }
  }
}

function darker(c: Rgb, by: number): Rgb {
  return [Math.round(c[0] * by), Math.round(c[1] * by), Math.round(c[2] * by)];
}

/** The 2500 × 843 rich menu image as PNG bytes. */
export function richMenuImage(): Buffer {
  const canvas = new Canvas(RICH_MENU_WIDTH, RICH_MENU_HEIGHT);
  const areas = areaBounds();
  RICH_MENU_BUTTONS.forEach((button, i) => {
    const { x, width } = areas[i]!;
    canvas.rect(x, 0, width, RICH_MENU_HEIGHT, button.color);
    // A soft darker band at the bottom gives the flat tiles a little depth.
    canvas.rect(x, RICH_MENU_HEIGHT - 14, width, 14, darker(button.color, 0.88));
    const cx = x + width / 2;
    drawIcon(canvas, button.icon, cx, 300, 150, button.color);
    const label = labelMasks().find((m) => m.text === button.label);
    if (label) {
      // Baseline at y = 640, centred.
      canvas.mask(label.alpha, label.width, Math.round(cx - label.width / 2), 640 - label.baseline, WHITE);
    }
  });
  // Thin white gaps between the buttons.
  for (const { x } of areas.slice(1)) canvas.rect(x - 2, 0, 4, RICH_MENU_HEIGHT, [255, 255, 255]);
  return canvas.toPng();
}
