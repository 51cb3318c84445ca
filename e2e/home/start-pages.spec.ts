import { expect, test } from '@playwright/test';
import { expectLegible, signIn } from '../support.ts';

/**
 * Each role's start page shows what that person has to do today, readable on a laptop (1366 px)
 * and on a phone at a border post (390 px): axe, badge contrast and no text cut off. The pictures
 * go to docs/screenshots for the README.
 */
const ROLES = [
  { user: 'registro', role: 'registration-clerk', sections: ['Canalizaciones por recibir', 'Registradas por admitir'] },
  { user: 'elegibilidad', role: 'eligibility-officer', sections: ['Sus expedientes por vencimiento'] },
  { user: 'supervisor', role: 'supervisor', sections: ['Vencidos en su oficina', 'Sin oficial asignado', 'Oficial sin la capacitación requerida'] },
  { user: 'inm', role: 'first-contact-officer', sections: ['Canalizaciones enviadas sin respuesta'] },
  { user: 'capacitacion', role: 'training-coordinator', sections: ['Próximas sesiones de capacitación'] },
  // The observer's work is the aggregates; the interpreter's, their bookings: each lands there.
  { user: 'acnur', role: 'observer', sections: ['Oficinas comparadas'] },
  { user: 'interprete', role: 'interpreter', sections: ['Próximas y recientes', 'Entrevistas en las que participó'] },
] as const;

const WIDTHS = [{ width: 1366, height: 900 }, { width: 390, height: 844 }] as const;

for (const { user, role, sections } of ROLES) {
  test(`${role}: the start page says what to do today, legible at 1366 and 390 px`, async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, user);
    for (const viewport of WIDTHS) {
      await page.setViewportSize(viewport);
      await page.goto('/');
      for (const name of sections) {
        const section = page.getByRole('region', { name });
        await expect(section).toBeVisible({ timeout: 15_000 });
        // Loaded: either rows or the sentence that says there are none.
        await expect(section.locator('.mantine-Loader-root')).toHaveCount(0);
      }
      await expectLegible(page);
      await page.screenshot({ path: `docs/screenshots/${role}-${viewport.width}.png`, fullPage: true });
    }
  });
}

test('the officer sees their own claims, soonest due first, each a link to the file', async ({ page }) => {
  await signIn(page, 'elegibilidad');
  const mine = page.getByRole('region', { name: 'Sus expedientes por vencimiento' });
  await expect(mine.getByRole('link', { name: /^TAP-\d{4}-\d{6}$/ }).first()).toBeVisible({ timeout: 15_000 });
  const dues = await mine.getByText(/^Vence el /).allInnerTexts();
  expect(dues.length).toBeGreaterThan(0);
  await mine.getByRole('link', { name: /^TAP-\d{4}-\d{6}$/ }).first().click();
  await expect(page).toHaveURL(/\/claims\/[0-9a-f-]{36}$/);
});
