import { useCallback, useState } from 'react';
import type { ReactNode } from 'react';
import { useModels } from '../api/resources';
import { useModelGeneration } from '../api/use-model-generation';
import { FoundModels } from '../components/FoundModels';
import { Page, Section } from '../components/Page';
import { Async, EmptyState } from '../components/States';
import { SyntheticModels } from '../components/SyntheticModels';
import { hrefFor } from '../lib/hash-route';

/** Models on this disk (found, never downloaded) and the synthetic same-shape models Rigmark writes itself. */
export function ModelsPage(): ReactNode {
  const [generations, setGenerations] = useState(0);
  const models = useModels(generations);
  const onSettled = useCallback(() => setGenerations((n) => n + 1), []);
  const generation = useModelGeneration(onSettled);
  return (
    <Page title="Models" lead="Model files the LLM benchmarks can use. Rigmark never downloads a model: it finds yours, or writes a synthetic one.">
      <Async state={models} what="models">
        {(view) => (
          <>
            <div className="callout callout-neutral">
              <p>
                Generated models live in <code className="path">{view.modelsDir}</code>. Other models are only read, from Ollama, LM Studio and
                Hugging Face caches and the folders listed in <a href={hrefFor('/settings')}>Settings</a>.
              </p>
            </div>
            <Section title="Synthetic models">
              <p className="small muted">
                Same tensor shapes and quantisation as the real model, with seeded random weights: tokens per second match the real model for
                dense architectures. Results made with them are labelled synthetic everywhere.
              </p>
              <SyntheticModels models={view.synthetic} states={generation.states} onGenerate={(name) => void generation.generate(name)} />
            </Section>
            <Section title="Found on this disk">
              {view.models.length === 0 ? (
                <EmptyState title="No model files found">
                  <p className="muted">
                    Add a folder with GGUF files in <a href={hrefFor('/settings')}>Settings</a>, or use a synthetic model above.
                  </p>
                </EmptyState>
              ) : (
                <FoundModels models={view.models} />
              )}
            </Section>
          </>
        )}
      </Async>
    </Page>
  );
}
