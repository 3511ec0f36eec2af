/**
 * Minimal read-only Compound File Binary (OLE2) directory reader: just enough to name the
 * streams, to tell a legacy .xls/.et ('Workbook'/'Book') from a password-encrypted .xlsx
 * ('EncryptionInfo' + 'EncryptedPackage'). Every chain walk is bounded, so malformed
 * input cannot loop.
 */

const MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENDOFCHAIN = 0xfffffffe;
const MAXREGSECT = 0xfffffffa;

function validHeader(bytes: Uint8Array): boolean {
  if (bytes.length < 512) return false;
  for (let i = 0; i < 8; i++) if (bytes[i] !== MAGIC[i]) return false;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = dv.getUint16(0x1e, true);
  return dv.getUint16(0x1c, true) === 0xfffe && (shift === 9 || shift === 12);
}

/** Names of all streams and storages (not the root), or null if the directory cannot be read. */
export function cfbStreamNames(bytes: Uint8Array): string[] | null {
  if (!validHeader(bytes)) return null;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = dv.getUint16(0x1e, true);
  const secSize = 1 << shift;
  const numFatSectors = dv.getUint32(0x2c, true);
  const firstDirSector = dv.getUint32(0x30, true);
  let difatSector = dv.getUint32(0x44, true);
  const numDifatSectors = dv.getUint32(0x48, true);

  // Sector n starts at (n + 1) * secSize: the header occupies the first sector slot.
  const sectorOffset = (n: number): number => (n + 1) * secSize;
  const validSector = (n: number): boolean => n <= MAXREGSECT && sectorOffset(n) + secSize <= bytes.length;

  // FAT sector numbers: 109 in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < numFatSectors; i++) {
    const s = dv.getUint32(0x4c + i * 4, true);
    if (s > MAXREGSECT) break;
    fatSectors.push(s);
  }
  const perDifat = secSize / 4 - 1;
  for (let k = 0; k < numDifatSectors && fatSectors.length < numFatSectors; k++) {
    if (!validSector(difatSector)) return null;
    const base = sectorOffset(difatSector);
    for (let i = 0; i < perDifat && fatSectors.length < numFatSectors; i++) {
      const s = dv.getUint32(base + i * 4, true);
      if (s <= MAXREGSECT) fatSectors.push(s);
    }
    difatSector = dv.getUint32(base + perDifat * 4, true);
  }
  if (fatSectors.length === 0) return null;

  const perFat = secSize / 4;
  const fatNext = (n: number): number => {
    const idx = Math.floor(n / perFat);
    const fs = fatSectors[idx];
    if (fs === undefined || !validSector(fs)) return ENDOFCHAIN;
    return dv.getUint32(sectorOffset(fs) + (n % perFat) * 4, true);
  };

  // Walk the directory chain; each sector holds secSize/128 entries of 128 bytes.
  const names: string[] = [];
  const seen = new Set<number>();
  let sec = firstDirSector;
  while (sec !== ENDOFCHAIN) {
    if (!validSector(sec) || seen.has(sec)) return seen.size > 0 ? names : null;
    seen.add(sec);
    const base = sectorOffset(sec);
    for (let e = 0; e < secSize / 128; e++) {
      const off = base + e * 128;
      const type = bytes[off + 0x42];
      if (type !== 1 && type !== 2) continue; // 0 unused, 5 root
      const nameLen = dv.getUint16(off + 0x40, true); // bytes, including the terminating NUL
      if (nameLen < 2 || nameLen > 64) continue;
      let name = '';
      for (let i = 0; i < nameLen / 2 - 1; i++) name += String.fromCharCode(dv.getUint16(off + i * 2, true));
      names.push(name);
    }
    sec = fatNext(sec);
  }
  return seen.size > 0 ? names : null;
}

export type CfbKind = 'encrypted-ooxml' | 'legacy-excel' | 'word' | 'powerpoint' | 'other' | 'broken';

/**
 * Classify an OLE2 file by its stream names. 'broken': not even a valid header (truncated
 * or garbage after the magic); 'other': a valid header but unknown or unreadable streams.
 */
export function classifyCfb(bytes: Uint8Array): CfbKind {
  if (!validHeader(bytes)) return 'broken';
  const names = cfbStreamNames(bytes);
  if (names === null) return 'other';
  const has = (n: string): boolean => names.some((x) => x.toLowerCase() === n.toLowerCase());
  if (has('EncryptionInfo') && has('EncryptedPackage')) return 'encrypted-ooxml';
  // BIFF8 'Workbook', BIFF5 'Book'; WPS .et files are BIFF-based and also carry 'Workbook'
  if (has('Workbook') || has('Book') || has('WpsWorkbook')) return 'legacy-excel';
  if (has('WordDocument')) return 'word';
  if (has('PowerPoint Document')) return 'powerpoint';
  return 'other';
}
