/**
 * STAND-IN for the `electron` module, for unit tests only. The Electron binary cannot be downloaded on the
 * development and CI machines (DESIGN.md "Decisions"), so main-process and preload wiring is tested against this:
 *
 *   vi.mock('electron', () => import('../../test/stand-ins/electron'));
 *
 * How it differs from Electron: there are no processes, windows or Chromium. Objects record what was asked of
 * them (options, handlers, sent messages) and offer `simulate*` helpers to play the part of a page: navigate, call
 * `window.open`, request a permission, invoke IPC from a given frame URL, fetch a URL of a handled protocol. Only
 * the API surface Rigmark uses exists; signatures follow electron.d.ts loosely, so code under test is typed
 * against the real declarations and tests cast with {@link asElectron}.
 */
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';

/** Casts a stand-in object to the Electron type the code under test expects (tests only). */
export function asElectron<T>(fake: unknown): T {
  return fake as T;
}

type Listener = (...args: never[]) => unknown;

/** A frame as IPC and navigation events see it: its URL and whether it is a top-level frame. */
export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

/** An event object that records `preventDefault`, merged with the event's params (Electron's `Event<Params>`). */
function fakeEvent<T extends object>(params: T): T & { preventDefault(): void; defaultPrevented: boolean } {
  const event = { ...params, defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true) };
  return event;
}

class FakeWebRequest {
  headersReceived: Listener | null = null;
  beforeRequest: Listener | null = null;
  onHeadersReceived(listener: Listener | null): void {
    this.headersReceived = listener;
  }
  onBeforeRequest(listener: Listener | null): void {
    this.beforeRequest = listener;
  }
}

class FakeSession {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  devicePermissionHandler: Listener | null = null;
  webRequest = new FakeWebRequest();
  setPermissionRequestHandler(handler: Listener | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener | null): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Listener | null): void {
    this.devicePermissionHandler = handler;
  }
  /** Plays a page asking for `permission`; resolves with what the app's handler granted (Electron's default: true). */
  simulatePermissionRequest(permission: string): Promise<boolean> {
    const handler = this.permissionRequestHandler as ((wc: unknown, p: string, cb: (ok: boolean) => void, d: object) => void) | null;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler(null, permission, resolve, {}));
  }
}

class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly session: FakeSession;
  readonly mainFrame: FakeFrame = { url: '', parent: null };
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  private isGone = false;
  constructor(ses: FakeSession) {
    super();
    this.session = ses;
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.isGone;
  }
  destroy(): void {
    this.isGone = true;
    this.emit('destroyed');
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** Plays a page navigating its main frame to `url`; true when the app prevented it. */
  simulateNavigation(url: string, event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect' = 'will-navigate'): boolean {
    const e = fakeEvent({ url, isMainFrame: true, isSameDocument: false, frame: this.mainFrame });
    this.emit(event, e, url);
    return e.defaultPrevented;
  }
  /** Plays `window.open(url)`; the action the app's handler chose (Electron's default: allow). */
  simulateWindowOpen(url: string): string {
    return this.windowOpenHandler?.({ url }).action ?? 'allow';
  }
}

interface FakeBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

class FakeBrowserWindow extends EventEmitter {
  static readonly instances: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((w) => !w.isGone);
  }
  readonly webContents = new FakeWebContents(session.defaultSession);
  bounds: FakeBounds;
  isShown = false;
  private isGone = false;
  private isMax = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    const n = (key: string, fallback: number): number => (typeof options[key] === 'number' ? (options[key] as number) : fallback);
    this.bounds = { x: n('x', 0), y: n('y', 0), width: n('width', 800), height: n('height', 600) };
    FakeBrowserWindow.instances.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.webContents.mainFrame.url = url;
  }
  async loadFile(file: string): Promise<void> {
    this.webContents.mainFrame.url = pathToFileURL(file).href;
  }
  getNormalBounds(): FakeBounds {
    return { ...this.bounds };
  }
  isMaximized(): boolean {
    return this.isMax;
  }
  maximize(): void {
    this.isMax = true;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  show(): void {
    this.isShown = true;
  }
  focus(): void {}
  isDestroyed(): boolean {
    return this.isGone;
  }
  close(): void {
    this.emit('close', fakeEvent({}));
    this.isGone = true;
    this.webContents.destroy();
    this.emit('closed');
  }
}

class FakeApp extends EventEmitter {
  readonly paths = new Map<string, string>();
  version = '0.0.0-stand-in';
  appPath = process.cwd();
  isPackaged = false;
  hasSingleInstanceLock = true;
  isSandboxEnabled = false;
  /** Becomes true when `whenReady()` resolves, as Electron's `ready` does; tests reset it for a fresh start. */
  isReadyNow = false;
  quitCount = 0;
  getPath(name: string): string {
    const path = this.paths.get(name);
    if (path === undefined) throw new Error(`stand-in app.getPath: no path set for ${name}`);
    return path;
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }
  getVersion(): string {
    return this.version;
  }
  getAppPath(): string {
    return this.appPath;
  }
  requestSingleInstanceLock(): boolean {
    return this.hasSingleInstanceLock;
  }
  enableSandbox(): void {
    this.isSandboxEnabled = true;
  }
  isReady(): boolean {
    return this.isReadyNow;
  }
  whenReady(): Promise<void> {
    return Promise.resolve().then(() => void (this.isReadyNow = true));
  }
  quit(): void {
    this.quitCount += 1;
  }
  exit(): void {
    this.quitCount += 1;
  }
  setAboutPanelOptions(): void {}
}

class FakeIpcMain {
  readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Plays `ipcRenderer.invoke` from a frame at `frame.url` (sender is a fresh web contents unless given). */
  async simulateInvoke(channel: string, frame: FakeFrame | null, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: frame, sender: new FakeWebContents(session.defaultSession) }, ...args);
  }
}

/** The renderer side: `invoke` reaches `ipcMain` handlers as if sent by the frame at `standIn.rendererFrame`. */
class FakeIpcRenderer extends EventEmitter {
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    return ipcMain.simulateInvoke(channel, standIn.rendererFrame, ...args);
  }
}

class FakeUtilityProcess extends EventEmitter {
  static readonly forks: FakeUtilityProcess[] = [];
  pid: number | undefined = undefined;
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  readonly posted: unknown[] = [];
  killCount = 0;
  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: Record<string, unknown>,
  ) {
    super();
    FakeUtilityProcess.forks.push(this);
  }
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  kill(): boolean {
    this.killCount += 1;
    return true;
  }
  /** Plays the child starting with process id `pid`. */
  simulateSpawn(pid: number): void {
    this.pid = pid;
    this.emit('spawn');
  }
}

/** One entry of `protocol.registerSchemesAsPrivileged` (Electron's `CustomScheme`). */
interface FakeCustomScheme {
  scheme: string;
  privileges?: Record<string, boolean>;
}

type FakeProtocolHandler = (request: Request) => Response | Promise<Response>;

/**
 * `protocol` of the default session. Like Electron, privileged schemes can be registered only before `ready`
 * (it throws after) and a scheme can have one handler (a second `handle` throws). `simulateRequest` plays the
 * page fetching a URL: the handler of its scheme gets a real `Request` and its `Response` comes back.
 */
class FakeProtocol {
  readonly privilegedSchemes: FakeCustomScheme[] = [];
  readonly handlers = new Map<string, FakeProtocolHandler>();
  registerSchemesAsPrivileged(customSchemes: FakeCustomScheme[]): void {
    if (app.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    this.privilegedSchemes.push(...customSchemes);
  }
  handle(scheme: string, handler: FakeProtocolHandler): void {
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.handlers.set(scheme, handler);
  }
  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  }
  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  }
  async simulateRequest(url: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME (${url})`);
    return handler(new Request(url, init));
  }
  /** Forgets schemes and handlers (a fresh process, for tests that re-import the main entry). */
  reset(): void {
    this.privilegedSchemes.length = 0;
    this.handlers.clear();
  }
}

export const session = { defaultSession: new FakeSession() };
export const app = new FakeApp();
export const protocol = new FakeProtocol();
export const BrowserWindow = FakeBrowserWindow;
export const ipcMain = new FakeIpcMain();
export const ipcRenderer = new FakeIpcRenderer();
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    contextBridge.exposed.set(key, api);
  },
};
export const Menu = {
  current: null as { template: unknown[] } | null,
  buildFromTemplate: (template: unknown[]): { template: unknown[] } => ({ template }),
  setApplicationMenu(menu: { template: unknown[] } | null): void {
    Menu.current = menu;
  },
};
export const dialog = {
  calls: [] as Array<{ kind: string; options: unknown }>,
  nextSavePath: undefined as string | undefined,
  nextOpenPath: undefined as string | undefined,
  async showOpenDialog(...args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> {
    dialog.calls.push({ kind: 'open', options: args.at(-1) });
    return { canceled: dialog.nextOpenPath === undefined, filePaths: dialog.nextOpenPath === undefined ? [] : [dialog.nextOpenPath] };
  },
  async showSaveDialog(...args: unknown[]): Promise<{ canceled: boolean; filePath: string }> {
    dialog.calls.push({ kind: 'save', options: args.at(-1) });
    return { canceled: dialog.nextSavePath === undefined, filePath: dialog.nextSavePath ?? '' };
  },
  async showMessageBox(...args: unknown[]): Promise<{ response: number }> {
    dialog.calls.push({ kind: 'message', options: args.at(-1) });
    return { response: 0 };
  },
  showErrorBox(title: string, content: string): void {
    dialog.calls.push({ kind: 'error', options: { title, content } });
  },
};
export const screen = {
  displays: [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
  getAllDisplays: () => screen.displays,
};
export const utilityProcess = {
  fork: (modulePath: string, args: string[] = [], options: Record<string, unknown> = {}) => new FakeUtilityProcess(modulePath, args, options),
};

/** Test controls that are not part of Electron's API. */
export const standIn = {
  /** The frame `ipcRenderer.invoke` appears to come from. */
  rendererFrame: { url: '', parent: null } as FakeFrame,
  windows: FakeBrowserWindow.instances,
  forks: FakeUtilityProcess.forks,
  FakeWebContents,
  FakeSession,
};
