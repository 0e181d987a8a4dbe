/**
 * Colour-vision checks for verdict colours: simulate the common colour-vision deficiencies
 * (Machado, Oliveira & Fernandes 2009, "A Physiologically-based Model for Simulation of Color
 * Vision Deficiency", severity 1.0, applied to linear RGB) and measure how far apart two colours
 * look with CIEDE2000 (Sharma, Wu & Dalal 2005) in CIELAB (D65). Pure; no DOM.
 */

export type Vision = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia';
export const VISIONS: readonly Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];

type Matrix = readonly [readonly [number, number, number], readonly [number, number, number], readonly [number, number, number]];
type Rgb = [number, number, number];

/** Machado et al. 2009, table of severity 1.0 (dichromacy), for linear RGB. */
export const MACHADO_MATRICES: Readonly<Record<Exclude<Vision, 'normal'>, Matrix>> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const HEX = /^#([0-9a-f]{6})$/i;

/** Linear-light sRGB channels (0–1) of a #rrggbb colour. Throws on anything else. */
export function hexToLinearRgb(hex: string): Rgb {
  const m = HEX.exec(hex.trim());
  if (!m) throw new Error(`Not a hex colour: ${hex}`);
  const n = parseInt(m[1] ?? '', 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
}

function linearToHex(rgb: Rgb): string {
  return `#${rgb
    .map((c) => {
      const v = Math.min(1, Math.max(0, c));
      const s = v <= 0.0031308 ? v * 12.92 : 1.055 * v ** (1 / 2.4) - 0.055;
      return Math.round(s * 255)
        .toString(16)
        .padStart(2, '0');
    })
    .join('')}`;
}

/** Linear RGB as seen with `vision` (clamped to the displayable range). */
function simulateLinear(rgb: Rgb, vision: Vision): Rgb {
  if (vision === 'normal') return rgb;
  const m = MACHADO_MATRICES[vision];
  return m.map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]))) as Rgb;
}

/** `hex` as someone with `vision` sees it, as #rrggbb. */
export function simulate(hex: string, vision: Vision): string {
  return linearToHex(simulateLinear(hexToLinearRgb(hex), vision));
}

export interface Lab {
  L: number;
  a: number;
  b: number;
}

/** CIELAB (D65 white) of linear sRGB. */
function linearToLab([r, g, b]: Rgb): Lab {
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const [fx, fy, fz] = [f(x), f(y), f(z)];
  return { L: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz) };
}

/** CIELAB (D65) of a #rrggbb colour, optionally as seen with a colour-vision deficiency. */
export function hexToLab(hex: string, vision: Vision = 'normal'): Lab {
  return linearToLab(simulateLinear(hexToLinearRgb(hex), vision));
}

const deg = (r: number) => (r * 180) / Math.PI;
const rad = (d: number) => (d * Math.PI) / 180;

/** CIEDE2000 colour difference (kL = kC = kH = 1), per Sharma, Wu & Dalal (2005). */
export function deltaE2000(lab1: Lab, lab2: Lab): number {
  const { L: L1, a: a1, b: b1 } = lab1;
  const { L: L2, a: a2, b: b2 } = lab2;
  const C1 = Math.hypot(a1, b1);
  const C2 = Math.hypot(a2, b2);
  const Cbar7 = ((C1 + C2) / 2) ** 7;
  const G = 0.5 * (1 - Math.sqrt(Cbar7 / (Cbar7 + 25 ** 7)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1p = Math.hypot(a1p, b1);
  const C2p = Math.hypot(a2p, b2);
  const hue = (b: number, ap: number) => (b === 0 && ap === 0 ? 0 : (deg(Math.atan2(b, ap)) + 360) % 360);
  const h1p = hue(b1, a1p);
  const h2p = hue(b2, a2p);
  const dLp = L2 - L1;
  const dCp = C2p - C1p;
  let dhp = 0;
  if (C1p * C2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(C1p * C2p) * Math.sin(rad(dhp / 2));
  const Lbarp = (L1 + L2) / 2;
  const Cbarp = (C1p + C2p) / 2;
  let hbarp = h1p + h2p;
  if (C1p * C2p !== 0) {
    if (Math.abs(h1p - h2p) <= 180) hbarp = (h1p + h2p) / 2;
    else hbarp = h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
  }
  const T = 1 - 0.17 * Math.cos(rad(hbarp - 30)) + 0.24 * Math.cos(rad(2 * hbarp)) + 0.32 * Math.cos(rad(3 * hbarp + 6)) - 0.2 * Math.cos(rad(4 * hbarp - 63));
  const dTheta = 30 * Math.exp(-(((hbarp - 275) / 25) ** 2));
  const Cbarp7 = Cbarp ** 7;
  const Rc = 2 * Math.sqrt(Cbarp7 / (Cbarp7 + 25 ** 7));
  const Sl = 1 + (0.015 * (Lbarp - 50) ** 2) / Math.sqrt(20 + (Lbarp - 50) ** 2);
  const Sc = 1 + 0.045 * Cbarp;
  const Sh = 1 + 0.015 * Cbarp * T;
  const Rt = -Math.sin(rad(2 * dTheta)) * Rc;
  return Math.sqrt((dLp / Sl) ** 2 + (dCp / Sc) ** 2 + (dHp / Sh) ** 2 + Rt * (dCp / Sc) * (dHp / Sh));
}

/** How different two #rrggbb colours look (CIEDE2000) to someone with `vision`. */
export function visionDeltaE(hexA: string, hexB: string, vision: Vision = 'normal'): number {
  return deltaE2000(hexToLab(hexA, vision), hexToLab(hexB, vision));
}

export interface ClosestPair {
  vision: Vision;
  a: string;
  b: string;
  deltaE: number;
}

/**
 * The least distinguishable pair of `colors` (labelled by `names`) for each vision, and overall.
 * Needs at least two colours.
 */
export function closestPairs(colors: ReadonlyArray<{ name: string; color: string }>, visions: readonly Vision[] = VISIONS): { byVision: ClosestPair[]; worst: ClosestPair } {
  if (colors.length < 2) throw new Error('Need at least two colours to compare.');
  const byVision = visions.map((vision) => {
    const labs = colors.map((c) => hexToLab(c.color, vision));
    let best: ClosestPair = { vision, a: '', b: '', deltaE: Infinity };
    for (let i = 0; i < colors.length; i++)
      for (let j = i + 1; j < colors.length; j++) {
        const d = deltaE2000(labs[i]!, labs[j]!);
        if (d < best.deltaE) best = { vision, a: colors[i]!.name, b: colors[j]!.name, deltaE: d };
      }
    return best;
  });
  const worst = byVision.reduce((w, p) => (p.deltaE < w.deltaE ? p : w));
  return { byVision, worst };
}
