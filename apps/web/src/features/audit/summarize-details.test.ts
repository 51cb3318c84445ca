import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { entityPath, summarizeDetails } from './summarize-details.ts';

const t = ((key: string) => key) as unknown as TFunction;
const office = '5e551017-0000-4000-8000-0000000000aa';

describe('audit details as a sentence', () => {
  it('labels keys and statuses and replaces ids by their names, never showing a uuid', () => {
    const text = summarizeDetails(t, { from: 'closed', to: 'admitted', reason: 'Error de captura', toOfficeId: office }, { [office]: 'COMAR Ciudad de México' });
    expect(text).toBe('audit.detailKeys.from: intake.statuses.closed · audit.detailKeys.to: intake.statuses.admitted · '
      + 'audit.detailKeys.reason: Error de captura · audit.detailKeys.toOfficeId: COMAR Ciudad de México');
    expect(summarizeDetails(t, { officerId: office }, {})).toBe('audit.detailKeys.officerId: —');
  });

  it('links the records that have a page', () => {
    expect(entityPath('claim', office)).toBe(`/claims/${office}`);
    expect(entityPath('training_session', office)).toBe(`/training/sessions/${office}`);
    expect(entityPath('address', '10.0.0.1')).toBeNull();
  });
});
