import type { ReactNode } from 'react';
import type { BackendStatus, Gpu, SystemSnapshot } from '../../../shared/domain/system';
import { formatMiB, formatNumber } from '../lib/format';
import { KeyValues } from './KeyValues';
import { Section } from './Page';
import { StatusBadge } from './StatusBadge';

const BACKEND_LABELS: Record<BackendStatus['name'], string> = { cuda: 'CUDA', rocm: 'ROCm', metal: 'Metal', vulkan: 'Vulkan', cpu: 'CPU' };
const VENDOR_LABELS: Record<Gpu['vendor'], string> = { nvidia: 'NVIDIA', amd: 'AMD', intel: 'Intel', apple: 'Apple', other: 'Other' };

/**
 * The detected hardware: GPUs (or why there are none), then `lastRun` (what this hardware measured last), compute
 * backends, CPU, memory and OS.
 */
export function SystemView({ system, lastRun }: { system: SystemSnapshot; lastRun: ReactNode }): ReactNode {
  return (
    <>
      <Section title="GPU">
        {system.gpus.length === 0 ? (
          <div className="callout callout-warn">
            <p className="callout-title">No GPU detected</p>
            <p>{system.gpuReason ?? 'No tool reported a GPU on this machine.'}</p>
            <p className="muted">GPU benchmarks will be listed as unavailable; system benchmarks still run.</p>
          </div>
        ) : (
          <div className="card-grid">
            {system.gpus.map((gpu) => (
              <GpuCard key={`${gpu.index}-${gpu.name}`} gpu={gpu} />
            ))}
          </div>
        )}
      </Section>
      <Section title="Last result">{lastRun}</Section>
      <Section title="Backends">
        <ul className="backend-list">
          {system.backends.map((b) => (
            <li key={b.name} className="backend">
              <span className="backend-name">{BACKEND_LABELS[b.name]}</span>
              <StatusBadge status={b.isAvailable ? 'available' : 'unavailable'} />
              <span className="muted backend-detail">{[b.version, b.detail].filter((t) => t !== null && t !== '').join(' · ') || '—'}</span>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="CPU, memory and OS">
        <div className="card">
          <KeyValues
            items={[
              ['CPU', cpuName(system.cpu.vendor, system.cpu.model)],
              ['Cores / threads', <span className="num">{`${system.cpu.cores} / ${system.cpu.threads}`}</span>],
              ['Clock', system.cpu.speedGHz === null ? '—' : <span className="num">{`${formatNumber(system.cpu.speedGHz)}\u00a0GHz`}</span>],
              ['Memory', <span className="num">{formatMiB(system.memory.totalMiB)}</span>],
              ['Available memory', <span className="num">{formatMiB(system.memory.availableMiB)}</span>],
              ['OS', `${system.os.distro} ${system.os.release}`.trim()],
              ['Kernel', `${system.os.kernel} (${system.os.arch})`],
              ['Power', system.power.hasBattery ? (system.power.isOnBattery === true ? 'On battery' : 'On mains (has battery)') : 'Mains'],
            ]}
          />
        </div>
      </Section>
    </>
  );
}

function GpuCard({ gpu }: { gpu: Gpu }): ReactNode {
  return (
    <div className="card">
      <p className="card-title">{gpu.name}</p>
      <KeyValues
        items={[
          ['Vendor', VENDOR_LABELS[gpu.vendor]],
          ['VRAM', <span className="num">{formatMiB(gpu.vramMiB)}</span>],
          ['Driver', gpu.driver ?? '—'],
          ['Compute capability', gpu.computeCapability ?? '—'],
          ['Power limit', gpu.powerLimitW === null ? '—' : <span className="num">{`${formatNumber(gpu.powerLimitW)}\u00a0W`}</span>],
          ['Reported by', gpu.source],
        ]}
      />
    </div>
  );
}

/** "AMD" + "AMD EPYC 7B13" reads as "AMD EPYC 7B13", not "AMD AMD EPYC 7B13". */
export function cpuName(vendor: string, model: string): string {
  return model.toLowerCase().startsWith(vendor.toLowerCase()) ? model : `${vendor} ${model}`.trim();
}
