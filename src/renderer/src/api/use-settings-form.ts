import { useState } from 'react';
import type { ApiError, ApiResponse } from '../../../shared/api/contract';
import { SettingsSchema } from '../../../shared/domain/settings';
import type { Settings } from '../../../shared/domain/settings';

export interface SettingsFormFields {
  ollamaEndpoint: string;
  openaiEndpoint: string;
  openaiModel: string;
  /** One folder per line, as typed. */
  modelFolders: string;
}

/** What the form saves; the theme is saved on its own, the moment it changes. */
type FormSettings = Omit<Settings, 'theme'>;

export type FieldErrors = Partial<Record<keyof SettingsFormFields, string>>;

export interface SettingsForm {
  fields: SettingsFormFields;
  set: <K extends keyof SettingsFormFields>(key: K, value: SettingsFormFields[K]) => void;
  errors: FieldErrors;
  isSaving: boolean;
  saveError: ApiError | null;
  isSaved: boolean;
  submit: () => Promise<void>;
}

/**
 * The Settings form: text fields checked with the contract's own schema before saving (the same check core makes),
 * so a bad URL is pointed at next to its field instead of coming back as one message.
 */
export function useSettingsForm(initial: FormSettings, save: (patch: Partial<Settings>) => Promise<ApiResponse<Settings>>): SettingsForm {
  const [fields, setFields] = useState<SettingsFormFields>(() => ({
    ollamaEndpoint: initial.ollamaEndpoint,
    openaiEndpoint: initial.openaiEndpoint,
    openaiModel: initial.openaiModel,
    modelFolders: initial.modelFolders.join('\n'),
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<{ isSaving: boolean; saveError: ApiError | null; isSaved: boolean }>({
    isSaving: false,
    saveError: null,
    isSaved: false,
  });

  const set = <K extends keyof SettingsFormFields>(key: K, value: SettingsFormFields[K]): void => {
    setFields((f) => ({ ...f, [key]: value }));
    setStatus((s) => ({ ...s, isSaved: false }));
  };

  const submit = async (): Promise<void> => {
    const candidate: FormSettings = {
      ollamaEndpoint: fields.ollamaEndpoint.trim(),
      openaiEndpoint: fields.openaiEndpoint.trim(),
      openaiModel: fields.openaiModel.trim(),
      modelFolders: fields.modelFolders.split('\n').map((l) => l.trim()).filter((l) => l !== ''),
    };
    const parsed = SettingsSchema.omit({ theme: true }).safeParse(candidate);
    if (!parsed.success) {
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        if (typeof key === 'string' && key in fields && next[key as keyof SettingsFormFields] === undefined) {
          next[key as keyof SettingsFormFields] = issue.message;
        }
      }
      setErrors(next);
      return;
    }
    setErrors({});
    setStatus({ isSaving: true, saveError: null, isSaved: false });
    const response = await save(parsed.data);
    setStatus({ isSaving: false, saveError: response.ok ? null : response.error, isSaved: response.ok });
  };

  return { fields, set, errors, submit, ...status };
}
