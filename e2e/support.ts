/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './playwright.config.ts';

/** Signs a demo user in from the (Spanish) login page of a fresh browser context. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  if (!page.url().endsWith('/login')) await page.goto('/login');
  await page.getByLabel('Usuario').fill(username);
  await page.getByLabel('Contraseña').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Fails on any serious or critical accessibility violation, listing them. */
export async function expectAccessible(page: Page): Promise<void> {
  // A toast fading in has the contrast of its half-drawn frame: measure once finite transitions end
  // (spinners loop for ever and are left out).
  await page.waitForFunction(() => document.getAnimations()
    .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity), undefined, { timeout: 5_000 }).catch(() => undefined);
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/**
 * Every badge is readable: its text against its own (or nearest painted) background reaches WCAG
 * AA, 4.5:1. axe skips some of these (text over a colour set by a CSS variable), so we measure.
 */
export async function expectReadableBadges(page: Page): Promise<void> {
  // The helpers live inside the callback: it runs in the page, which sees nothing of this module.
  /* oxlint-disable unicorn/consistent-function-scoping */
  const unreadable = await page.evaluate(() => {
    const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
    const channel = (c: number) => { const s = c / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    const background = (element: Element | null): number[] => {
      for (let e = element; e; e = e.parentElement) {
        const [r = 0, g = 0, b = 0, a = 1] = rgb(getComputedStyle(e).backgroundColor);
        if (a > 0.5) return [r, g, b];
      }
      return [255, 255, 255];
    };
    return [...document.querySelectorAll('.mantine-Badge-root')].flatMap((badge) => {
      const label = badge.querySelector('.mantine-Badge-label') ?? badge;
      if (!(label instanceof HTMLElement) || label.offsetParent === null || !label.innerText.trim()) return [];
      const [l1, l2] = [luminance(rgb(getComputedStyle(label).color)), luminance(background(label))];
      const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
      return ratio < 4.5 ? [`"${label.innerText}" ${ratio.toFixed(2)}:1`] : [];
    });
  });
  /* oxlint-enable unicorn/consistent-function-scoping */
  expect(unreadable, 'badges below 4.5:1').toEqual([]);
}

/**
 * No text is cut: an element that hides its overflow (or ends it with "…") holds all of its own
 * text. Containers that scroll are fine; a label that reads "En tie…" or "Retira" is not.
 */
export async function expectNothingClipped(page: Page): Promise<void> {
  /* oxlint-disable unicorn/consistent-function-scoping -- runs in the page */
  const clipped = await page.evaluate(() => {
    const ownText = (e: Element) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
    return [...document.querySelectorAll('body *')].flatMap((element) => {
      if (!(element instanceof HTMLElement) || element.offsetParent === null || !ownText(element)) return [];
      const style = getComputedStyle(element);
      const hides = style.textOverflow === 'ellipsis' || ['hidden', 'clip'].includes(style.overflowX);
      if (!hides || style.overflowX === 'auto' || style.overflowX === 'scroll') return [];
      return element.scrollWidth > element.clientWidth + 1 ? [`"${element.innerText.slice(0, 60)}" (${element.scrollWidth}px in ${element.clientWidth}px)`] : [];
    });
  });
  /* oxlint-enable unicorn/consistent-function-scoping */
  expect(clipped, 'text cut off').toEqual([]);
}

/** axe, badge contrast and clipping together: what every page of a journey must pass. */
export async function expectLegible(page: Page): Promise<void> {
  await expectAccessible(page);
  await expectReadableBadges(page);
  await expectNothingClipped(page);
}
