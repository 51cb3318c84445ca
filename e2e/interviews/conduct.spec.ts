// The personal interview in Spanish, on the child-adapted questionnaire: the officer starts it
// from the claim (refused first, naming the unmet safeguard), works through the stages, reads the
// record back, makes one correction, takes three signatures (the applicant's drawn on screen) and
// downloads the locked record as PDF; the claim is then recorded as interviewed.
import { readFileSync } from 'node:fs';
import { expect as baseExpect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, signIn } from '../support.ts';
import { csrf, scheduledClaim } from './api.ts';

// A whole interview page (lazy chunk, audited read, autosave) on a machine shared with other suites: more than the default 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });

/** Draws a stroke across a signature canvas with the mouse. */
async function draw(page: Page, canvas: Locator): Promise<void> {
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.15, box.y + box.height * 0.6);
  await page.mouse.down();
  for (const [x, y] of [[0.3, 0.3], [0.45, 0.7], [0.6, 0.35], [0.8, 0.6]] as const) {
    await page.mouse.move(box.x + box.width * x, box.y + box.height * y, { steps: 5 });
  }
  await page.mouse.up();
}

test('an officer conducts an interview on the child-adapted questionnaire, reads it back, corrects it, collects three signatures and downloads the acta', async ({ page }) => {
  test.setTimeout(180_000);
  let claimId = '';
  await test.step('the supervisor schedules the interview of a claimant who needs an interpreter and assigns the claim', async () => {
    await signIn(page, 'supervisor');
    const claim = await scheduledClaim(page, { givenNames: 'Dieunie', firstSurname: 'Joseph', nationalities: ['HTI'], languages: ['ht'], needsInterpreter: true });
    claimId = claim.id;
    const officers = await (await page.request.get(`/api/claims/${claim.id}/assignable-officers`)).json() as Array<{ id: string; username: string }>;
    const assigned = await page.request.post(`/api/claims/${claim.id}/assignment`, {
      headers: { 'x-csrf-token': await csrf(page) },
      data: { version: claim.version, officerId: officers.find((o) => o.username === 'elegibilidad')!.id, reason: null, overrideGating: false },
    });
    expect(assigned.status(), await assigned.text()).toBe(200);
  });

  await test.step('starting without an interpreter is refused, naming the safeguard and its source', async () => {
    await signIn(page, 'elegibilidad');
    await page.goto(`/claims/${claimId}`);
    const card = page.getByRole('region', { name: 'Entrevistas' });
    await expect(card).toContainText('Aún no hay entrevistas.');
    await card.getByRole('button', { name: 'Iniciar entrevista' }).click();
    const dialog = page.getByRole('dialog', { name: 'Iniciar entrevista' });
    await dialog.getByLabel('Persona entrevistada').selectOption({ label: 'Dieunie Joseph' });
    const childAdapted = await dialog.getByLabel('Cuestionario').locator('option', { hasText: 'Entrevista adaptada a niñas, niños y adolescentes (COMAR)' }).getAttribute('value');
    await dialog.getByLabel('Cuestionario').selectOption(childAdapted!);
    await dialog.getByLabel('Idioma de la entrevista').selectOption({ value: 'ht' });
    await dialog.getByRole('button', { name: 'Iniciar' }).click();
    const refusal = dialog.getByRole('alert');
    await expect(refusal).toContainText('No se puede iniciar la entrevista todavía');
    await expect(refusal).toContainText('Intérprete para quien lo necesita — Pendiente');
    await expect(refusal).toContainText('La persona necesita intérprete y no se eligió uno.');
    await expect(refusal).toContainText('art. 23');
    await expectAccessible(page);
    await dialog.getByLabel('Intérprete', { exact: true }).selectOption({ label: 'Otro intérprete (no está en el padrón)' });
    await dialog.getByLabel('Nombre del intérprete').fill('Wilner Pierre');
    await dialog.getByRole('button', { name: 'Iniciar' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Entrevista .* · Dieunie Joseph/ })).toBeVisible();
  });

  await test.step('works through the stages; everything is saved as typed', async () => {
    await expect(page.getByRole('region', { name: 'Personas presentes' })).toContainText('Intérprete: Wilner Pierre');
    await page.getByRole('checkbox', { name: 'Comprobar que la niña, niño o adolescente y el intérprete se entienden.' }).check();
    await page.getByRole('checkbox', { name: 'Explicar que puede decir "no sé", "no entiendo" o pedir parar.' }).check();
    await page.getByLabel('Relato libre', { exact: true }).fill('Dice que salió de Puerto Príncipe con su tía cuando cerraron su escuela.');
    await page.getByLabel('¿Cómo te llamas?').fill('Dieunie');
    await page.getByLabel('País de donde viene').selectOption({ value: 'HTI' });
    await page.getByRole('radiogroup', { name: '¿Tienes miedo de regresar?' }).getByRole('radio', { name: 'Sí' }).check();
    await page.getByLabel('Explicación: ¿Tienes miedo de regresar?').fill('Los hombres armados quemaron su casa.');
    await page.getByLabel('Fecha de nacimiento (o edad que dice tener)').fill('2012-04-09');
    await expect(page.getByRole('status').filter({ hasText: 'Todos los cambios están guardados' })).toBeVisible({ timeout: 15_000 });
    await page.getByRole('region', { name: 'Pausas' }).getByRole('button', { name: 'Iniciar pausa' }).click();
    await page.getByRole('region', { name: 'Pausas' }).getByRole('button', { name: 'Reanudar la entrevista' }).click();
    await expect(page.getByRole('region', { name: 'Pausas' }).getByRole('listitem')).toHaveCount(1);
    await expectAccessible(page);
  });

  await test.step('reads the record back and makes one correction the applicant asks for', async () => {
    await page.getByRole('button', { name: 'Terminar las preguntas y leer el acta' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Leer el acta' }).click();
    await expect(page.getByText('Lectura del acta', { exact: true }).first()).toBeVisible();
    await page.getByRole('button', { name: 'Corregir: ¿Cómo te llamas?' }).click();
    const dialog = page.getByRole('dialog', { name: 'Corrección del acta' });
    await dialog.getByLabel('Respuesta corregida').fill('Dieunie Joseph');
    await dialog.getByLabel('Quién pide la corrección').selectOption({ label: 'Persona solicitante' });
    await dialog.getByLabel('Nota (opcional)').fill('Pidió que constara su apellido');
    await dialog.getByRole('button', { name: 'Registrar corrección' }).click();
    const corrections = page.getByRole('region', { name: 'Correcciones' });
    await expect(corrections).toContainText('Decía: Dieunie');
    await expect(corrections).toContainText('Dice: Dieunie Joseph');
    await expect(corrections).toContainText('Pedida por: Persona solicitante');
    await expectAccessible(page);
  });

  await test.step('three signatures: the applicant and the interpreter draw theirs, the officer signs with her session', async () => {
    const applicant = page.getByRole('region', { name: 'Persona solicitante' });
    await draw(page, applicant.getByRole('img', { name: /Área para firmar/ }));
    await applicant.getByRole('button', { name: 'Registrar firma: Persona solicitante' }).click();
    await expect(applicant).toContainText('Firma trazada en pantalla');
    const interpreter = page.getByRole('region', { name: 'Intérprete', exact: true });
    await draw(page, interpreter.getByRole('img', { name: /Área para firmar/ }));
    await interpreter.getByRole('button', { name: 'Registrar firma: Intérprete' }).click();
    await expect(interpreter).toContainText('Wilner Pierre');
    const officer = page.getByRole('region', { name: 'Oficial de elegibilidad' });
    await officer.getByRole('button', { name: 'Registrar firma: Oficial de elegibilidad' }).click();
    await expect(page.getByText('Acta firmada y cerrada')).toBeVisible();
    await expect(page.getByText('La solicitud quedó como entrevistada.')).toBeVisible();
    await expectAccessible(page);
  });

  await test.step('the locked record downloads as PDF, and the claim shows the interview on its timeline', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Descargar acta (PDF)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^acta-entrevista-.*\.pdf$/);
    expect(readFileSync((await file.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByRole('link', { name: 'Volver a la solicitud' }).click();
    await expect(page.getByRole('region', { name: 'Entrevistas' })).toContainText('Firmada y cerrada');
    const timeline = page.getByRole('region', { name: 'Historial' });
    await expect(timeline).toContainText('Entrevista iniciada');
    await expect(timeline).toContainText('Acta de entrevista firmada');
  });
});
