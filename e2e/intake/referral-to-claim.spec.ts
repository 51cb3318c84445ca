// Intake in Spanish: an INM officer refers a person from the Ciudad Hidalgo border post on a
// phone-sized screen; COMAR Tapachula accepts the referral from its inbox; the claim opens with its
// people and its clocks, each due date explained.
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../support.ts';

test('INM refers a person at the border, COMAR accepts, the claim shows its clocks with their explanation', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'inm');
  await page.goto('/referrals/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Nueva canalización' })).toBeVisible();
  await page.getByLabel('Su oficina').selectOption({ label: 'Punto de internación Ciudad Hidalgo' });
  await page.getByLabel(/^Dónde/).fill('Puente fronterizo Rodolfo Robles');
  await page.getByLabel('Nombre(s)').fill('Dayana');
  await page.getByLabel('Primer apellido').fill('Mejía');
  await page.getByLabel('Fecha de nacimiento').fill('1996-04-02');
  await page.getByRole('button', { name: 'Agregar necesidad' }).click();
  await page.getByLabel('Categoría').selectOption({ label: 'Embarazo' });
  await page.getByLabel('Indicador observado').fill('Embarazo visible');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Enviar a la COMAR' }).click();
  await expect(page.getByText('Recibe: COMAR Tapachula')).toBeVisible();
  await expect(page.getByText(/Aviso de 72 horas: a más tardar/)).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'registro');
  await page.goto('/referrals');
  await expect(page.getByRole('heading', { level: 1, name: 'Canalizaciones' })).toBeVisible();
  const card = page.getByRole('article', { name: 'Dayana Mejía' });
  await card.getByRole('button', { name: 'Ver detalle' }).click();
  await expect(card.getByText('Embarazo: Embarazo visible')).toBeVisible();
  await expectAccessible(page);
  await card.getByRole('button', { name: 'Aceptar y registrar la solicitud' }).click();

  await expect(page).toHaveURL(/\/claims\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: /TAP-\d{4}-\d{6} · Dayana Mejía/ })).toBeVisible();
  await expect(page.getByText('Canalizada por el INM', { exact: false })).toBeVisible();
  const clocks = page.getByRole('region', { name: 'Plazos legales' });
  await expect(clocks.getByText(/Resolución \(45 días hábiles\)/)).toBeVisible();
  await expect(clocks.getByText(/45 días hábiles desde el/)).toBeVisible();
  await expect(clocks.getByText(/Aviso al INM \(72 horas\)/)).toBeVisible();
  await clocks.getByText(/Días inhábiles no contados/).first().click();
  await expect(clocks.getByText(/sábado|domingo|Fin de semana|weekend/i).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Necesidades específicas de protección' }).getByText('Embarazo visible')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Historial' }).getByText('Solicitud registrada')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Admitir' }).click();
  // A legal act is confirmed, saying what it records, before anything is written.
  const confirm = page.getByRole('dialog', { name: '¿Admitir?' });
  await expect(confirm).toContainText('Se registrará el paso «Admitir»');
  await expect(page.getByRole('region', { name: 'Historial' }).getByText('Registrada → Admitida')).toHaveCount(0);
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Admitir' }).click();
  await expect(page.getByRole('region', { name: 'Historial' }).getByText('Registrada → Admitida')).toBeVisible();

  await page.goto('/claims');
  await page.getByLabel('Buscar').fill('mejia dayana');
  await expect(page.getByRole('link', { name: /TAP-\d{4}-\d{6}/ })).toHaveCount(1);
  await expectAccessible(page);
});
