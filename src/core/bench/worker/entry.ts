/**
 * Entry point of a benchmark worker process (`child_process.fork` under Node, `utilityProcess.fork` under Electron).
 * See start-worker.ts.
 */
import { familyLoaders } from './family-loaders';
import { startWorker } from './start-worker';

startWorker(familyLoaders);
