import type { FormEvent, ReactNode } from 'react';
import type { ApiResponse } from '../../../shared/api/contract';
import type { Settings } from '../../../shared/domain/settings';
import { useSettingsForm } from '../api/use-settings-form';
import type { SettingsFormFields } from '../api/use-settings-form';
import { Section } from './Page';
import { ErrorNotice } from './States';

interface SettingsFormProps {
  initial: Omit<Settings, 'theme'>;
  save: (patch: Partial<Settings>) => Promise<ApiResponse<Settings>>;
}

/** Model folders and engine endpoints, saved together. */
export function SettingsForm({ initial, save }: SettingsFormProps): ReactNode {
  const form = useSettingsForm(initial, save);
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    void form.submit();
  };
  return (
    <form className="settings-form" onSubmit={onSubmit} noValidate aria-label="Settings">
      <Section title="Models">
        <Field id="modelFolders" label="Model folders" help="One folder per line. Rigmark only reads GGUF files from them, never writes." error={form.errors.modelFolders}>
          <textarea id="modelFolders" className="input" rows={4} value={form.fields.modelFolders} onChange={(e) => form.set('modelFolders', e.target.value)}
            spellCheck={false} aria-invalid={form.errors.modelFolders !== undefined} aria-describedby="modelFolders-help" />
        </Field>
      </Section>
      <Section title="Engines">
        <TextField form={form} id="ollamaEndpoint" label="Ollama endpoint" help="Where a local Ollama answers. Loopback unless you run it elsewhere." />
        <TextField form={form} id="openaiEndpoint" label="OpenAI-compatible endpoint" help="vLLM, llama-server, SGLang or Ollama’s /v1, for the serving benchmark." />
        <TextField form={form} id="openaiModel" label="Model on that endpoint" help="Empty uses the first model the endpoint lists." />
      </Section>
      {form.saveError === null ? null : <ErrorNotice error={form.saveError} title="Settings not saved" />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.isSaving}>
          {form.isSaving ? 'Saving…' : 'Save settings'}
        </button>
        <span role="status" className="muted">
          {form.isSaved ? 'Saved.' : ''}
        </span>
      </div>
    </form>
  );
}

function TextField({ form, id, label, help }: { form: ReturnType<typeof useSettingsForm>; id: 'ollamaEndpoint' | 'openaiEndpoint' | 'openaiModel'; label: string; help: string }): ReactNode {
  return (
    <Field id={id} label={label} help={help} error={form.errors[id]}>
      <input id={id} className="input" type="text" value={form.fields[id]} onChange={(e) => form.set(id, e.target.value)} spellCheck={false}
        autoComplete="off" aria-invalid={form.errors[id] !== undefined} aria-describedby={`${id}-help`} />
    </Field>
  );
}

function Field({ id, label, help, error, children }: { id: keyof SettingsFormFields; label: string; help: string; error?: string; children: ReactNode }): ReactNode {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      <p id={`${id}-help`} className={error === undefined ? 'field-help' : 'field-error'}>
        {error ?? help}
      </p>
    </div>
  );
}
