/**
 * Names what a file that is not GGUF probably is, from its first bytes, so the error can say "it starts with a PNG
 * signature" rather than "bad magic". Signatures from each format's specification.
 */

interface Signature {
  readonly what: string;
  readonly matches: (head: Buffer) => boolean;
}

const startsWith =
  (bytes: readonly number[]) =>
  (head: Buffer): boolean =>
    bytes.every((b, i) => head[i] === b);

const startsWithText =
  (text: string, caseInsensitive = false) =>
  (head: Buffer): boolean => {
    const start = head.subarray(0, 64).toString('latin1').trimStart();
    return caseInsensitive ? start.toLowerCase().startsWith(text.toLowerCase()) : start.startsWith(text);
  };

const SIGNATURES: readonly Signature[] = [
  { what: 'a PNG signature', matches: startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { what: 'a JPEG signature', matches: startsWith([0xff, 0xd8, 0xff]) },
  { what: 'a GIF signature', matches: startsWithText('GIF8') },
  { what: 'a ZIP signature', matches: startsWith([0x50, 0x4b, 0x03, 0x04]) },
  { what: 'a gzip signature', matches: startsWith([0x1f, 0x8b]) },
  { what: 'a PDF signature', matches: startsWithText('%PDF-') },
  { what: 'an ELF executable signature', matches: startsWith([0x7f, 0x45, 0x4c, 0x46]) },
  // Hugging Face serves a Git LFS pointer instead of the model when a repository is cloned without LFS.
  { what: 'a Git LFS pointer (the model itself was never downloaded)', matches: startsWithText('version https://git-lfs') },
  { what: 'an HTML page (a download that saved an error page?)', matches: (h) => startsWithText('<!doctype html', true)(h) || startsWithText('<html', true)(h) },
  // Pre-GGUF llama.cpp formats: the u32 magics 'ggml', 'ggmf', 'ggjt' written little-endian.
  { what: 'the old GGML/GGJT format (convert it to GGUF with a current llama.cpp)', matches: (h) => ['lmgg', 'fmgg', 'tjgg'].includes(h.subarray(0, 4).toString('latin1')) },
  // safetensors: u64 little-endian JSON header length, then '{'.
  { what: 'a safetensors header (GGUF is a different format)', matches: (h) => h.length > 9 && h[8] === 0x7b && h.readUInt32LE(4) === 0 },
];

/** A phrase for what `head` looks like, e.g. "a PNG signature"; `undefined` when unrecognised. */
export function describeSignature(head: Buffer): string | undefined {
  return SIGNATURES.find((s) => s.matches(head))?.what;
}
