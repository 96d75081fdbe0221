import { randomBytes } from 'node:crypto';

/** A random 128-bit id in base64url (22 characters): unguessable, so holding it is the capability. */
export function createRandomId(): string {
  return randomBytes(16).toString('base64url');
}
