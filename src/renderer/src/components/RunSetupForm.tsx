import type { FormEvent, ReactNode } from 'react';
import type { BenchmarkInfo, Suite } from '../../../shared/domain/benchmark';
import { useBenchmarks, usePlan, usePreflight } from '../api/resources';
import type { RunSetup } from '../api/use-run-setup';
import { MAX_REPETITIONS } from '../api/use-run-setup';
import { SUITE_DESCRIPTIONS } from '../lib/labels';
import { BenchmarkPicker } from './BenchmarkPicker';
import { ModelPicker } from './ModelPicker';
import { Section } from './Page';
import { PlanSummary } from './PlanSummary';
import { PreflightList } from './PreflightList';
import { Async, EmptyState } from './States';

const SUITES: Suite[] = ['quick', 'full', 'system'];

interface RunSetupFormProps {
  setup: RunSetup;
  onStart: () => void;
  isStarting: boolean;
}

/** Choose a suite or single benchmarks and repetitions, see the plan and its estimate, start. */
export function RunSetupForm({ setup, onStart, isStarting }: RunSetupFormProps): ReactNode {
  const benchmarks = useBenchmarks(setup.model === '' ? undefined : setup.model);
  const plan = usePlan(setup.request);
  const preflight = usePreflight(setup.request);
  const hasRunnable = plan.status === 'ok' && plan.value.some((p) => p.status !== 'unavailable');
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    onStart();
  };

  return (
    <form className="run-setup" onSubmit={onSubmit} aria-label="Run setup">
      <Section title="What to run">
        <fieldset className="choice-grid">
          <legend className="visually-hidden">Suite or single benchmarks</legend>
          {SUITES.map((suite) => (
            <Choice key={suite} label={SUITE_DESCRIPTIONS[suite].label} description={SUITE_DESCRIPTIONS[suite].description}
              isChecked={setup.mode.kind === 'suite' && setup.mode.suite === suite} onSelect={() => setup.setMode({ kind: 'suite', suite })} />
          ))}
          <Choice label="Choose benchmarks" description="Pick single benchmarks from the list below."
            isChecked={setup.mode.kind === 'custom'} onSelect={() => setup.setMode({ kind: 'custom' })} />
        </fieldset>
      </Section>
      {setup.mode.kind === 'custom' ? (
        <Section title="Benchmarks">
          <Async state={benchmarks} what="benchmarks">
            {(list) =>
              list.length === 0 ? <EmptyState title="No benchmarks are registered" /> : <BenchmarkPicker benchmarks={list} selected={setup.selected} onToggle={setup.toggle} />
            }
          </Async>
        </Section>
      ) : null}
      {setup.mode.kind === 'suite' && setup.mode.suite === 'system' ? null : (
        <Section title="Model">
          <ModelPicker value={setup.model} onChange={setup.setModel} />
        </Section>
      )}
      <Section title="Repetitions">
        <div className="field">
          <label htmlFor="repetitions">Counted repetitions per benchmark</label>
          <input id="repetitions" className="input input-narrow num" type="number" inputMode="numeric" min={1} max={MAX_REPETITIONS}
            placeholder="default" value={setup.repetitions} onChange={(e) => setup.setRepetitions(e.target.value)}
            aria-invalid={setup.repetitionsError !== null} aria-describedby="repetitions-help" />
          <p id="repetitions-help" className={setup.repetitionsError === null ? 'field-help' : 'field-error'}>
            {setup.repetitionsError ?? 'Empty uses each benchmark’s default (5; 3 in the quick suite). Unstable results get up to twice as many.'}
          </p>
        </div>
      </Section>
      <Section title="Plan">
        {setup.request === null ? (
          <EmptyState title={setup.repetitionsError === null ? 'Choose at least one benchmark' : 'Fix the repetitions first'} />
        ) : (
          <Async state={plan} what="the plan">
            {(instances) =>
              instances.length === 0 ? <EmptyState title="Nothing to run in this selection" /> : <PlanSummary plan={instances} howToEnable={enableHints(benchmarks.value)} />
            }
          </Async>
        )}
        {/* Checks are advice: while they load or if they fail, the plan above still stands. */}
        {setup.request === null || preflight.value === undefined ? null : <PreflightList checks={preflight.value} titles={titlesOf(benchmarks.value)} />}
      </Section>
      <div className="form-actions">
        <button type="submit" className="button button-primary button-large" disabled={!hasRunnable || isStarting}>
          {isStarting ? 'Starting…' : 'Start'}
        </button>
      </div>
    </form>
  );
}

/** How to enable each unavailable benchmark, by id, for the plan (a planned instance carries only the reason). */
function enableHints(list: BenchmarkInfo[] | undefined): Map<string, string> {
  const hints = new Map<string, string>();
  for (const b of list ?? []) if (!b.availability.isAvailable && b.availability.howToEnable !== undefined) hints.set(b.id, b.availability.howToEnable);
  return hints;
}

/** Catalogue titles by id, for messages core writes with ids (pre-flight checks). */
function titlesOf(list: BenchmarkInfo[] | undefined): Map<string, string> {
  return new Map((list ?? []).map((b) => [b.id, b.title]));
}

function Choice({ label, description, isChecked, onSelect }: { label: string; description: string; isChecked: boolean; onSelect: () => void }): ReactNode {
  return (
    <label className={`choice${isChecked ? ' is-checked' : ''}`}>
      <input type="radio" name="run-kind" checked={isChecked} onChange={onSelect} />
      <span className="choice-label">{label}</span>
      <span className="choice-description">{description}</span>
    </label>
  );
}
