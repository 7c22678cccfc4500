/**
 * OParl 1.1 export: next to each Vorlage an `oparl.json` with the Vorlage as an OParl `Paper`, so a
 * council information system (Ratsinformationssystem) can import it. OParl requires every id and every
 * reference to be a URL; kim has no server, so the URLs are derived from a base URL (configurable,
 * default a placeholder under the reserved `.invalid` domain that can never point at a real system) and
 * the stable ids of the data. The output is deterministic: no created/modified timestamps.
 */
import { createHash } from 'node:crypto';
import type { Dataset, Report } from '../model/types.js';
import { consultationRolesOf } from '../model/consultation-roles.js';
import { UsageError } from '../errors.js';
import { OUTPUT_FORMATS, outputFileName } from './output-formats.js';

export const DEFAULT_OPARL_BASE_URL = 'https://example.invalid/oparl/';
const SCHEMA = 'https://schema.oparl.org/1.1/';

export interface OparlFile {
  id: string;
  type: string;
  name: string;
  fileName: string;
  mimeType: string;
  date: string;
  size: number;
  sha512Checksum: string;
  accessUrl: string;
}

export interface OparlConsultation {
  id: string;
  type: string;
  paper: string;
  meeting: string;
  organization: string[];
  authoritative: boolean;
  role: string;
}

export interface OparlPaper {
  id: string;
  type: string;
  body: string;
  name: string;
  reference: string;
  date: string;
  paperType: string;
  underDirectionOf: string[];
  consultation: OparlConsultation[];
  mainFile?: OparlFile;
}

/** Checks and normalises the base URL (http or https, ending in a slash). */
export function normalizeBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`Ungültige Basis-URL für OParl: "${text}". Erwartet wird z. B. https://ris.example.de/oparl/.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`Die Basis-URL für OParl muss mit https:// oder http:// beginnen: "${text}".`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * The Paper of one report. `pdf` is the bytes of the Vorlage's PDF (its size and SHA-512 go into
 * `mainFile`); without a PDF (kim build --format md) the Paper has no mainFile.
 */
export function oparlPaper(data: Dataset, report: Report, baseUrl: string, pdf?: Uint8Array): OparlPaper {
  const base = normalizeBaseUrl(baseUrl);
  const seg = (kind: string, id: string) => `${base}${kind}/${encodeURIComponent(id)}`;
  const paperId = seg('paper', report.id);
  const sessions = new Map(data.meetings.sessions.map((s) => [s.id, s]));
  const authoritative = new Set(consultationRolesOf(data.organisation).filter((r) => r.authoritative).map((r) => r.name));
  const paper: OparlPaper = {
    id: paperId,
    type: `${SCHEMA}Paper`,
    body: seg('body', data.organisation.body.id),
    name: report.title,
    reference: report.reference ?? report.id,
    // The Paper's date: its own date where the report gives one; else the Stand, the date of its content
    // (the session it is written for would be too late).
    date: report.date ?? report.stand,
    paperType: report.paperType,
    underDirectionOf: [seg('organization', report.department)],
    consultation: report.consultations.map((c, i) => {
      const session = sessions.get(c.session);
      return {
        id: seg('consultation', `${report.id}-${i + 1}`),
        type: `${SCHEMA}Consultation`,
        paper: paperId,
        meeting: seg('meeting', c.session),
        organization: session ? [seg('organization', session.committee)] : [],
        authoritative: authoritative.has(c.role),
        role: c.role,
      };
    }),
  };
  if (pdf) {
    const fileName = outputFileName(report.id, 'pdf');
    paper.mainFile = {
      id: seg('file', fileName),
      type: `${SCHEMA}File`,
      name: report.title,
      fileName,
      mimeType: OUTPUT_FORMATS.pdf.mimeType,
      date: report.date ?? report.stand,
      size: pdf.byteLength,
      sha512Checksum: createHash('sha512').update(pdf).digest('hex'),
      accessUrl: `${base}files/${encodeURIComponent(report.id)}${OUTPUT_FORMATS.pdf.extension}`,
    };
  }
  return paper;
}

/** The file's text: two-space indented JSON with a final newline, the same bytes for the same input. */
export const oparlJson = (paper: OparlPaper): string => `${JSON.stringify(paper, null, 2)}\n`;
