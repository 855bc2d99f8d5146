/**
 * A ZIP archive writer small enough to ship to the browser: it stores files as they are (no
 * compression), because what Rounds zips is mostly PDFs, already compressed, plus a few small text
 * files, and storing keeps it synchronous, dependency-free and identical in the browser and Node.
 *
 * The format (PKWARE APPNOTE 6.3): each file is a local header, its name and its bytes; then a
 * central directory repeating every header with the offset of its local one; then the end record
 * pointing at the directory. Readers trust the central directory, so both copies must agree.
 */

export interface ZipEntry {
  /** The path inside the archive, "/"-separated ("v2 signatures.csv", "letters/smith.pdf"). */
  name: string;
  /** Text is written as UTF-8. */
  bytes: Uint8Array | string;
  /** Shown as the file's date by unzip tools; now when left out. */
  modified?: Date;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_RECORD = 0x06054b50;
/** 1.0: the lowest version, enough for stored (uncompressed) entries. */
const VERSION_NEEDED = 10;
/** Made by Unix (3) with spec 2.0, so the external attributes below read as Unix permissions. */
const VERSION_MADE_BY = (3 << 8) | 20;
/** A regular file, rw-r--r--: without it some unzip tools extract files nobody may read. */
const EXTERNAL_ATTRS = 0o100644 << 16;
/** Bit 11: names are UTF-8. Without it readers guess CP437 and mangle "Café.pdf". */
const FLAG_UTF8 = 1 << 11;
const METHOD_STORED = 0;
/** No ZIP64 here: the classic format's 16- and 32-bit fields are the limits. */
const MAX_ENTRIES = 0xffff;
const MAX_BYTES = 0xffffffff;

/**
 * A ZIP archive of these files, in this order. Throws on a name that could escape the folder it is
 * extracted into ("..", a leading "/" or drive letter), on a duplicate (most tools would silently
 * keep only one of the two), and past the classic format's limits (65,535 files, 4 GB).
 */
export function zipFiles(entries: readonly ZipEntry[]): Uint8Array {
  if (entries.length > MAX_ENTRIES) throw new Error(`A zip holds at most ${MAX_ENTRIES} files`);
  const utf8 = new TextEncoder();
  const seen = new Set<string>();
  const files = entries.map((entry) => {
    checkName(entry.name);
    // Windows and macOS extract "A.pdf" and "a.pdf" onto one file, so they count as one name.
    const key = entry.name.normalize('NFC').toLowerCase();
    if (seen.has(key)) throw new Error(`Two files in the zip are named “${entry.name}”`);
    seen.add(key);
    const data = typeof entry.bytes === 'string' ? utf8.encode(entry.bytes) : entry.bytes;
    return {
      name: utf8.encode(entry.name),
      data,
      crc: crc32(data),
      ...dosDateTime(entry.modified ?? new Date()),
    };
  });

  const localSize = files.reduce((n, f) => n + 30 + f.name.length + f.data.length, 0);
  const centralSize = files.reduce((n, f) => n + 46 + f.name.length, 0);
  if (localSize + centralSize > MAX_BYTES) throw new Error('The files are too large for one zip (4 GB)');
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (v: number) => {
    view.setUint16(at, v, true);
    at += 2;
  };
  const u32 = (v: number) => {
    view.setUint32(at, v >>> 0, true);
    at += 4;
  };
  const bytes = (b: Uint8Array) => {
    out.set(b, at);
    at += b.length;
  };

  const offsets: number[] = [];
  for (const f of files) {
    offsets.push(at);
    u32(LOCAL_HEADER);
    u16(VERSION_NEEDED);
    u16(FLAG_UTF8);
    u16(METHOD_STORED);
    u16(f.time);
    u16(f.date);
    u32(f.crc);
    u32(f.data.length); // compressed size: stored, so the same
    u32(f.data.length);
    u16(f.name.length);
    u16(0); // no extra field
    bytes(f.name);
    bytes(f.data);
  }
  const centralStart = at;
  files.forEach((f, i) => {
    u32(CENTRAL_HEADER);
    u16(VERSION_MADE_BY);
    u16(VERSION_NEEDED);
    u16(FLAG_UTF8);
    u16(METHOD_STORED);
    u16(f.time);
    u16(f.date);
    u32(f.crc);
    u32(f.data.length);
    u32(f.data.length);
    u16(f.name.length);
    u16(0); // extra field
    u16(0); // comment
    u16(0); // disk number: one-part archive
    u16(0); // internal attributes (bit 0 "text" is only a hint; left unset)
    u32(EXTERNAL_ATTRS);
    u32(offsets[i]!);
    bytes(f.name);
  });
  u32(END_RECORD);
  u16(0); // this disk
  u16(0); // the disk the directory starts on
  u16(files.length); // entries on this disk
  u16(files.length); // entries in all
  u32(centralSize);
  u32(centralStart);
  u16(0); // archive comment
  return out;
}

/**
 * Refuses names that would write outside the folder the archive is extracted into ("zip slip"),
 * or that are not a file's name at all. Backslashes count as separators: Windows tools read them so.
 */
function checkName(name: string): void {
  const bad = (why: string) => new Error(`“${name}” cannot be a file name in a zip: ${why}`);
  if (name === '') throw bad('it is empty');
  if (/^[\\/]/.test(name) || /^[a-zA-Z]:/.test(name)) throw bad('it must not start with / or a drive');
  if (/[\\/]$/.test(name)) throw bad('it names a folder, not a file');
  if (name.split(/[\\/]/).some((part) => part === '..')) throw bad('it must not contain ".."');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses.
  if (/[\u0000-\u001f]/.test(name)) throw bad('it holds a control character');
  if (new TextEncoder().encode(name).length > 0xffff) throw bad('it is too long');
}

/**
 * MS-DOS date and time, the only times the classic headers hold: local wall-clock time (ZIP has no
 * time zone; tools show it as the reader's local time), 2-second steps, years 1980 to 2107.
 */
function dosDateTime(at: Date): { date: number; time: number } {
  const year = at.getFullYear();
  if (year < 1980) return { date: (1 << 5) | 1, time: 0 }; // Jan 1, 1980
  if (year > 2107) return { date: (127 << 9) | (12 << 5) | 31, time: (23 << 11) | (59 << 5) | 29 };
  return {
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1),
  };
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), the checksum unzip verifies every file by. */
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
