/** Test hooks to simulate a failing disk without chmod (CI runs as root), shared by both adapters. Never set in production. */
export interface StorageFaults {
  /** Called before every write with its operation name (e.g. `messages.append`, `transaction.commit`); may throw. */
  beforeWrite?: (op: string) => void;
  /** Called before the database file is opened for writing; may throw, as a read-only mount does. */
  beforeOpenForWriting?: () => void;
}
