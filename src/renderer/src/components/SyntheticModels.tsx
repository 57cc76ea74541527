import type { ReactNode } from 'react';
import type { SyntheticModel } from '../../../shared/domain/models';
import type { GenerationState } from '../api/use-model-generation';
import { formatBytes, formatParameters } from '../lib/format';
import { ProgressBar } from './ProgressBar';
import { TableScroll } from './TableScroll';

interface SyntheticModelsProps {
  models: readonly SyntheticModel[];
  states: Readonly<Record<string, GenerationState>>;
  onGenerate: (name: string) => void;
}

/** The synthetic same-shape models: size, whether the file exists, and a Generate button with live progress. */
export function SyntheticModels({ models, states, onGenerate }: SyntheticModelsProps): ReactNode {
  return (
    <TableScroll label="Synthetic models">
      <table className="table">
        <caption className="visually-hidden">Synthetic models</caption>
        <thead>
          <tr>
            <th scope="col">Shape</th>
            <th scope="col">Quantisation</th>
            <th scope="col" className="num end">Parameters</th>
            <th scope="col" className="num end">File size</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {models.map((m) => (
            <tr key={m.name}>
              <th scope="row">
                {m.displayName}
                <p className="cell-note muted">
                  On the command line: <code className="nowrap">synthetic:{m.name}</code>
                </p>
              </th>
              <td>{m.quantization}</td>
              <td className="num end">{formatParameters(m.parameterCount)}</td>
              <td className="num end">{formatBytes(m.sizeBytes)}</td>
              <td className="model-state">
                <GenerationCell model={m} state={states[m.name]} onGenerate={() => onGenerate(m.name)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function GenerationCell({ model, state, onGenerate }: { model: SyntheticModel; state: GenerationState | undefined; onGenerate: () => void }): ReactNode {
  if (state?.phase === 'running') {
    return (
      <div className="generation" role="status">
        <span className="small">Generating… {Math.round(state.fraction * 100)} %</span>
        <ProgressBar fraction={state.fraction} label={`Generating ${model.displayName}`} />
      </div>
    );
  }
  const failed = state?.phase === 'failed' ? state.message : null;
  if (model.isGenerated || state?.phase === 'done') {
    return (
      <div className="generation" role="status">
        <span className="badge badge-ok">generated</span>
        {state?.phase === 'done' && state.message !== null ? <span className="small muted"> {state.message}</span> : null}
        {model.path === null ? null : <p className="cell-note muted path">{model.path}</p>}
      </div>
    );
  }
  return (
    <div className="generation">
      <span className="badge badge-neutral">not generated</span>
      <button type="button" className="button button-small" onClick={onGenerate} aria-label={`Generate ${model.displayName}`}>
        Generate
      </button>
      {failed === null ? null : (
        <p className="cell-note text-danger" role="alert">
          Generation failed: {failed}
        </p>
      )}
    </div>
  );
}
