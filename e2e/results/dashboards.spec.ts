// Results dashboards (ADR 042) in Spanish: the national head compares the offices and downloads the
// annual UNHCR table; the observer sees aggregates with small numbers suppressed and no personal
// data; the supervisor sees the office's workload. Every page passes axe.
import { expect as baseExpect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../support.ts';

const lastYear = new Date().getFullYear() - 1;
// The page loads its chart library on first use and each tab asks the API for its figures: on a
// loaded two-core machine that takes longer than the default five seconds.
const expect = baseExpect.configure({ timeout: 30_000 });
test.setTimeout(180_000);

test('the national head compares the offices and downloads the annual UNHCR table', async ({ page }) => {
  await signIn(page, 'jefatura');
  await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Resultados' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Resultados de la autoridad' })).toBeVisible();
  await page.getByRole('button', { name: 'Año anterior' }).click();
  await expect(page.getByRole('tab', { name: 'Panorama nacional', selected: true })).toBeVisible();
  const offices = page.getByRole('region', { name: 'Oficinas comparadas' });
  await expect(offices.getByRole('row', { name: /^COMAR Tapachula/ })).toBeVisible();
  await expect(offices.getByRole('row', { name: /^COMAR Palenque/ })).toBeVisible();
  await expect(offices.getByRole('columnheader', { name: 'Tasa de reconocimiento (%)' })).toBeVisible();
  await expect(offices.getByRole('figure', { name: 'Oficinas comparadas' })).toBeVisible();
  await expect(page.getByText(/^Cifras al /).first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('tab', { name: 'Tabla anual ACNUR' }).click();
  const table = page.getByRole('region', { name: `Estadísticas de determinación de la condición de refugiado (norma ACNUR), ${lastYear}` });
  await expect(table.getByRole('row', { name: /^Total Total P \(personas\)/ })).toBeVisible();
  const download = page.waitForEvent('download');
  await table.getByRole('link', { name: /^Descargar Excel/ }).click();
  expect((await download).suggestedFilename()).toBe(`refugio-rsd-${lastYear}.xlsx`);
  await expectAccessible(page);
});

test('the observer sees aggregates with small numbers suppressed and no personal data', async ({ page }) => {
  await signIn(page, 'acnur');
  await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Resultados' }).click();
  await page.getByRole('button', { name: 'Año anterior' }).click();
  await expect(page.getByText('Cifras agregadas con números pequeños ocultos')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Oficinas comparadas' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '<5', exact: true }).first()).toBeVisible();
  // No officer, applicant or claim number anywhere: aggregates only.
  await expect(page.getByRole('tab', { name: 'Mi oficina' })).toHaveCount(0);
  await expect(page.getByText('Ana Elegibilidad Torres')).toHaveCount(0);
  await expect(page.getByText(/H-TAP-\d{4}/)).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Excel para uso externo/ })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('tab', { name: 'Plazos' }).click();
  await expect(page.getByRole('region', { name: 'Plazo de decisión por oficina', exact: true })).toBeVisible();
  await expectAccessible(page);
});

test('the supervisor reads the office workload, risk bands and deadlines', async ({ page }) => {
  await signIn(page, 'supervisor');
  await page.goto('/results');
  await expect(page.getByRole('tab', { name: 'Mi oficina', selected: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Carga de trabajo por oficial' }).getByRole('row', { name: /Ana Elegibilidad Torres/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Solicitudes abiertas por riesgo de vencimiento' })).toBeVisible();
  await expectAccessible(page);
});
