import type { ReactNode } from 'react';
import type { BackendStatus, Gpu, SystemSnapshot, WebGpuProbe } from '../../../shared/domain/system';
import { backendText, gpuReasonText, webgpuReasonText } from '../../../shared/format/diagnostic-text';
import type { PlainMessage } from '../../../shared/format/diagnostic-text';
import { formatMiB, formatNumber } from '../lib/format';
import { Explained } from './Explained';
import { KeyValues } from './KeyValues';
import { Section } from './Page';
import { StatusBadge } from './StatusBadge';

const BACKEND_LABELS: Record<BackendStatus['name'], string> = { cuda: 'CUDA', rocm: 'ROCm', metal: 'Metal', vulkan: 'Vulkan', cpu: 'CPU' };
const VENDOR_LABELS: Record<Gpu['vendor'], string> = { nvidia: 'NVIDIA', amd: 'AMD', intel: 'Intel', apple: 'Apple', other: 'Other' };

/**
 * The detected hardware: GPUs (or why there are none), then `lastRun` (what this hardware measured last), compute
 * backends, CPU, memory and OS. Why something is missing is said in a sentence; the tools' own words are behind
 * "Details" (shared/format/diagnostic-text.ts), as the snapshot stores them.
 */
export function SystemView({ system, lastRun }: { system: SystemSnapshot; lastRun: ReactNode }): ReactNode {
  return (
    <>
      <Section title="GPU">
        {system.gpus.length === 0 ? (
          <div className="callout callout-warn">
            <p className="callout-title">No GPU detected</p>
            <Explained message={gpuReasonText(system.gpuReason)} />
            <p className="muted">GPU benchmarks will be listed as unavailable; system benchmarks and llama.cpp on the CPU still run.</p>
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
            <BackendRow key={b.name} name={BACKEND_LABELS[b.name]} isAvailable={b.isAvailable} message={backendText(b)} />
          ))}
          {system.webgpu === undefined ? null : <BackendRow name="WebGPU" isAvailable={system.webgpu.adapter !== null} message={webgpuText(system.webgpu)} />}
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

function BackendRow({ name, isAvailable, message }: { name: string; isAvailable: boolean; message: PlainMessage }): ReactNode {
  return (
    <li className="backend">
      <span className="backend-name">{name}</span>
      <StatusBadge status={isAvailable ? 'available' : 'unavailable'} />
      <Explained className="muted backend-detail" message={message} />
    </li>
  );
}

/** The adapter the GPU compute tests would measure, or why there is none. */
function webgpuText(probe: WebGpuProbe): PlainMessage {
  if (probe.adapter === null) return webgpuReasonText(probe.reason);
  const sentence = probe.isSoftware
    ? `${probe.adapter}: a software adapter that runs on the CPU; its results are never compared with GPUs.`
    : `The GPU compute tests measure ${probe.adapter}.`;
  return { sentence, detail: probe.backend === null ? null : `Dawn backend: ${probe.backend}${probe.features === undefined ? '' : `; features: ${probe.features.join(', ') || 'none'}`}` };
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
