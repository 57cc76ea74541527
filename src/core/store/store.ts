import { createModelHashRepo } from './model-hash-repo';
import { openDatabase, type Db, type OpenDatabaseOptions } from './open-database';
import { createResultsRepo } from './results-repo';
import { createRunsRepo } from './runs-repo';
import { createSettingsRepo } from './settings-repo';
import { createSystemsRepo } from './systems-repo';
import { createTelemetryRepo } from './telemetry-repo';

/** The one writer: every table's statements prepared once over one connection. */
export function createStore(file: string, options: OpenDatabaseOptions = {}) {
  const db: Db = openDatabase(file, options);
  return {
    db,
    systems: createSystemsRepo(db),
    runs: createRunsRepo(db),
    results: createResultsRepo(db),
    telemetry: createTelemetryRepo(db),
    settings: createSettingsRepo(db),
    modelHashes: createModelHashRepo(db),
    close(): void {
      if (db.open) db.close();
    },
  };
}
export type Store = ReturnType<typeof createStore>;
