/**
 * The colours of every state badge, chosen so that text and background reach WCAG 2.2 AA (4.5:1
 * for normal text) in both the filled and the outline look. The meaning is in the words; the colour
 * only repeats it (WCAG 1.4.1).
 */
export type BadgeTone = 'positive' | 'negative' | 'warning' | 'info' | 'neutral' | 'sensitive';

export interface ToneColours {
  /** Filled look: background and text. */
  fill: string;
  onFill: string;
  /** Outline look: border and text on the page's white. */
  ink: string;
}

export const BADGE_TONES: Record<BadgeTone, ToneColours> = {
  positive: { fill: '#0a6b4c', onFill: '#ffffff', ink: '#0a6b4c' },
  negative: { fill: '#b02525', onFill: '#ffffff', ink: '#b02525' },
  warning: { fill: '#ffd43b', onFill: '#1a1b1e', ink: '#8a4600' },
  info: { fill: '#1c5296', onFill: '#ffffff', ink: '#1c5296' },
  neutral: { fill: '#495057', onFill: '#ffffff', ink: '#3d4349' },
  sensitive: { fill: '#74288a', onFill: '#ffffff', ink: '#74288a' },
};

export const PAGE_BACKGROUND = '#ffffff';

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].toSorted((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
