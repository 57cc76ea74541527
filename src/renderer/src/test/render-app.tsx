import { render } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import { App } from '../App';
import { withValidation } from '../api/validated-api';
import type { FakeApi } from './fake-api';

/** Renders the whole app at `path` over a fake API, validated like the real transports are. */
export function renderApp(api: FakeApi, path: string): RenderResult {
  window.location.hash = path;
  return render(<App api={withValidation(api)} />);
}
