import { apiContract, apiEventSchema } from '../../../shared/api/contract';
import type { ApiResponse, Channel, ChannelInput, ChannelOutput, RigmarkApi } from '../../../shared/api/contract';

/**
 * Wraps any transport so that what reaches the UI matches the contract: outputs and events are parsed with the
 * contract's zod schemas (cheap next to a network or IPC hop), and a transport that throws becomes an
 * `{ ok: false }` response, so components only ever handle one error shape.
 */
export function withValidation(inner: RigmarkApi): RigmarkApi {
  return {
    async call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ApiResponse<ChannelOutput<C>>> {
      let response: ApiResponse<ChannelOutput<C>>;
      try {
        response = await inner.call(channel, input);
      } catch (error) {
        return { ok: false, error: { code: 'INTERNAL', message: errorMessage(error) } };
      }
      if (!response.ok) return response;
      const parsed = apiContract[channel].output.safeParse(response.value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue === undefined ? '' : ` at ${issue.path.join('.') || '(root)'}: ${issue.message}`;
        return { ok: false, error: { code: 'INTERNAL', message: `Unexpected reply from ${channel}${where}` } };
      }
      // The schema for `channel` produced this value, so it has the channel's output type.
      return { ok: true, value: parsed.data as ChannelOutput<C> };
    },
    onEvent(listener) {
      return inner.onEvent((event) => {
        const parsed = apiEventSchema.safeParse(event);
        // A malformed event is dropped rather than half-applied to the live view.
        if (parsed.success) listener(parsed.data);
        else console.warn('rigmark: ignored an event that does not match the contract', parsed.error.issues[0]);
      });
    },
  };
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'Unknown error';
}
