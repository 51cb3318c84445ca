// Calendar administration in Spanish: the statutory rules with their sources, a due date explained
// day by day, and a suspension declared through the wizard (preview first, then confirm).
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../support.ts';

test('an administrator explains a due date and declares a suspension with its DOF citation', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Calendarios' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Calendarios de días hábiles' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '16 de septiembre', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: '16/09 de cada año', exact: true })).toBeVisible();
  await expectAccessible(page);

  // Lodged the day before 16 September 2026: three working days fall on Monday 21 September.
  await page.getByLabel('Fecha del hecho').fill('2026-09-15');
  await page.getByLabel('Días hábiles').fill('3');
  await expect(page.getByText('Vence el 21/09/2026')).toBeVisible();
  await expect(page.getByText('16/09/2026 — Día festivo: 16 de septiembre (LFPA art. 28)')).toBeVisible();

  // The suspension goes on the labour-law calendar, so other journeys keep the claims default intact.
  await page.getByRole('button', { name: 'Ver reglas de LFT_ART_74' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Ley Federal del Trabajo/ })).toBeVisible();
  await page.getByRole('button', { name: 'Declarar suspensión de plazos' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Desde').fill('2026-06-15');
  await dialog.getByLabel('Hasta').fill('2026-06-19');
  await dialog.getByLabel('Descripción').fill('Suspensión de plazos (prueba)');
  await dialog.getByLabel('Cita del DOF').fill('DOF 12/06/2026, Acuerdo de prueba');
  await dialog.getByRole('button', { name: 'Calcular efecto' }).click();
  await expect(dialog.getByText(/Solicitudes cuyo vencimiento cambia: 0/)).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Confirmar y recalcular' }).click();
  await expect(dialog.getByText('Aplicado')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cerrar' }).last().click();
  await expect(page.getByRole('cell', { name: '15/06/2026 – 19/06/2026', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'DOF 12/06/2026, Acuerdo de prueba', exact: true })).toBeVisible();
});
