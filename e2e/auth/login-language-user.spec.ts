// The foundation journey: sign in in Spanish, switch to English (remembered on the account),
// create a user as admin, sign out; then the new user signs in with the one-time password.
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../playwright.config.ts';
import { expectAccessible, signIn } from '../support.ts';

// The account remembers English: put the demo admin back in Spanish, which the other journeys
// (and the login page of a fresh browser) expect, even when this test fails half-way.
test.afterAll(async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  const login = await api.post('/api/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  const csrf = login.headers()['x-csrf-token'] ?? ((await login.json()) as { csrfToken: string }).csrfToken;
  expect((await api.put('/api/auth/language', { data: { language: 'es-MX' }, headers: { 'x-csrf-token': csrf } })).status()).toBe(200);
  await api.dispose();
});

test('admin signs in in Spanish, switches to English, creates a user and signs out', async ({ browser, page }) => {
  // A signed-out visitor is not an error: the page loads without a failed request in the console.
  const consoleErrors: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { name: 'Acceso del personal' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es-MX');
  await signIn(page, 'admin');
  await expect(page.getByRole('navigation', { name: 'Navegación principal' })).toBeVisible();

  // Switch to English: the UI changes at once and the choice is saved on the account.
  await page.getByLabel('Idioma', { exact: true }).selectOption('en');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Users' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await nav.getByRole('link', { name: 'Users' }).click();
  await page.getByRole('link', { name: 'New user' }).or(page.getByRole('button', { name: 'New user' })).first().click();
  await page.getByLabel('Username').fill('ana.lopez');
  await page.getByLabel('Full name').fill('Ana López Hernández');
  await page.getByLabel('Email').fill('ana.lopez@comar.example.mx');
  await page.getByLabel('Institution').selectOption({ label: 'COMAR — Comisión Mexicana de Ayuda a Refugiados' });
  await page.getByRole('group', { name: 'Offices' }).getByRole('checkbox', { name: 'COMAR Tapachula' }).check();
  await page.getByRole('group', { name: /Roles/ }).getByRole('checkbox', { name: 'Registration clerk' }).check();
  await page.getByRole('button', { name: 'Save' }).click();

  const oneTime = page.getByTestId('one-time-password');
  await expect(oneTime).toBeVisible();
  const temporaryPassword = (await oneTime.textContent())?.trim() ?? '';
  expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);
  await page.getByRole('button', { name: 'I have noted it' }).click();
  await expect(page.getByRole('cell', { name: 'ana.lopez' }).or(page.getByText('ana.lopez')).first()).toBeVisible();

  await page.getByRole('button', { name: 'User menu for Administración del sistema' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);

  // The account remembers English: on another device, whose login page is in Spanish, the
  // admin's session opens in English.
  const otherDevice = await browser.newContext({ locale: 'es-MX' });
  const elsewhere = await otherDevice.newPage();
  await signIn(elsewhere, 'admin');
  await expect(elsewhere.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Users' })).toBeVisible();
  await expect(elsewhere.locator('html')).toHaveAttribute('lang', 'en');
  await otherDevice.close();

  // The new user signs in with the one-time password (on the device left in English) and is
  // asked to change it, in their own language (Spanish, the default for new accounts).
  await page.getByLabel('Username').fill('ana.lopez');
  await page.getByLabel('Password').fill(temporaryPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Cambie su contraseña', { exact: true })).toBeVisible();
});

test('the login page works with the keyboard alone and passes axe', async ({ page }) => {
  await page.goto('/login');
  await expectAccessible(page);
  await page.keyboard.press('Tab');
  // Tab order: skip link, language, then the form.
  await expect(page.getByRole('link', { name: 'Saltar al contenido principal' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Idioma')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Usuario')).toBeFocused();
  await page.keyboard.type('supervisor');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Contraseña')).toBeFocused();
  await page.keyboard.type('wrong-password-123');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});
