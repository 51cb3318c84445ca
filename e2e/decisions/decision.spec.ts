// The reasoned decision in Spanish (ADR 030): after a signed interview and an assessment of three
// facts (accepted, benefit of the doubt, rejected) citing two COI sources, the officer generates
// the draft (Cartagena); a different officer returns it with a comment; the drafter fixes it; it
// is approved and signed; the PDF is verified through the public page; it is notified in Spanish
// and the appeal clock shows 15 working days on the authority's calendar. A second journey: a
// rejection without a signed interview record is refused, naming the safeguard and its source.
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../support.ts';
import { assessedClaim, assignedClaim, grantDrafting } from './api.ts';

test('a decision is drafted from the assessment, reviewed by another officer, signed, verified and notified', async ({ page }) => {
  // Six sign-ins, an interview and an assessment set up through the API, and five axe runs.
  test.setTimeout(300_000);
  await grantDrafting(page, 'supervisor');
  const claim = await assignedClaim(page);
  await assessedClaim(page, claim);

  await test.step('the officer generates the Cartagena draft from the assessment', async () => {
    await page.goto(`/claims/${claim.id}`);
    await page.getByRole('link', { name: 'Resolución' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Resolución · ${claim.claimNumber}` })).toBeVisible();
    const form = page.getByRole('region', { name: 'Redactar el proyecto de resolución' });
    await form.getByLabel('Sentido de la resolución').selectOption({ label: 'Refugiado (Cartagena, art. 13-II)' });
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Generar proyecto' }).click();
    const credibility = page.getByRole('region', { name: 'III. Valoración de la credibilidad' });
    await expect(credibility.getByRole('textbox')).toHaveValue(/Conclusión: Se acepta con el beneficio de la duda\./, { timeout: 15_000 });
    await expect(credibility.getByRole('textbox')).toHaveValue(/Hecho 3: La policía se negó a recibir su denuncia\nConclusión: No se acepta\./);
    await expect(page.getByRole('region', { name: 'V. Análisis jurídico' }).getByRole('textbox')).toHaveValue(/violencia generalizada[\s\S]*Honduras: protección estatal/);
    await expect(page.getByRole('region', { name: 'VI. Resolución' }).getByRole('textbox')).toHaveValue(/art\. 13, fracción II/);
    await expect(page.getByRole('region', { name: 'Resumen' })).toContainText('Proyecto');
  });

  await test.step('the officer submits it to the supervisor, who holds the drafting competency', async () => {
    const review = page.getByRole('region', { name: 'Revisión y firma' });
    await review.getByLabel('Persona revisora').selectOption({ label: 'Marta Supervisora Gómez' });
    await review.getByRole('button', { name: 'Enviar a revisión' }).click();
    await expect(page.getByRole('region', { name: 'Resumen' })).toContainText('En revisión');
    await expectAccessible(page);
  });

  await test.step('the supervisor comments under the EUAA headings and returns it with reasons', async () => {
    await signIn(page, 'supervisor');
    await page.goto(`/claims/${claim.id}/decision`);
    const review = page.getByRole('region', { name: 'Revisión y firma' });
    await review.getByLabel('Apartado (Herramienta de Calidad de la EUAA)').selectOption({ label: 'Análisis jurídico' });
    await review.getByLabel('Valoración', { exact: true }).selectOption({ label: 'Error significativo' });
    await review.getByLabel('Observación').fill('Explique el nexo entre la violencia generalizada y su situación de comerciante.');
    await review.getByRole('button', { name: 'Agregar observación' }).click();
    await expect(review.getByRole('list', { name: 'Observaciones de revisión' })).toContainText('Explique el nexo');
    await expectAccessible(page);
    await review.getByLabel('Motivos para devolver').fill('Falta el nexo en el análisis jurídico.');
    await review.getByRole('button', { name: 'Devolver a redacción' }).click();
    await expect(page.getByRole('region', { name: 'Resumen' })).toContainText('Devuelta a redacción');
  });

  await test.step('the officer fixes the legal analysis, marks the comment dealt with and submits again', async () => {
    await signIn(page, 'elegibilidad');
    await page.goto(`/claims/${claim.id}/decision`);
    const legal = page.getByRole('region', { name: 'V. Análisis jurídico' });
    const text = legal.getByRole('textbox');
    await text.fill(`${await text.inputValue()}\n\nNexo: como comerciante, la extorsión de la pandilla la alcanzó por la violencia generalizada.`);
    await legal.getByRole('button', { name: 'Guardar «V. Análisis jurídico»' }).click();
    await expect(legal.getByRole('status')).toHaveText('Guardado');
    const review = page.getByRole('region', { name: 'Revisión y firma' });
    await review.getByRole('button', { name: 'Marcar como atendida' }).click();
    await expect(review).toContainText('Atendida');
    await review.getByLabel('Persona revisora').selectOption({ label: 'Marta Supervisora Gómez' });
    await review.getByRole('button', { name: 'Enviar a revisión' }).click();
    await expect(page.getByRole('region', { name: 'Resumen' })).toContainText('En revisión');
  });

  let code = '';
  await test.step('the supervisor approves and signs it: a PDF with a verification code', async () => {
    await signIn(page, 'supervisor');
    await page.goto(`/claims/${claim.id}/decision`);
    await expect(page.getByRole('region', { name: 'V. Análisis jurídico' })).toContainText('Nexo: como comerciante');
    await page.getByRole('button', { name: 'Aprobar proyecto' }).click();
    await expect(page.getByRole('region', { name: 'Resumen' })).toContainText('Aprobada');
    await page.getByRole('button', { name: 'Firmar resolución' }).click();
    const confirmSign = page.getByRole('dialog', { name: '¿Firmar la resolución?' });
    await expect(confirmSign).toContainText('ninguna sección, resultado ni comentario se puede modificar');
    await confirmSign.getByRole('button', { name: 'Firmar resolución' }).click();
    const summary = page.getByRole('region', { name: 'Resumen' });
    await expect(summary).toContainText('Firmada por Marta Supervisora Gómez');
    code = (await summary.locator('strong').first().innerText()).trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const pdf = await page.request.get(`/api/claims/${claim.id}/decision/pdf`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await expectAccessible(page);
  });

  await test.step('anyone verifies it on the public page: authentic, date and office, no personal data', async () => {
    await page.context().clearCookies();
    await page.goto(`/verify-decision/${code}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Verificación de una resolución' })).toBeVisible();
    await expect(page.getByText('Auténtica', { exact: true })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('COMAR Tapachula');
    await expect(page.getByRole('main')).not.toContainText('Rosa Elvira');
    await expectAccessible(page);
  });

  await test.step('notified in Spanish: the appeal clock shows 15 working days on the authority\'s calendar', async () => {
    await signIn(page, 'supervisor');
    await page.goto(`/claims/${claim.id}/decision`);
    const notify = page.getByRole('region', { name: 'Notificación' });
    await notify.getByLabel('Lugar').fill('COMAR Tapachula, ventanilla 2');
    await expect(notify.getByLabel('Idioma en que se notificó')).toHaveValue('spa');
    await notify.getByRole('button', { name: 'Registrar notificación' }).click();
    const confirmNotify = page.getByRole('dialog', { name: '¿Registrar la notificación?' });
    await expect(confirmNotify).toContainText('Notificar inicia el plazo de 15 días hábiles para el recurso de revisión');
    await confirmNotify.getByRole('button', { name: 'Registrar notificación' }).click();
    await expect(page.getByRole('region', { name: 'Resumen' })).toContainText('Notificada el');
    const clock = page.getByRole('group', { name: 'Plazo del recurso de revisión' });
    await expect(clock).toContainText('15 días hábiles desde el');
    await expect(clock).toContainText('Quedan 15 días hábiles.');
    await expect(clock).toContainText('LRPCPAP art. 25');
    await expectAccessible(page);
  });
});

test('a rejection without a signed interview record is refused, naming the safeguard and its source', async ({ page }) => {
  test.setTimeout(240_000);
  const claim = await assignedClaim(page, { partner: true });
  await assessedClaim(page, claim);
  await page.goto(`/claims/${claim.id}/decision`);
  const form = page.getByRole('region', { name: 'Redactar el proyecto de resolución' });
  await form.getByLabel('Sentido de la resolución').selectOption({ label: 'No reconocido' });
  // The partner was never interviewed: rejected in his own right, not as the principal's dependant.
  await form.getByLabel('Deriva de la persona solicitante principal: Luis Alberto Peña').uncheck();
  await form.getByLabel('Sentido propio de Luis Alberto Peña').selectOption({ label: 'No reconocido' });
  await form.getByRole('button', { name: 'Generar proyecto' }).click();
  const alert = form.getByRole('alert');
  await expect(alert).toContainText('Este paso no se puede dar todavía');
  await expect(alert).toContainText('Sin acta de entrevista firmada no hay rechazo');
  await expect(alert).toContainText('Sin acta de entrevista firmada: Luis Alberto Peña.');
  await expect(alert).toContainText('Ley sobre Refugiados, Protección Complementaria y Asilo Político, art. 24');
  await expectAccessible(page);
  await expect(page.getByRole('region', { name: 'Resumen' })).toHaveCount(0);
});
