import { useCallback, useState } from 'react';
import type { ApiError, ChannelOutput } from '../../../shared/api/contract';
import { MAX_USER_REFERENCE_CHARS } from '../../../shared/domain/user-reference';
import { useApi } from './api-context';
import { useCall, type CallState } from './use-call';

export interface ReferenceFilesState {
  files: CallState<ChannelOutput<'reference:files'>>;
  /** Reads the chosen file and asks core to add it (core validates the whole file before keeping it). */
  add: (file: File, options?: { replace?: boolean }) => Promise<void>;
  remove: (name: string) => Promise<void>;
  isPending: boolean;
  error: ApiError | null;
  /** The file a CONFLICT answer was about, so the user can choose to replace it. */
  conflictFile: File | null;
}

/** A picked file's text (FileReader: also present where `Blob.text()` is not, as in jsdom). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsText(file);
  });
}

/** The user's own reference files: listed, added from a file picker, removed; `onChange` after each change. */
export function useReferenceFiles(onChange: () => void): ReferenceFilesState {
  const api = useApi();
  const [version, setVersion] = useState(0);
  const files = useCall('reference:files', {}, version);
  const [state, setState] = useState<{ isPending: boolean; error: ApiError | null; conflictFile: File | null }>({ isPending: false, error: null, conflictFile: null });

  const settle = useCallback(
    (error: ApiError | null, conflictFile: File | null = null) => {
      setState({ isPending: false, error, conflictFile });
      if (error === null) {
        setVersion((v) => v + 1);
        onChange();
      }
    },
    [onChange],
  );

  const add = useCallback(
    async (file: File, options: { replace?: boolean } = {}) => {
      setState({ isPending: true, error: null, conflictFile: null });
      // Refused here before reading: a huge file would otherwise be read whole into the page first.
      if (file.size > MAX_USER_REFERENCE_CHARS) return settle({ code: 'BAD_INPUT', message: `${file.name} is larger than 8 MiB` });
      let content: string;
      try {
        content = await readText(file);
      } catch (error) {
        return settle({ code: 'BAD_INPUT', message: `cannot read ${file.name}: ${error instanceof Error ? error.message : String(error)}` });
      }
      const response = await api.call('reference:add', { fileName: file.name, content, ...(options.replace ? { replace: true } : {}) });
      if (response.ok) return settle(null);
      settle(response.error, response.error.code === 'CONFLICT' ? file : null);
    },
    [api, settle],
  );

  const remove = useCallback(
    async (name: string) => {
      setState({ isPending: true, error: null, conflictFile: null });
      const response = await api.call('reference:remove', { name });
      settle(response.ok ? null : response.error);
    },
    [api, settle],
  );

  return { files, add, remove, ...state };
}
