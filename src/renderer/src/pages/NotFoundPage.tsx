import type { ReactNode } from 'react';
import { Page } from '../components/Page';
import { EmptyState } from '../components/States';
import { hrefFor } from '../lib/hash-route';

export function NotFoundPage({ path }: { path: string }): ReactNode {
  return (
    <Page title="Page not found">
      <EmptyState title={`Nothing lives at ${path}.`}>
        <a href={hrefFor('/machine')}>Go to This machine</a>
      </EmptyState>
    </Page>
  );
}
