/// <reference types="@webgpu/types" />
import type { Identity } from '../../../../shared/domain/benchmark';
import type { WorkerBenchmark } from '../../worker/types';
import { loadDawn, openAdapter, type OpenedAdapter } from './dawn';

/**
 * Worker side of the WebGPU adapter probe (probe-webgpu.ts starts it): not a catalogue benchmark, only a job the
 * gpu family's worker module answers, so it runs wherever workers run — tsx under Node, the bundled worker entry
 * in Electron. Setup finds the adapter the GPU benchmarks would measure, with the same code they use; no adapter
 * is `unavailable` with the reason. One trivial repetition, then the identity carries the answer.
 */
export const adapterProbe: WorkerBenchmark<OpenedAdapter> = {
  async setup() {
    return openAdapter(await loadDawn());
  },
  async measure() {
    return { value: 1 };
  },
  identity(opened): Identity {
    const { info } = opened;
    return {
      adapter: info.description || info.device || info.vendor || 'unnamed adapter',
      backend: info.backend,
      isSoftware: info.isSoftware,
      // Sorted, so two probes of an unchanged machine give the same snapshot (and snapshot hash).
      features: [...(opened.adapter.features as unknown as Iterable<string>)].sort().join(','),
    };
  },
};
