// Password spraying (ADR 021): one address tries one password on ten different usernames; each is
// refused like any wrong password, and the administrator's home page then shows the alert.
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../support.ts';

test('a spray over many usernames raises an alert on the administrator\'s home page', async ({ page, request }) => {
  for (let i = 1; i <= 10; i++) {
    const res = await request.post('/api/auth/login', { data: { username: `rociado-${i}`, password: 'Invierno2026!' } });
    expect(res.status()).toBe(401);
  }
  await signIn(page, 'admin');
  const alert = page.getByRole('alert').filter({ hasText: 'Alerta de seguridad' });
  await expect(alert).toContainText('Alerta de seguridad: 1 ataques de contraseñas en los últimos 7 días');
  await expect(alert).toContainText('se intentó entrar con 10 cuentas distintas en 15 minutos');
  await expectAccessible(page);
  await alert.getByRole('link', { name: 'Revisar la auditoría' }).click();
  await expect(page).toHaveURL(/\/audit$/);
});
