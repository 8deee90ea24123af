import { PNG } from 'pngjs';

export interface IconFile {
  readonly name: string;
  readonly bytes: Buffer;
}

/** Teams' icon rules: color 192x192; outline 32x32, white on a transparent background. */
export function checkIcons(color: IconFile, outline: IconFile): string[] {
  const problems: string[] = [];
  const colorImage = decode(color, problems);
  if (colorImage) problems.push(...checkSize(color.name, colorImage, 192));
  const outlineImage = decode(outline, problems);
  if (outlineImage) problems.push(...checkSize(outline.name, outlineImage, 32), ...checkWhiteOnTransparent(outline.name, outlineImage));
  return problems;
}

function decode(icon: IconFile, problems: string[]): PNG | null {
  try {
    return PNG.sync.read(icon.bytes);
  } catch (error) {
    problems.push(`${icon.name}: not a readable PNG (${error instanceof Error ? error.message : String(error)})`);
    return null;
  }
}

function checkSize(name: string, image: PNG, size: number): string[] {
  return image.width === size && image.height === size ? [] : [`${name}: is ${image.width}x${image.height} pixels; Teams needs ${size}x${size}`];
}

function checkWhiteOnTransparent(name: string, image: PNG): string[] {
  const { data } = image;
  let transparent = 0;
  let nonWhite = 0;
  let example = '';
  for (let i = 0; i < data.length; i += 4) {
    const alpha = data[i + 3];
    if (alpha === 0) transparent += 1;
    // Anti-aliased edges stay white and vary only in alpha; a coloured or grey pixel is a mistake.
    else if (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250) {
      nonWhite += 1;
      if (example === '') example = ` (first at x=${(i / 4) % image.width}, y=${Math.floor(i / 4 / image.width)}: rgba(${data[i]}, ${data[i + 1]}, ${data[i + 2]}, ${alpha}))`;
    }
  }
  const problems: string[] = [];
  if (transparent === 0) problems.push(`${name}: has no transparent pixels; the outline icon must be a white emblem on a transparent background`);
  if (nonWhite > 0) problems.push(`${name}: ${nonWhite} visible pixels are not white${example}; Teams tints the outline icon and needs it white only`);
  return problems;
}
