import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { certificateStatus, normalizeVerificationCode, verificationCode } from './certificates.rules.ts';
import { renderCertificatePdf } from './server/certificate-pdf.ts';

describe('verification codes', () => {
  it('are three groups of four unambiguous characters, and differ', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => verificationCode(randomBytes(12))));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });
  it('read what a person types: case, spaces, O for 0, I or L for 1', () => {
    expect(normalizeVerificationCode(' 7k2m o1il-ab9z ')).toBe('7K2M-0111-AB9Z');
    expect(normalizeVerificationCode('7K2M-01U1-AB9Z')).toBeNull(); // U is not in the alphabet
    expect(normalizeVerificationCode('7K2M-0111-AB9')).toBeNull();
    expect(normalizeVerificationCode("'; DROP TABLE")).toBeNull();
  });
  it('status: revoked first, then expired on its last day', () => {
    expect(certificateStatus({ revoked: true, validUntil: null }, '2026-01-01')).toBe('revoked');
    expect(certificateStatus({ revoked: false, validUntil: '2026-01-01' }, '2026-01-01')).toBe('expired');
    expect(certificateStatus({ revoked: false, validUntil: '2026-01-02' }, '2026-01-01')).toBe('valid');
    expect(certificateStatus({ revoked: false, validUntil: null }, '2099-01-01')).toBe('valid');
  });
});

describe('certificate PDF', () => {
  it('renders Spanish and French text, and names outside WinAnsi without failing', async () => {
    const pdf = await renderCertificatePdf({
      language: 'fr', fullName: 'Łukasz Ștefănescu Niño', moduleTitle: 'Entretien avec les enfants — sœurs « mineures »', format: 'blended',
      sessionCode: 'NNA-2025-11', days: ['2025-11-18', '2025-11-19'], onlineHours: 20, faceToFaceDays: 2, completedOn: '2025-11-19',
      validUntil: '2028-11-19', competencies: ['Entretien avec les enfants'], verificationCode: '7K2M-0111-AB9Z',
      verificationUrl: 'https://refugio.example/verify/7K2M-0111-AB9Z', revoked: false,
    });
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);
  });
});
