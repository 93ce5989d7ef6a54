import { createPublicKey, type KeyObject } from 'node:crypto';
import { publicKeyPem, readPrivateKeyFile } from '@oneseal/auth';

/** The token signing key pair; the public half comes from the private key, so the two can never disagree. */
export class SigningKeys {
  readonly publicKey: KeyObject;
  readonly publicKeyPem: string;

  constructor(readonly privateKey: KeyObject) {
    this.publicKey = createPublicKey(privateKey);
    this.publicKeyPem = publicKeyPem(privateKey);
  }

  static fromFile(file: string): SigningKeys {
    return new SigningKeys(readPrivateKeyFile(file));
  }
}
