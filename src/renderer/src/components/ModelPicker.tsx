import type { ReactNode } from 'react';
import { useModels } from '../api/resources';
import { formatBytes } from '../lib/format';
import { hrefFor } from '../lib/hash-route';

/**
 * The model the llama.cpp benchmarks load (`RunRequest.model`): the default synthetic shape, another synthetic shape,
 * or a readable GGUF file found on this disk. Other benchmarks ignore it.
 */
export function ModelPicker({ value, onChange }: { value: string; onChange: (model: string) => void }): ReactNode {
  const models = useModels();
  const view = models.value;
  const readable = (view?.models ?? []).filter((m) => m.source !== 'synthetic' && m.info?.ok !== false);
  return (
    <div className="field">
      <label htmlFor="run-model">Model for the llama.cpp benchmarks</label>
      <select id="run-model" className="input input-select" value={value} onChange={(e) => onChange(e.target.value)} aria-describedby="run-model-help">
        <option value="">Default (synthetic Llama 3 8B Q4_K_M)</option>
        {view === undefined ? null : (
          <optgroup label="Synthetic (same shape, seeded weights)">
            {view.synthetic.map((m) => (
              <option key={m.name} value={`synthetic:${m.name}`}>
                {m.displayName} · {formatBytes(m.sizeBytes)}
                {m.isGenerated ? '' : ' · written on first use'}
              </option>
            ))}
          </optgroup>
        )}
        {readable.length === 0 ? null : (
          <optgroup label="Found on this disk">
            {readable.map((m) => (
              <option key={m.id} value={m.path}>
                {m.displayName} · {formatBytes(m.sizeBytes)}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <p id="run-model-help" className="field-help">
        {models.status === 'error' ? `Could not list models (${models.error.message}); the default still works. ` : ''}
        Published llama.cpp figures to compare with exist for the Llama 2 7B Q4_0 and Llama 3 8B shapes. Other benchmarks ignore the
        model. See <a href={hrefFor('/models')}>Models</a> for what is on this disk.
      </p>
    </div>
  );
}
