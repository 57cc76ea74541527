// Holds an exclusive write lock on a SQLite database from another process, as a second program would (the issue's
// `sqlite3 rigmark.db 'BEGIN EXCLUSIVE'`): prints "locked" once it holds it, releases after `ms`, prints "released".
// Usage: node hold-db-lock.mjs FILE MS
import Database from 'better-sqlite3';

const [file, ms] = process.argv.slice(2);
const db = new Database(file, { timeout: 10_000 });
db.exec('BEGIN EXCLUSIVE');
process.stdout.write('locked\n');
setTimeout(() => {
  db.exec('COMMIT');
  db.close();
  process.stdout.write('released\n');
}, Number(ms));
