// axe on every foundation page, signed in as the admin, in Spanish.
import { test } from '@playwright/test';
import { expectAccessible, signIn } from '../support.ts';

const pages = ['/', '/users', '/users/new', '/roles', '/organisations', '/audit', '/account/password', '/account/two-factor'];

test('foundation pages have no serious or critical axe violation', async ({ page }) => {
  await signIn(page, 'admin');
  for (const path of pages) {
    await test.step(path, async () => {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await expectAccessible(page);
    });
  }
});
