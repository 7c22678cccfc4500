/**
 * Zip archives, the container of a Word file (.docx): written deterministically, read defensively.
 *
 * Writing: every entry with the same fixed date (01.01.1980, the earliest a zip can say), in the order
 * given, DEFLATE at a fixed level, no extra fields: the same entries give the same bytes. (The `docx`
 * package stamps each entry with the clock.)
 *
 * Reading: a Word template comes from the data folder, so it is read as hostile input (docs/sicherheit.md):
 * only the central directory is trusted for where entries are, every limit is checked before anything is
 * inflated, an entry is inflated at most to its declared size (a zip bomb is never unpacked) and must
 * have exactly that size and its checksum; names that could leave a folder, encrypted entries, ZIP64 and
 * methods other than stored/DEFLATE are refused. Problems are German sentences (ZipProblem).
 */
import { zlibOnDemand } from './zlib-on-demand.js';

export class ZipProblem extends Error {}

export interface ZipLimits {
  /** Most entries the archive may have. */
  maxEntries: number;
  /** Largest unpacked size of one entry, in bytes. */
  maxEntryBytes: number;
  /** Largest unpacked size of all entries together, in bytes. */
  maxTotalBytes: number;
}

/** The limits for a Word template: a letterhead template is a few hundred kB; these leave room for a scanned logo. */
export const TEMPLATE_ZIP_LIMITS: ZipLimits = { maxEntries: 500, maxEntryBytes: 20_000_000, maxTotalBytes: 50_000_000 };

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** DOS date of 01.01.1980 00:00: (year - 1980) << 9 | month << 5 | day. */
const FIXED_DATE = (0 << 9) | (1 << 5) | 1;
const FIXED_TIME = 0;

/** A zip archive of the entries in this order, the same bytes for the same entries. */
export function writeZip(entries: readonly (readonly [string, Uint8Array])[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = zlibOnDemand().deflateRawSync(data, { level: 9 });
    const stored = packed.length >= data.length;
    const body = stored ? Buffer.from(data) : packed;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (DEFLATE)
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(FIXED_TIME, 10);
    local.writeUInt16LE(FIXED_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0 (no Unix permissions to vary by machine)
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt16LE(FIXED_TIME, 12);
    central.writeUInt16LE(FIXED_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...centrals, end]));
}

/** The entries of a zip archive by name, in the archive's order; folders are left out. Throws ZipProblem. */
export function readZip(input: Uint8Array, limits: ZipLimits): Map<string, Uint8Array> {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const endAt = findEnd(bytes);
  const count = bytes.readUInt16LE(endAt + 10);
  const centralSize = bytes.readUInt32LE(endAt + 12);
  const centralStart = bytes.readUInt32LE(endAt + 16);
  if (count === 0xffff || centralStart === 0xffffffff || centralSize === 0xffffffff) throw new ZipProblem('Das ZIP64-Format wird nicht unterstützt.');
  if (count > limits.maxEntries) throw new ZipProblem(`Die Datei enthält ${count} Teile; erlaubt sind höchstens ${limits.maxEntries}.`);
  if (centralStart + centralSize > endAt) throw new ZipProblem('Das Inhaltsverzeichnis der ZIP-Datei ist beschädigt.');
  const out = new Map<string, Uint8Array>();
  let total = 0;
  let at = centralStart;
  for (let i = 0; i < count; i++) {
    if (at + 46 > endAt || bytes.readUInt32LE(at) !== 0x02014b50) throw new ZipProblem('Das Inhaltsverzeichnis der ZIP-Datei ist beschädigt.');
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const packedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localAt = bytes.readUInt32LE(at + 42);
    if (at + 46 + nameLength > endAt) throw new ZipProblem('Das Inhaltsverzeichnis der ZIP-Datei ist beschädigt.');
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    const nameProblem = entryNameProblem(name);
    if (nameProblem) throw new ZipProblem(nameProblem);
    if (out.has(name)) throw new ZipProblem(`Der Teil "${name}" steht zweimal in der Datei.`);
    if (flags & 0x1) throw new ZipProblem(`Der Teil "${name}" ist verschlüsselt.`);
    if (method !== 0 && method !== 8) throw new ZipProblem(`Der Teil "${name}" ist mit einem nicht unterstützten Verfahren gepackt (Methode ${method}).`);
    if (size > limits.maxEntryBytes) throw new ZipProblem(`Der Teil "${name}" ist entpackt ${megabytes(size)} groß; erlaubt sind höchstens ${megabytes(limits.maxEntryBytes)}.`);
    total += size;
    if (total > limits.maxTotalBytes) throw new ZipProblem(`Die Datei ist entpackt größer als ${megabytes(limits.maxTotalBytes)}.`);
    if (localAt + 30 > centralStart || bytes.readUInt32LE(localAt) !== 0x04034b50) throw new ZipProblem(`Der Teil "${name}" ist beschädigt.`);
    const dataAt = localAt + 30 + bytes.readUInt16LE(localAt + 26) + bytes.readUInt16LE(localAt + 28);
    if (dataAt + packedSize > centralStart) throw new ZipProblem(`Der Teil "${name}" ist beschädigt.`);
    const packed = bytes.subarray(dataAt, dataAt + packedSize);
    let data: Buffer;
    try {
      // Never more than the declared size: a bomb stops here, and a shorter or longer entry is found below.
      data = method === 0 ? Buffer.from(packed) : zlibOnDemand().inflateRawSync(packed, { maxOutputLength: Math.max(size, 1) });
    } catch {
      throw new ZipProblem(`Der Teil "${name}" ist beschädigt oder größer, als das Inhaltsverzeichnis angibt.`);
    }
    if (data.length !== size || crc32(data) !== crc) throw new ZipProblem(`Der Teil "${name}" ist beschädigt (Größe oder Prüfsumme stimmt nicht).`);
    out.set(name, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }
  return out;
}

function findEnd(bytes: Buffer): number {
  // The end record is 22 bytes plus a comment of up to 65535 bytes.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) if (bytes.readUInt32LE(i) === 0x06054b50) return i;
  throw new ZipProblem('Die Datei ist keine ZIP-Datei (ein Word-Dokument .docx ist eine).');
}

/** A name that stays inside the package: relative, forward slashes, no "..", no control characters. */
function entryNameProblem(name: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (name === '' || name.startsWith('/') || name.includes('\\') || /^[a-z]:/i.test(name) || /[\u0000-\u001f]/.test(name) || name.split('/').some((part) => part === '..' || part === '.' || part === '')) {
    return `Der Teil "${name.replace(/[\u0000-\u001f]/g, '?')}" hat einen unzulässigen Pfad.`;
  }
  return undefined;
}

const megabytes = (bytes: number): string => `${(bytes / 1_000_000).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;
