import type { Channel } from './conversations.js';

export type DossierStatus = 'new' | 'received';

/** A form's values as a flat dot-path map (`ben_nu.ho_ten`, `thanh_vien.0.ho_ten`): personal data throughout. */
export type DossierValues = Record<string, string>;

export interface Dossier {
  id: string;
  /** What the citizen brings to the counter and the official types or scans (see src/dossiers/reference-code.ts). */
  reference: string;
  formId: string;
  channel: Channel;
  sessionId?: string;
  /** The ward day (YYYY-MM-DD in Asia/Ho_Chi_Minh) it was created on. */
  wardDay: string;
  status: DossierStatus;
  /** Decrypted values (encrypted at rest). */
  values: DossierValues;
  createdAt: Date;
  receivedAt?: Date;
  /** Who received it at the counter (encrypted at rest: an official's name is personal data too). */
  receivedBy?: string;
}

export interface CreateDossierInput {
  formId: string;
  /** The kiosk or widget session that filled it, if any; must be open. */
  sessionId?: string;
  values: DossierValues;
  channel: Channel;
}

export interface DossierRepository {
  /** Stores a pre-filled dossier under a fresh unique reference, status `new`. */
  create(input: CreateDossierInput): Promise<Dossier>;
  /** The dossier for a reference as typed (case, spaces and look-alike letters forgiven), or undefined. */
  getByReference(reference: string): Promise<Dossier | undefined>;
  /** Dossiers created today (Asia/Ho_Chi_Minh), oldest first, optionally of one status. */
  listToday(options?: { status?: DossierStatus }): Promise<Dossier[]>;
  /** Marks a dossier received at the counter; idempotent (keeps the first time). `not_found` for an unknown reference. */
  markReceived(reference: string, options?: { by?: string }): Promise<Dossier>;
  /** Deletes dossiers created more than `days` days ago; returns how many went. */
  purgeOlderThan(days: number): Promise<number>;
}
