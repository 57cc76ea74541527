import { fireEvent, waitFor } from '@testing-library/react';
import { expect } from 'vitest';

/**
 * Clicks a button once it is enabled. A button disabled while an earlier action is pending (an export, a start)
 * drops a click silently, and React may commit the re-enabling render after the effect a test waited for (the
 * download of the previous export), most often on a loaded machine; so a test waits for the state that makes the
 * click meaningful instead of clicking right after an async step.
 */
export async function clickWhenEnabled(button: HTMLElement): Promise<void> {
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(button);
}
