/**
 * Colour science for the map's palette: how far apart two colours look, to people with normal colour
 * vision and to people with each kind of dichromacy. Used by the palette's tests (test/map/colour.test.ts)
 * and by anyone checking a new palette; nothing here runs when the map draws.
 *
 * 1. sRGB → CIELAB (D65): IEC 61966-2-1 sRGB decoding to linear light, the sRGB → XYZ matrix, then the
 *    CIE 1976 L*a*b* formulas with the D65 white point.
 * 2. CIEDE2000 colour difference: Sharma, Wu & Dalal (2005), "The CIEDE2000 color-difference formula:
 *    implementation notes, supplementary test data, and mathematical observations", with kL = kC = kH = 1.
 *    About 1 is a just-noticeable difference between two large patches side by side; small dots on a
 *    map need far more (see CLUSTER_MIN_DELTA_E in palette.ts).
 * 3. Colour-vision deficiency: Machado, Oliveira & Fernandes (2009), "A physiologically-based model for
 *    simulation of color vision deficiency", their severity-1.0 matrices (protanopia, deuteranopia,
 *    tritanopia) applied to linear sRGB and clamped to the gamut. Machado's model is the one Chromium's
 *    DevTools and most design tools use; it is good for protan and deutan; for tritan it is an
 *    approximation (Brettel et al. 1997 models tritanopia better), which is enough for a palette check.
 *
 * Cost: O(1) per colour or pair; `getMinDeltaE` is O(k²) for k colours.
 */

/** Ways of seeing a colour: normal vision and the three dichromacies. */
export const VISIONS = ['normal', 'protan', 'deutan', 'tritan'] as const;
export type Vision = (typeof VISIONS)[number];

/** Linear-light or gamma-encoded RGB, each channel 0–1. */
export type Rgb = readonly [number, number, number];
/** CIELAB L*, a*, b* (D65). */
export type Lab = readonly [number, number, number];
type Matrix3 = readonly [Rgb, Rgb, Rgb];

/** `#rrggbb` or `#rgb` (any case) → gamma-encoded sRGB 0–1. Throws on anything else. */
export function toRgb(hex: string): Rgb {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`map/colour: "${hex}" is not a hex colour. Write it as #rrggbb.`);
  const digits = m[1]!.length === 3 ? [...m[1]!].map((d) => d + d).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16) / 255) as unknown as Rgb;
}

/** Gamma-encoded sRGB → `#rrggbb` (channels clamped to 0–1 and rounded). */
export function toHex(rgb: Rgb): string {
  return `#${rgb
    .map((c) =>
      Math.round(Math.min(1, Math.max(0, c)) * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** sRGB decoding (IEC 61966-2-1): gamma-encoded channel → linear light. */
function toLinearChannel(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Linear light → gamma-encoded sRGB channel. */
function toEncodedChannel(c: number): number {
  return c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055;
}

function multiply(m: Matrix3, v: Rgb): Rgb {
  return [
    m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
    m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
    m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2],
  ];
}

/** Linear sRGB → XYZ (D65, Y of white = 1), IEC 61966-2-1. */
const SRGB_TO_XYZ: Matrix3 = [
  [0.4124564, 0.3575761, 0.1804375],
  [0.2126729, 0.7151522, 0.072175],
  [0.0193339, 0.119192, 0.9503041],
];
/** D65 reference white, Y = 1. */
const D65 = [0.95047, 1, 1.08883] as const;

/** Gamma-encoded sRGB (0–1) → CIELAB (D65). */
export function toLab(rgb: Rgb): Lab {
  const xyz = multiply(SRGB_TO_XYZ, rgb.map(toLinearChannel) as unknown as Rgb);
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
  const [fx, fy, fz] = [f(xyz[0] / D65[0]), f(xyz[1] / D65[1]), f(xyz[2] / D65[2])];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** Machado et al. (2009), severity 1.0, on linear sRGB. */
const MACHADO_2009: Record<Exclude<Vision, 'normal'>, Matrix3> = {
  protan: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deutan: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritan: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** How a gamma-encoded sRGB colour looks with the given vision (Machado et al. 2009); 'normal' returns it unchanged. */
export function toSimulatedRgb(rgb: Rgb, vision: Vision): Rgb {
  if (vision === 'normal') return rgb;
  const linear = multiply(MACHADO_2009[vision], rgb.map(toLinearChannel) as unknown as Rgb);
  return linear.map((c) => toEncodedChannel(Math.min(1, Math.max(0, c)))) as unknown as Rgb;
}

const deg = Math.PI / 180;

/** CIEDE2000 difference of two CIELAB colours (Sharma et al. 2005), kL = kC = kH = 1. */
export function getDeltaE2000(lab1: Lab, lab2: Lab): number {
  const [L1, a1, b1] = lab1;
  const [L2, a2, b2] = lab2;
  // 1. a' from the mean chroma (G), then C' and h' (degrees, 0 for neutral colours).
  const meanC = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const G = 0.5 * (1 - Math.sqrt(meanC ** 7 / (meanC ** 7 + 25 ** 7)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1p = Math.hypot(a1p, b1);
  const C2p = Math.hypot(a2p, b2);
  const hue = (b: number, ap: number) => (b === 0 && ap === 0 ? 0 : (Math.atan2(b, ap) / deg + 360) % 360);
  const h1p = hue(b1, a1p);
  const h2p = hue(b2, a2p);
  // 2. ΔL', ΔC', ΔH'.
  const dLp = L2 - L1;
  const dCp = C2p - C1p;
  let dhp = 0;
  if (C1p * C2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(C1p * C2p) * Math.sin((dhp / 2) * deg);
  // 3. Means, weighting functions and the rotation term.
  const Lbp = (L1 + L2) / 2;
  const Cbp = (C1p + C2p) / 2;
  let hbp = h1p + h2p;
  if (C1p * C2p !== 0) {
    if (Math.abs(h1p - h2p) <= 180) hbp /= 2;
    else hbp = h1p + h2p < 360 ? (hbp + 360) / 2 : (hbp - 360) / 2;
  }
  const T =
    1 -
    0.17 * Math.cos((hbp - 30) * deg) +
    0.24 * Math.cos(2 * hbp * deg) +
    0.32 * Math.cos((3 * hbp + 6) * deg) -
    0.2 * Math.cos((4 * hbp - 63) * deg);
  const dTheta = 30 * Math.exp(-(((hbp - 275) / 25) ** 2));
  const RC = 2 * Math.sqrt(Cbp ** 7 / (Cbp ** 7 + 25 ** 7));
  const SL = 1 + (0.015 * (Lbp - 50) ** 2) / Math.sqrt(20 + (Lbp - 50) ** 2);
  const SC = 1 + 0.045 * Cbp;
  const SH = 1 + 0.015 * Cbp * T;
  const RT = -Math.sin(2 * dTheta * deg) * RC;
  const l = dLp / SL;
  const c = dCp / SC;
  const h = dHp / SH;
  return Math.sqrt(l * l + c * c + h * h + RT * c * h);
}

/** CIEDE2000 between two hex colours as seen with `vision`. Default normal vision. */
export function getColourDifference(hex1: string, hex2: string, vision: Vision = 'normal'): number {
  return getDeltaE2000(toLab(toSimulatedRgb(toRgb(hex1), vision)), toLab(toSimulatedRgb(toRgb(hex2), vision)));
}

export interface MinDifference {
  /** The smallest CIEDE2000 between any two of the colours (Infinity for fewer than two). */
  deltaE: number;
  /** The closest pair, as given. */
  pair: [string, string] | undefined;
}

/** The closest two of `colours` as seen with `vision` (default normal). O(k²). */
export function getMinDeltaE(colours: readonly string[], vision: Vision = 'normal'): MinDifference {
  const labs = colours.map((c) => toLab(toSimulatedRgb(toRgb(c), vision)));
  let best: MinDifference = { deltaE: Infinity, pair: undefined };
  for (let i = 0; i < labs.length; i++)
    for (let j = i + 1; j < labs.length; j++) {
      const d = getDeltaE2000(labs[i]!, labs[j]!);
      if (d < best.deltaE) best = { deltaE: d, pair: [colours[i]!, colours[j]!] };
    }
  return best;
}
