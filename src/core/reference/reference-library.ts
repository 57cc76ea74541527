import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReferenceDataset } from '../../shared/domain/reference';
import {
  MAX_USER_REFERENCE_CHARS,
  UserReferenceNameSchema,
  userReferenceLabel,
  type UserReferenceFileInfo,
} from '../../shared/domain/user-reference';
import { RigmarkError, errorMessage } from '../errors';
import { fileSignature, loadReference } from './load-reference';
import { parseUserReference, type ParsedUserFile } from './user-file';

/** The bundled dataset plus the user's own reference files, for one data dir. */
export interface ReferenceLibrary {
  /** Bundled figures and cards, then every loaded user file's (file-name order). */
  dataset(): ReferenceDataset;
  /** The user files on disk, each loaded or refused with the reason. */
  files(): UserReferenceFileInfo[];
  /**
   * Validates `content` as a whole and only then writes it to `<userDir>/<name>` (atomically). BAD_INPUT naming
   * the record and field when malformed, CONFLICT when a file of that name exists and `replace` is not set.
   */
  add(name: string, content: string, options?: { replace?: boolean }): UserReferenceFileInfo;
  /** Deletes `<userDir>/<name>`; NOT_FOUND when there is no such file. */
  remove(name: string): void;
}

export interface ReferenceLibraryOptions {
  /** `<dataDir>/reference`: where added files are kept. Created on the first add. */
  userDir: string;
  /** Folder of the bundled dataset (default: `defaultReferenceDir()`). */
  bundledDir?: string;
}

interface FileEntry {
  signature: string;
  sizeBytes: number;
  parsed: ParsedUserFile | { error: string };
}

interface Merged {
  key: string;
  dataset: ReferenceDataset;
  files: UserReferenceFileInfo[];
}

function checkName(name: string): string {
  const result = UserReferenceNameSchema.safeParse(name);
  if (!result.success) throw new RigmarkError('BAD_INPUT', `${JSON.stringify(name)}: ${result.error.issues[0]?.message ?? 'bad file name'}`);
  return result.data;
}

/** Cross-file clashes: a record id or a new card key another user file (earlier by name) has already. */
function clashWith(parsed: ParsedUserFile, ids: ReadonlyMap<string, string>, cards: ReadonlyMap<string, string>): string | null {
  for (const [index, card] of parsed.cards.entries()) {
    const owner = cards.get(card.key);
    if (owner !== undefined) return `${parsed.name}: card #${index} (key ${card.key}): key: ${owner} defines '${card.key}' already`;
  }
  for (const [index, record] of parsed.records.entries()) {
    const owner = ids.get(record.id);
    if (owner !== undefined) return `${parsed.name}: reference record #${index} (id ${record.id}): id: also in ${owner}`;
  }
  return null;
}

function infoOf(name: string, entry: FileEntry, problem: string | null): UserReferenceFileInfo {
  const parsed = 'error' in entry.parsed ? null : entry.parsed;
  const isLoaded = parsed !== null && problem === null;
  return {
    name,
    sourceLabel: userReferenceLabel(name),
    sourceText: parsed?.sourceText ?? null,
    status: isLoaded ? 'loaded' : 'refused',
    problem: 'error' in entry.parsed ? entry.parsed.error : problem,
    recordCount: parsed?.records.length ?? 0,
    cardKeys: parsed ? [...new Set(parsed.records.map((r) => r.gpuKey))] : [],
    newCardKeys: parsed?.cards.map((c) => c.key) ?? [],
    sizeBytes: entry.sizeBytes,
  };
}

/**
 * One data dir's reference figures. Each user file is parsed once per modification time and size; the merged
 * dataset is rebuilt only when the bundled dataset or a user file changed, so callers may ask on every request.
 * A file that does not validate (edited by hand, or clashing with an earlier one) is left out whole and listed
 * as refused with the reason; the others still load.
 */
export function createReferenceLibrary(options: ReferenceLibraryOptions): ReferenceLibrary {
  const { userDir } = options;
  const entries = new Map<string, FileEntry>();
  let merged: Merged | null = null;
  let bundledSeen: ReferenceDataset | null = null;
  let bundledGeneration = 0;

  const bundled = (): ReferenceDataset => loadReference({ dir: options.bundledDir });

  const fileNames = (): string[] => {
    let names: string[];
    try {
      names = readdirSync(userDir);
    } catch {
      return [];
    }
    // Temporary files of an add in progress start with "." and so never match the name rule.
    return names.filter((n) => UserReferenceNameSchema.safeParse(n).success).sort();
  };

  const entryFor = (name: string, base: ReferenceDataset): FileEntry => {
    const path = join(userDir, name);
    const signature = fileSignature([path]);
    const cached = entries.get(name);
    if (cached?.signature === signature) return cached;
    let entry: FileEntry;
    try {
      const { size } = statSync(path);
      if (size > MAX_USER_REFERENCE_CHARS) throw new Error(`${name}: larger than ${MAX_USER_REFERENCE_CHARS / 1024 / 1024} MiB`);
      entry = { signature, sizeBytes: size, parsed: parseUserReference(name, readFileSync(path, 'utf8'), base) };
    } catch (error) {
      entry = { signature, sizeBytes: 0, parsed: { error: errorMessage(error) } };
    }
    entries.set(name, entry);
    return entry;
  };

  const merge = (): Merged => {
    const base = bundled();
    // Parsed files were checked against one bundled dataset; a new one (rebuilt, replaced) checks them again.
    if (base !== bundledSeen) {
      entries.clear();
      bundledGeneration += 1;
    }
    bundledSeen = base;
    const names = fileNames();
    const current = names.map((name) => ({ name, entry: entryFor(name, base) }));
    const key = [bundledGeneration, ...current.map(({ name, entry }) => `${name}=${entry.signature}`)].join('\n');
    if (merged?.key === key) return merged;
    const ids = new Map<string, string>();
    const cards = new Map<string, string>();
    const dataset: ReferenceDataset = { ...base, records: [...base.records], cards: [...base.cards] };
    const files = current.map(({ name, entry }) => {
      if ('error' in entry.parsed) return infoOf(name, entry, null);
      const clash = clashWith(entry.parsed, ids, cards);
      if (clash === null) {
        for (const record of entry.parsed.records) ids.set(record.id, name);
        for (const card of entry.parsed.cards) cards.set(card.key, name);
        dataset.records.push(...entry.parsed.records);
        dataset.cards.push(...entry.parsed.cards);
      }
      return infoOf(name, entry, clash);
    });
    for (const name of entries.keys()) if (!names.includes(name)) entries.delete(name);
    merged = { key, dataset, files };
    return merged;
  };

  const add: ReferenceLibrary['add'] = (rawName, content, addOptions = {}) => {
    const name = checkName(rawName);
    if (content.length > MAX_USER_REFERENCE_CHARS) {
      throw new RigmarkError('BAD_INPUT', `${name} refused: larger than ${MAX_USER_REFERENCE_CHARS / 1024 / 1024} MiB`);
    }
    const current = merge();
    if (!addOptions.replace && current.files.some((f) => f.name === name)) {
      throw new RigmarkError('CONFLICT', `${name} is added already: remove it first (rigmark reference remove ${name}) or replace it`);
    }
    let parsed: ParsedUserFile;
    try {
      parsed = parseUserReference(name, content, bundled());
    } catch (error) {
      throw new RigmarkError('BAD_INPUT', `${errorMessage(error)} — the file was not added`);
    }
    const ids = new Map<string, string>();
    const cards = new Map<string, string>();
    for (const file of current.files) {
      const entry = entries.get(file.name);
      if (file.name === name || file.status !== 'loaded' || !entry || 'error' in entry.parsed) continue;
      for (const record of entry.parsed.records) ids.set(record.id, file.name);
      for (const card of entry.parsed.cards) cards.set(card.key, file.name);
    }
    const clash = clashWith(parsed, ids, cards);
    if (clash !== null) throw new RigmarkError('BAD_INPUT', `${clash} — the file was not added`);
    mkdirSync(userDir, { recursive: true });
    // Write beside, then rename: a crash mid-write never leaves a half file that would be loaded.
    const temp = join(userDir, `.${name}.${process.pid}.tmp`);
    writeFileSync(temp, content, 'utf8');
    renameSync(temp, join(userDir, name));
    const info = merge().files.find((f) => f.name === name);
    if (!info) throw new RigmarkError('INTERNAL', `${name} was written but not found again in ${userDir}`);
    return info;
  };

  return {
    dataset: () => merge().dataset,
    files: () => merge().files,
    add,
    remove(rawName) {
      const name = checkName(rawName);
      if (!fileNames().includes(name)) throw new RigmarkError('NOT_FOUND', `no reference file ${name}: run “rigmark reference files” to list them`);
      rmSync(join(userDir, name));
    },
  };
}
