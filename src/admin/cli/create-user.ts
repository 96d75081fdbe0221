import { parseArgs } from 'node:util';
import { isAppError } from '../../shared/errors.js';
import { createOfficial, NewOfficialSchema } from '../auth/accounts.js';
import { openStorageForCli } from './open-storage.js';
import { readPassword } from './read-password.js';
import { isStorageError } from '../../storage/errors.js';

const USAGE = 'usage: npm run admin:create-user -- --username <name> --name "<full name>" [--role admin|approver|editor]\n' +
  '       the password is asked for (or read from standard input when piped)';

/** `npm run admin:create-user`: makes an official's account; the very first one must be an admin. */
async function main(argv: string[]): Promise<number> {
  let values: { username?: string; name?: string; role?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'admin' } } }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 1;
  }
  if (!values.username || !values.name) {
    console.error(USAGE);
    return 1;
  }
  const { storage } = await openStorageForCli();
  try {
    if ((await storage.officials.count()) === 0 && values.role !== 'admin') {
      console.error('admin:create-user: the first account must be an admin (--role admin)');
      return 1;
    }
    const password = await readPassword(`Mật khẩu cho ${values.username}: `);
    const parsed = NewOfficialSchema.safeParse({ username: values.username, displayName: values.name, role: values.role, password });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) console.error(`admin:create-user: ${issue.path.join('.') || 'input'}: ${issue.message}`);
      return 1;
    }
    const official = await createOfficial(storage, parsed.data, { username: 'cli', displayName: 'npm run admin:create-user', role: 'admin' });
    console.log(`created ${official.role} account "${official.username}" (${official.displayName})`);
    return 0;
  } finally {
    await storage.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (isAppError(error)) {
      const fields = error.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
      console.error(`admin:create-user: ${error.message}${fields ? ` (${fields})` : ''}`);
    } else if (isStorageError(error, 'username_taken')) {
      console.error('admin:create-user: this username is already taken (compared without case).');
    } else {
      console.error(`admin:create-user: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exit(1);
  },
);
