import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { BrowserWindow, Rectangle } from 'electron';
import { MIN_WINDOW_SIZE } from './window-options';
import type { WindowBounds } from './window-options';

/** What is remembered between starts, in DIPs. */
export interface WindowState extends WindowBounds {
  isMaximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, isMaximized: false };

/** Larger than any real screen; anything beyond it is a corrupt or hand-edited file. */
const MAX_SIDE = 16_384;
/** How much of the window must lie on some display for its saved position to be trusted (title bar reachable). */
const MIN_VISIBLE = 64;

const Coordinate = z.number().int().min(-MAX_SIDE).max(MAX_SIDE);
const StoredStateSchema = z.object({
  x: Coordinate.optional(),
  y: Coordinate.optional(),
  width: z.number().int().min(1).max(MAX_SIDE),
  height: z.number().int().min(1).max(MAX_SIDE),
  isMaximized: z.boolean(),
});

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/**
 * Reads the remembered window state from `file`. Anything unreadable or invalid gives the default; a size below
 * the minimum is raised to it; a position that would leave the window off every display (a monitor was unplugged)
 * is dropped so the window opens centred.
 */
export function loadWindowState(file: string, workAreas: readonly Rectangle[]): WindowState {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
  const parsed = StoredStateSchema.safeParse(raw);
  if (!parsed.success) return { ...DEFAULT_WINDOW_STATE };
  const { x, y, isMaximized } = parsed.data;
  const width = Math.max(parsed.data.width, MIN_WINDOW_SIZE.width);
  const height = Math.max(parsed.data.height, MIN_WINDOW_SIZE.height);
  if (x === undefined || y === undefined) return { width, height, isMaximized };
  const isVisible = workAreas.some((area) => {
    const shared = overlap({ x, y, width, height }, area);
    return shared.width >= MIN_VISIBLE && shared.height >= MIN_VISIBLE;
  });
  return isVisible ? { x, y, width, height, isMaximized } : { width, height, isMaximized };
}

/** Writes the state atomically (temp file + rename), so a crash mid-write never leaves a half file. Best effort. */
export function saveWindowState(file: string, state: WindowState): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(temp, file);
  } catch (error) {
    console.warn(`rigmark: could not save window state to ${file}:`, error);
  }
}

/** Saves the window's normal (un-maximised) bounds and maximised flag when it closes. */
export function rememberWindowState(window: BrowserWindow, file: string): void {
  window.on('close', () => {
    const { x, y, width, height } = window.getNormalBounds();
    const round = Math.round;
    saveWindowState(file, { x: round(x), y: round(y), width: round(width), height: round(height), isMaximized: window.isMaximized() });
  });
}
