// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { UserReferenceFileInfo } from '../../../shared/domain/user-reference';
import { createFakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';

afterEach(cleanup);

const fleet: UserReferenceFileInfo = {
  name: 'fleet.json',
  sourceLabel: 'your file: fleet.json',
  sourceText: 'Example fleet measurements',
  status: 'loaded',
  problem: null,
  recordCount: 2,
  cardKeys: ['fleet-l40s', 'a100'],
  newCardKeys: ['fleet-l40s'],
  sizeBytes: 3000,
};

describe('Your reference files (Reference page)', () => {
  it('sends the picked file with its name to core, then lists it and reloads the cards', async () => {
    const stored: UserReferenceFileInfo[] = [];
    const api = createFakeApi({
      'reference:cards': () => [],
      'reference:files': () => [...stored],
      'reference:add': () => {
        stored.push(fleet);
        return fleet;
      },
    });
    renderApp(api, '/reference');
    await screen.findByText('None added yet.');
    const content = '{"records": []}';
    fireEvent.change(screen.getByLabelText('Reference file'), { target: { files: [new File([content], 'fleet.json', { type: 'application/json' })] } });
    await screen.findByText('2 figures for fleet-l40s, a100 (cards of its own: fleet-l40s) · Example fleet measurements');
    expect(api.callsTo('reference:add')).toEqual([{ fileName: 'fleet.json', content }]);
    await waitFor(() => expect(api.callsTo('reference:cards').length).toBeGreaterThan(1));
  });

  it('shows why core refused a file, and offers to replace one added before', async () => {
    let answer = { code: 'BAD_INPUT' as const, message: 'bad.json: reference record #1 (id x): value: expected number, got string — the file was not added' };
    const api = createFakeApi({
      'reference:cards': () => [],
      'reference:files': () => [],
      'reference:add': (input) => (input.replace ? fleet : { error: answer }),
    });
    renderApp(api, '/reference');
    await screen.findByText('None added yet.');
    const picker = screen.getByLabelText('Reference file');
    fireEvent.change(picker, { target: { files: [new File(['{}'], 'bad.json')] } });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(answer.message)).toBeTruthy();
    answer = { ...answer, code: 'CONFLICT' as never, message: 'fleet.json is added already' };
    fireEvent.change(picker, { target: { files: [new File(['{}'], 'fleet.json')] } });
    fireEvent.click(await screen.findByRole('button', { name: 'Replace fleet.json' }));
    await waitFor(() => expect(api.callsTo('reference:add').at(-1)).toEqual({ fileName: 'fleet.json', content: '{}', replace: true }));
  });
});
