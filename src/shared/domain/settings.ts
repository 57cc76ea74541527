import { z } from 'zod';

/** Engine endpoints must be http(s) URLs; loopback is the default and the only thing Rigmark reaches unasked. */
const EndpointSchema = z.string().url().max(2048);

export const SettingsSchema = z.object({
  ollamaEndpoint: EndpointSchema,
  openaiEndpoint: EndpointSchema,
  /** Model name for the OpenAI-compatible endpoint; empty = the first listed by /v1/models. */
  openaiModel: z.string().max(512),
  /** Folders searched (read-only) for GGUF files. */
  modelFolders: z.array(z.string().min(1).max(4096)).max(50),
  theme: z.enum(['dark', 'light', 'system']),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  ollamaEndpoint: 'http://127.0.0.1:11434',
  openaiEndpoint: 'http://127.0.0.1:8000',
  openaiModel: '',
  modelFolders: [],
  theme: 'dark',
};
