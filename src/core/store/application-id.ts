/**
 * Rigmark's mark in the SQLite header (`PRAGMA application_id`, bytes 68–71): the ASCII bytes "RgMk" as a 32-bit
 * integer. It tells a Rigmark database from another application's SQLite file at the same path, which must never be
 * taken over. Set by migration 002 (so a database created by an earlier Rigmark is adopted when it migrates).
 */
export const RIGMARK_APPLICATION_ID = 0x52674d6b;

/** The tables every Rigmark database has had since schema version 1. */
export const RIGMARK_V1_TABLES = ['systems', 'devices', 'runs', 'results', 'samples', 'telemetry', 'model_hashes', 'settings'] as const;
