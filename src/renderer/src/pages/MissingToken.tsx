import type { ReactNode } from 'react';

/** Web mode opened without the token: nothing can be called, so say how to get in. */
export function MissingToken({ message }: { message: string }): ReactNode {
  return (
    <main className="main main-centered">
      <div className="state state-error" role="alert">
        <p className="state-title">Rigmark needs its access token</p>
        <p>{message}</p>
      </div>
    </main>
  );
}
