import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { systemKeys } from '../db/keys.ts';
import { loadOrCreateSecret } from '../db/secret.ts';
import type { Store } from '../db/store.ts';

/** Seals short secrets (authenticator keys) with AES-256-GCM before they are stored. */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

const boxes = new WeakMap<Store, Promise<SecretBox>>();

/**
 * The box for authenticator keys. Its key is a platform secret kept in its own `SYS#` item, so an
 * item that leaks on its own (a stream record, a log line, a partial export) does not carry a
 * usable authenticator key.
 */
export function mfaSecretBox(store: Store): Promise<SecretBox> {
  let box = boxes.get(store);
  if (!box) {
    box = loadOrCreateSecret(store, systemKeys.mfaSecretKey()).then((k) =>
      secretBox(Buffer.from(k, 'base64url')),
    );
    box.catch(() => boxes.delete(store));
    boxes.set(store, box);
  }
  return box;
}

/** AES-256-GCM; sealed text is `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export function secretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('A secret box needs a 256-bit key');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), data]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(sealed) {
      const [version, iv, tag, data] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('Not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}
