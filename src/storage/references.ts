/**
 * How dossier reference codes are made and read back. The format belongs to src/dossiers/ (reference-code.ts); the
 * storage factory (./open-storage.ts) or main.ts hands it to the adapters, which store and look codes up but never
 * import the dossiers' code themselves.
 */
export interface ReferenceCodes {
  /** A fresh code in canonical form; the adapters draw again on the rare collision. */
  create: () => string;
  /** The canonical form of a typed or scanned code, or undefined when it cannot be one. */
  normalize: (input: string) => string | undefined;
}
