/**
 * The Ed25519 key that signs audit checkpoints (ADR 022), kept outside the database: whoever can
 * rewrite the audit table must not also hold the means to re-sign it. Read from
 * REFUGIO_AUDIT_SIGNING_KEY (a PKCS#8 PEM, or its base64 DER), else from
 * `<data dir>/audit-signing-key.pem`, created (mode 0600) on first use. Several API processes
 * must be given the same key, through the variable or a shared file.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const AUDIT_SIGNING_KEY_FILE = 'audit-signing-key.pem';

export interface AuditPublicKey {
  /** base64 of the raw 32-byte Ed25519 public key: what `refugio audit anchor` prints. */
  publicKey: string;
  /** First 16 hex digits of its SHA-256: names the key in each checkpoint. */
  keyId: string;
  keyObject: KeyObject;
}

export interface AuditSigningKey extends AuditPublicKey {
  privateKey: KeyObject;
  /** Where it came from, for messages: the variable or the file's path. */
  source: string;
}

function describePublic(keyObject: KeyObject): AuditPublicKey {
  const raw = Buffer.from(keyObject.export({ format: 'jwk' }).x ?? '', 'base64url');
  return { publicKey: raw.toString('base64'), keyId: createHash('sha256').update(raw).digest('hex').slice(0, 16), keyObject };
}

/** A public key from its base64 raw form (as printed), or null when it is not an Ed25519 key. */
export function parseAuditPublicKey(text: string): AuditPublicKey | null {
  const raw = Buffer.from(text.trim(), 'base64');
  if (raw.length !== 32) return null;
  try {
    return describePublic(createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' }));
  } catch {
    return null;
  }
}

function privateFromText(text: string): KeyObject {
  const trimmed = text.trim().replace(/\\n/g, '\n');
  const key = trimmed.startsWith('-----BEGIN')
    ? createPrivateKey({ key: trimmed, format: 'pem' })
    : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the audit signing key must be Ed25519, not ${key.asymmetricKeyType}`);
  return key;
}

function fromPrivate(privateKey: KeyObject, source: string): AuditSigningKey {
  return { ...describePublic(createPublicKey(privateKey)), privateKey, source };
}

/**
 * The configured key; with `create`, a missing key file is generated. Null when there is no key
 * and `create` is false (a verifier that holds none).
 */
export async function loadAuditSigningKey(options: {
  env: Record<string, string | undefined>; dataDir: string; create: boolean;
}): Promise<AuditSigningKey | null> {
  const fromEnv = options.env.REFUGIO_AUDIT_SIGNING_KEY;
  if (fromEnv) return fromPrivate(privateFromText(fromEnv), 'REFUGIO_AUDIT_SIGNING_KEY');
  const file = path.join(options.dataDir, AUDIT_SIGNING_KEY_FILE);
  try {
    return fromPrivate(privateFromText(await readFile(file, 'utf8')), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !options.create) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  await mkdir(options.dataDir, { recursive: true });
  try {
    // 'wx': two processes starting together keep whichever key was written first.
    await writeFile(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return fromPrivate(privateFromText(await readFile(file, 'utf8')), file);
}

export function signWithKey(key: AuditSigningKey, payload: string): string {
  return sign(null, Buffer.from(payload), key.privateKey).toString('base64');
}

export function signatureValid(key: AuditPublicKey, payload: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(payload), key.keyObject, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
