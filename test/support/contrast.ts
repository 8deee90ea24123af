/**
 * WCAG 2.x contrast: relative luminance of sRGB colours and the ratio between two of them.
 * Colours are CSS hex (#rgb, #rrggbb) or Adaptive Cards host-config hex with alpha first
 * (#aarrggbb); a translucent colour is blended over the background first.
 */
export type Rgb = readonly [number, number, number];

interface Rgba {
  readonly rgb: Rgb;
  readonly alpha: number;
}

function parseHex(hex: string, alphaFirst: boolean): Rgba {
  let digits = hex.trim().replace(/^#/, '');
  if (digits.length === 3) digits = digits.split('').map((d) => d + d).join('');
  if (!/^([0-9a-f]{6}|[0-9a-f]{8})$/i.test(digits)) throw new Error(`not a hex colour: ${hex}`);
  const bytes = digits.match(/../g)!.map((pair) => parseInt(pair, 16));
  if (bytes.length === 3) return { rgb: [bytes[0], bytes[1], bytes[2]], alpha: 1 };
  return alphaFirst ? { rgb: [bytes[1], bytes[2], bytes[3]], alpha: bytes[0] / 255 } : { rgb: [bytes[0], bytes[1], bytes[2]], alpha: bytes[3] / 255 };
}

function luminance([r, g, b]: Rgb): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The contrast ratio (1 to 21) of `foreground` text on `background`. */
export function contrastRatio(foreground: string, background: string, options: { alphaFirst?: boolean } = {}): number {
  const alphaFirst = options.alphaFirst ?? false;
  const bg = parseHex(background, alphaFirst).rgb;
  const fg = parseHex(foreground, alphaFirst);
  const blended = fg.rgb.map((c, i) => Math.round(c * fg.alpha + bg[i] * (1 - fg.alpha))) as unknown as Rgb;
  const [light, dark] = [luminance(blended), luminance(bg)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG AA for normal-size text. */
export const AA_NORMAL_TEXT = 4.5;
