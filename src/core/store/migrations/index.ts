import { migration001 } from './001-initial';
import { migration002 } from './002-run-owner-and-import-hash';
import { migration003 } from './003-run-failure';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append-only: never edit a shipped migration, add the next number. Versions must be 1..N in order. */
export const migrations: readonly Migration[] = [migration001, migration002, migration003];

export const LATEST_SCHEMA_VERSION = migrations.length;
