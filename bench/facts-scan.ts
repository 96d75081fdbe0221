/**
 * `npx tsx bench/facts-scan.ts <dvc-procedures.jsonl> <catalogue dir before>`: imports every record with the current
 * importer and counts, per class of defect of issue 19, how many catalogue entries the fix changes compared with
 * the catalogue files of before (docs/facts.md records the numbers).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { detectAspect } from '../src/understand/detect-aspect.js';
import { createSources } from '../src/chat/compose/sources.js';
import { wardReceivesFile } from '../src/chat/compose/where-agency.js';
import { importRecord } from '../src/knowledge/import/import-record.js';
import { DvcRecordSchema } from '../src/knowledge/import/record-schema.js';
import { EntrySchema, type Entry } from '../src/knowledge/schema.js';

const FILE_EXTENSION = /\.(?:docx|doc|pdf|xlsx|xls|rtf|odt|zip|rar)\b/iu;

interface Count {
  entries: number;
  items: number;
}

async function main(): Promise<void> {
  const [input, beforeDir] = process.argv.slice(2);
  if (!input || !beforeDir) throw new Error('usage: npx tsx bench/facts-scan.ts <dvc-procedures.jsonl> <catalogue dir before>');
  const counts = new Map<string, Count>();
  const add = (name: string, items: number) => {
    if (items <= 0) return;
    const count = counts.get(name) ?? { entries: 0, items: 0 };
    count.entries += 1;
    count.items += items;
    counts.set(name, count);
  };
  const lines = (await readFile(input, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  let communeLevel = 0;
  for (const line of lines) {
    const record = DvcRecordSchema.parse(JSON.parse(line));
    const entry = EntrySchema.parse(importRecord(record).entry);
    const before = await readBefore(beforeDir, record.ma_thu_tuc);
    if (entry.levels.includes('xã')) communeLevel += 1;

    const oldDocs = before?.documents ?? [];
    add('quantity: "1 bản chính,1 bản sao" shown as both, not "hoặc" (documents)',
      entry.documents.filter((d) => d.copy === 'original-and-copy').length);
    add('note rows ("Lưu ý", headings, "0 bản chính" rules) moved out of the list (rows)',
      Math.max(0, oldDocs.length - entry.documents.length));
    add('"+"/"++" bullet taken off a document name (documents)',
      oldDocs.filter((d) => /^\+/u.test(d.name)).length - entry.documents.filter((d) => /^\+/u.test(d.name)).length);
    add('glued form file name taken out of a document name (documents)',
      oldDocs.filter((d) => FILE_EXTENSION.test(d.name)).length - entry.documents.filter((d) => FILE_EXTENSION.test(d.name)).length);
    add('time read from the channel description, the time column being empty (channels)', entry.channels.filter((c) => c.timeText && !c.time).length);
    add('other durations of the description kept beside the time column (channels)', entry.channels.filter((c) => c.timeText && c.time).length);
    add('time kept with its case (channels)', entry.channels.filter((c) => c.case && c.time).length);

    const { receiving, deciding } = entry.agencies;
    add('where: competent authority no longer shown as the receiving place (entries)', !receiving && deciding ? 1 : 0);
    add('where: ward desk card withheld, receiving agency not at commune level (commune-level entries)',
      entry.levels.includes('xã') && !wardReceivesFile(createSources(entry), receiving) ? 1 : 0);
    add('aspect: the procedure name itself contains an aspect phrase (entries)', detectAspect(entry.title.vi) !== 'general' ? 1 : 0);
  }
  console.log(`${lines.length} records, ${communeLevel} at commune level.`);
  console.log('| fix | entries changed | items |');
  console.log('|---|---|---|');
  for (const [name, count] of counts) console.log(`| ${name} | ${count.entries} | ${count.items} |`);
}

async function readBefore(dir: string, code: string): Promise<Pick<Entry, 'documents'> | undefined> {
  try {
    return parse(await readFile(path.join(dir, `${code}.yaml`), 'utf8')) as Pick<Entry, 'documents'>;
  } catch {
    return undefined;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
