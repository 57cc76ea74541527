import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { RigmarkApi } from '../../../shared/api/contract';

const ApiContext = createContext<RigmarkApi | null>(null);

/** Makes one `RigmarkApi` (IPC, HTTP or a test's fake) available to every hook below it. */
export function ApiProvider({ api, children }: { api: RigmarkApi; children: ReactNode }): ReactNode {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The typed client; the renderer reaches core only through this. */
export function useApi(): RigmarkApi {
  const api = useContext(ApiContext);
  if (api === null) throw new Error('useApi() needs an <ApiProvider> above it');
  return api;
}
