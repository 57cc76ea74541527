import type { ReactNode } from 'react';
import type { ModelsView } from '../../../shared/domain/models';
import { errorMessageText } from '../../../shared/format/diagnostic-text';
import { formatBytes, formatParameters } from '../lib/format';
import { DiagnosticDetails } from './Explained';
import { TableScroll } from './TableScroll';

type FoundModel = ModelsView['models'][number];

const SOURCE_LABELS: Record<FoundModel['source'], string> = {
  file: 'model folder',
  ollama: 'Ollama',
  'lm-studio': 'LM Studio',
  huggingface: 'Hugging Face cache',
  synthetic: 'synthetic',
};

/** Model files found on this disk (read-only): what the header says, or why it could not be read. */
export function FoundModels({ models }: { models: readonly FoundModel[] }): ReactNode {
  return (
    <TableScroll label="Models found on this disk">
      <table className="table">
        <caption className="visually-hidden">Models found on this disk</caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Source</th>
            <th scope="col" className="num end">Size</th>
            <th scope="col">Quantisation</th>
            <th scope="col" className="num end">Parameters</th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {models.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                {m.displayName}
                <p className="cell-note muted path">{m.path}</p>
              </th>
              <td>{SOURCE_LABELS[m.source]}</td>
              <td className="num end">{formatBytes(m.sizeBytes)}</td>
              <HeaderCells model={m} />
              <td>{m.sha256 === null ? <span className="muted nowrap">not hashed yet</span> : <code className="hash">{m.sha256}</code>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function HeaderCells({ model }: { model: FoundModel }): ReactNode {
  if (model.info === undefined) {
    return (
      <td colSpan={2} className="muted">
        header not read
      </td>
    );
  }
  if (!model.info.ok) {
    return (
      <td colSpan={2} className="text-danger">
        Cannot read: {errorMessageText(model.info.error.message).sentence}
        <DiagnosticDetails detail={`Error code ${model.info.error.code}`} />
      </td>
    );
  }
  const { summary } = model.info;
  return (
    <>
      <td>{summary.quantization ?? '—'}</td>
      <td className="num end">{formatParameters(summary.parameterCount)}</td>
    </>
  );
}
