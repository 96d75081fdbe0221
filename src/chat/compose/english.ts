import type { Channel, Entry } from '../../knowledge/schema.js';
import type { Language } from './types.js';

type Fee = NonNullable<Channel['fee']>;

// Fees whose text is an official's English rendering, not the record's words: they must not be presented as
// "the official wording" (docs/kiosk-ui.md, "English").
const translatedFees = new WeakSet<Fee>();

/** True when the fee's text is the entry's English translation rather than the official Vietnamese wording. */
export function isTranslatedFee(fee: Fee): boolean {
  return translatedFees.has(fee);
}

/**
 * The entry as an English answer reads it: its steps, papers, fees, conditions and who may file replaced by the
 * `en` texts where they exist (same order, same count, checked by the schema). Everything else stays as it is.
 */
export function englishView(entry: Entry): Entry {
  const en = entry.en;
  if (!en) return entry;
  const view: Entry = { ...entry };
  if (en.steps?.length === entry.steps.length) view.steps = en.steps;
  if (en.conditions?.length === entry.conditions.length) view.conditions = en.conditions;
  if (en.whoMayFile?.length === entry.whoMayFile.length) view.whoMayFile = en.whoMayFile;
  const docs = en.documents;
  if (docs?.length === entry.documents.length) {
    view.documents = entry.documents.map((doc, i) => {
      const english = docs[i] as (typeof docs)[number];
      const { note: _note, group: _group, ...rest } = doc;
      return {
        ...rest,
        name: english.name,
        ...(english.group ?? doc.group ? { group: english.group ?? doc.group } : {}),
        ...(english.note ? { note: english.note } : doc.note ? { note: doc.note } : {}),
      };
    });
  }
  const fees = en.fees;
  if (fees?.length === entry.channels.length) {
    view.channels = entry.channels.map((channel, i) => {
      if (!channel.fee) return channel;
      const fee: Fee = { ...channel.fee, text: fees[i] as string };
      translatedFees.add(fee);
      return { ...channel, fee };
    });
  }
  return view;
}

/**
 * What an English answer says about its language: an unreviewed translation says so; an entry with no English
 * texts says the details are the official Vietnamese text and where to read it.
 */
export function englishNotice(entry: Entry, url: string | undefined, language: Language, quotesRecord = false): string | undefined {
  if (language !== 'en') return undefined;
  const link = url ? ` Official page: ${url}` : '';
  if (entry.en) {
    // A list the curated entry leaves empty comes from its official record, untranslated: say so rather than let the
    // translation note cover it.
    const quoted = quotesRecord ? ' What is taken from the official record stays in Vietnamese.' : '';
    if (entry.en.reviewed) return quoted ? `${quoted.trim()}${link}` : undefined;
    return `The English wording of the steps, documents, fees and conditions is our translation of the official Vietnamese text and awaits review by a ward official; the Vietnamese text is what counts.${quoted}${link}`;
  }
  return `The details of this procedure are given in the official Vietnamese text of the record (no English translation has been made).${link}`;
}
