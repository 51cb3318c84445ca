import { describe, expect, it } from 'vitest';
import { BADGE_TONES, contrastRatio, PAGE_BACKGROUND } from './badge-tones.ts';

describe('badge tones', () => {
  it('computes the WCAG ratio (black on white is 21, a colour on itself is 1)', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#364fc7', '#364fc7')).toBe(1);
  });

  it.each(Object.entries(BADGE_TONES))('%s is readable filled and outlined (AA, 4.5:1)', (_tone, colours) => {
    expect(contrastRatio(colours.onFill, colours.fill)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(colours.ink, PAGE_BACKGROUND)).toBeGreaterThanOrEqual(4.5);
  });
});
