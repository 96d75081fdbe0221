import { foldDiacritics } from '../../text/index.js';
import type { Sources } from './sources.js';

// The commune's People's Committee or its police, or its one-stop desk, named the ways the catalogue names them.
const COMMUNE_AGENCY = /\bcap xa\b|\bxa, phuong\b|\b(?:uy ban nhan dan|ubnd) (?:cap )?(?:xa|phuong)\b|\bcong an (?:cap )?(?:xa|phuong)\b/u;
const ONE_STOP_DESK = /\bbo phan (?:mot cua|tiep nhan va tra ket qua)\b/u;
// A one-stop desk of a provincial or central body is not the ward's.
const NOT_WARD = /\b(?:ngan hang|so |bo |tinh|cuc |tong cuc|trung uong|khu vuc)/u;

/**
 * True when the receiving agency is at commune level or is the one-stop desk: only then does the ward receive the
 * file, so only then is the ward's desk card shown (docs/facts.md).
 */
export function isCommuneDesk(receiving: string | undefined): boolean {
  if (!receiving) return false;
  const folded = foldDiacritics(receiving.toLocaleLowerCase('vi'));
  if (COMMUNE_AGENCY.test(folded)) return true;
  return ONE_STOP_DESK.test(folded) && !NOT_WARD.test(folded.replace(ONE_STOP_DESK, ''));
}

/**
 * True when the ward receives the file: a commune-level procedure whose receiving agency is at commune level or is
 * the one-stop desk, or, when the record names no receiving agency, whose filing step sends the file to one.
 */
export function wardReceivesFile(sources: Sources, receiving: string | undefined): boolean {
  if (!sources.entry.levels.includes('xã')) return false;
  if (receiving) return isCommuneDesk(receiving);
  return isCommuneDesk(findFilingStep(sources, false));
}

const LIEN_THONG = /liên thông/iu;

/**
 * The first official sentence that speaks of forwarding the file (liên thông), from the steps, the channels'
 * descriptions or the official text kept verbatim; the answer mentions forwarding only when the record does.
 */
export function findForwarding(sources: Sources): string | undefined {
  for (const record of [sources.entry, ...sources.folded]) {
    const texts = [
      ...record.steps,
      ...record.channels.map((c) => c.description ?? ''),
      record.raw?.steps ?? '',
      record.raw?.channels ?? '',
    ];
    for (const text of texts) {
      const sentence = text.split(/(?<=[.;])\s+|\n/u).find((part) => LIEN_THONG.test(part));
      if (sentence) {
        if (record !== sources.entry) sources.used.add(record);
        return sentence.trim();
      }
    }
  }
  return undefined;
}

/** The step that says where the file is sent ("... nộp hồ sơ tại/đến ..."), quoted when no receiving agency is named. */
export function findFilingStep(sources: Sources, use = true): string | undefined {
  for (const record of [sources.entry, ...sources.folded]) {
    const step = record.steps.find((s) => /(?:nộp|gửi)[^.;]*(?:tại|đến|về|cho)\s/iu.test(s));
    if (step) {
      if (use && record !== sources.entry) sources.used.add(record);
      return step.split('\n')[0]?.trim();
    }
  }
  return undefined;
}
