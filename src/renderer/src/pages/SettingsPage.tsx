import type { ReactNode } from 'react';
import { useAppInfo } from '../api/resources';
import { useSettings } from '../api/settings-context';
import type { ThemePreference } from '../api/settings-context';
import { KeyValues } from '../components/KeyValues';
import { Page, Section } from '../components/Page';
import { SettingsForm } from '../components/SettingsForm';
import { Async } from '../components/States';

/** Where data lives (read-only), then the editable settings. */
export function SettingsPage(): ReactNode {
  const info = useAppInfo();
  const { load, settings, update, theme } = useSettings();
  return (
    <Page title="Settings" lead="Rigmark works offline: it only reaches the engine endpoints you set here.">
      <Section title="Data">
        <Async state={info} what="app information">
          {(app) => (
            <div className="card">
              <KeyValues
                items={[
                  ['Data location', <code className="path">{app.dataDir}</code>],
                  ['Version', app.version],
                  ['Mode', app.mode === 'desktop' ? 'Desktop app' : 'Web (rigmark serve)'],
                  ['Runtime', `Node ${app.node}${app.electron === null ? '' : ` · Electron ${app.electron}`}`],
                ]}
              />
              <p className="muted small card-note">Set RIGMARK_DATA_DIR before starting Rigmark to keep data elsewhere.</p>
            </div>
          )}
        </Async>
      </Section>
      {settings === null ? (
        <Async state={load} what="settings">
          {() => null}
        </Async>
      ) : (
        <SettingsForm initial={settings} save={update} />
      )}
      <Section title="Appearance">
        <div className="field">
          <label htmlFor="theme">Theme</label>
          <select id="theme" className="input input-narrow" value={theme.preference} onChange={(e) => theme.setPreference(e.target.value as ThemePreference)}
            aria-describedby="theme-help">
            <option value="dark">Dark</option>
            <option value="light">Light</option>
            <option value="system">System</option>
          </select>
          <p id="theme-help" className={theme.error === null ? 'field-help' : 'field-error'}>
            {theme.error === null ? 'Applies at once. System follows the operating system’s light or dark setting.' : `Not saved: ${theme.error.message}`}
          </p>
        </div>
      </Section>
    </Page>
  );
}
