import type { ReactNode } from 'react';
import type { ReferenceRecord } from '../../../shared/domain/reference';
import { ReferenceSuiteSchema } from '../../../shared/domain/reference';
import { settingsSummary } from '../../../shared/format/workload';
import { formatPublished } from '../lib/format';
import { REFERENCE_SUITE_LABELS } from '../lib/labels';
import { groupBySource, isSaidBySummary, splitSharedText } from '../lib/source-groups';
import { OwnNote, OwnSettings, SettingsSummaryText } from './ReferenceCells';
import type { GroupSource, GroupText } from './SourceGroupRow';
import { SourceGroupRow } from './SourceGroupRow';
import { TableScroll } from './TableScroll';
import './Reference.css';

/** A figure with what its source says once for the whole group taken out of the row. */
interface FigureLine {
  figure: ReferenceRecord;
  summary: string;
  /** The row's own settings words beyond the source's shared text, when the summary does not already say them. */
  ownSettings: string;
  /** Own words the summary says already: listed once in the source's header instead. */
  hiddenSettings: string;
  ownNote: string;
}

/** Which columns a suite's table needs: spec rows have no model, Trooper rows no stated settings. */
interface Columns {
  hasModel: boolean;
  hasVariant: boolean;
  hasSettings: boolean;
  /** The unit every row shares, said once in the Value header ("tokens/s"); null when units differ (specs). */
  sharedUnit: string | null;
}

/** Up to this many characters a model name or metric is kept on one line ("Meta Llama 3 8B Q4_K_M (GGUF)"). */
const SHORT_TEXT = 32;
const shortClass = (text: string): string | undefined => (text.length <= SHORT_TEXT ? 'is-short' : undefined);

/** Spec records name no model ('-' in the source). */
function modelOf(f: ReferenceRecord): string | null {
  const model = f.model.trim();
  return model === '' || model === '-' ? null : model;
}

/**
 * A card's published figures, one table per suite and, inside it, one group per source: the source's title,
 * address and settings text once in the group's header, each row then the model, metric, a one-line settings
 * summary and the value.
 */
export function FigureTable({ figures }: { figures: readonly ReferenceRecord[] }): ReactNode {
  const suites = ReferenceSuiteSchema.options.filter((s) => figures.some((f) => f.suite === s));
  return (
    <div className="result-list">
      {suites.map((suite) => (
        <SuiteTable key={suite} title={REFERENCE_SUITE_LABELS[suite]} figures={figures.filter((f) => f.suite === suite)} isCollapsed={suite === 'spec'} />
      ))}
    </div>
  );
}

interface SuiteGroup {
  key: string;
  source: GroupSource;
  lines: FigureLine[];
  settings: GroupText;
  note: string;
}

interface SuiteLayout {
  groups: SuiteGroup[];
  columns: Columns;
  columnCount: number;
}

/** A suite's figures grouped by source, with what each source says once taken out of its rows. */
function suiteLayout(figures: readonly ReferenceRecord[]): SuiteLayout {
  const groups = groupBySource(figures, (f) => `${f.sourceUrl}\n${f.sourceTitle}`).flatMap((group): SuiteGroup[] => {
    const first = group.rows[0];
    if (first === undefined) return [];
    const settings = splitSharedText(group.rows.map((f) => f.settings));
    const notes = splitSharedText(group.rows.map((f) => f.note));
    const lines = group.rows.map((figure, i): FigureLine => {
      const summary = settingsSummary(figure.workload);
      const own = settings.own[i] ?? '';
      const isHidden = isSaidBySummary(own, summary);
      return { figure, summary, ownSettings: isHidden ? '' : own, hiddenSettings: isHidden ? own : '', ownNote: notes.own[i] ?? '' };
    });
    // Own words the summary already says ("test tg512") left their rows; the header lists them once instead.
    const extras = [...new Set(lines.map((l) => l.hiddenSettings).filter((t) => t !== ''))];
    const source = { label: null, title: first.sourceTitle, url: first.sourceUrl, kind: first.sourceKind, publishedOn: first.publishedOn };
    return [{ key: group.key, source, lines, settings: { label: null, shared: settings.shared, extras }, note: notes.shared }];
  });
  const all = groups.flatMap((g) => g.lines);
  const unit = all[0]?.figure.unit ?? null;
  const columns: Columns = {
    hasModel: all.some((l) => modelOf(l.figure) !== null),
    hasVariant: all.some((l) => l.figure.gpuVariant !== ''),
    hasSettings: all.some((l) => l.summary !== '' || l.ownSettings !== ''),
    sharedUnit: all.every((l) => l.figure.unit === unit) ? unit : null,
  };
  return { groups, columns, columnCount: 2 + Number(columns.hasModel) + Number(columns.hasVariant) + Number(columns.hasSettings) };
}

interface SuiteTableProps {
  title: string;
  figures: readonly ReferenceRecord[];
  /** Behind a disclosure: the spec records, whose chosen values the Specifications section shows with their sources. */
  isCollapsed: boolean;
}

function SuiteTable({ title, figures, isCollapsed }: SuiteTableProps): ReactNode {
  const table = <FiguresTable title={title} layout={suiteLayout(figures)} />;
  return (
    <div className="section">
      <h3>
        {title} <span className="muted small">({figures.length})</span>
      </h3>
      {isCollapsed ? (
        <details className="details suite-details">
          <summary>
            All {figures.length} figure{figures.length === 1 ? '' : 's'} as the sources state them (the Specifications above show the one chosen for each)
          </summary>
          {table}
        </details>
      ) : (
        table
      )}
    </div>
  );
}

function FiguresTable({ title, layout: { groups, columns, columnCount } }: { title: string; layout: SuiteLayout }): ReactNode {
  return (
    <TableScroll label={`${title} figures`}>
      <table className="table figure-table">
        <caption className="visually-hidden">{`${title} figures`}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.hasModel ? 'Model' : 'Figure'}</th>
            {columns.hasModel ? <th scope="col">Metric</th> : null}
            {columns.hasVariant ? <th scope="col">Variant</th> : null}
            {columns.hasSettings ? <th scope="col">Settings</th> : null}
            <th scope="col" className="num end">
              Value{columns.sharedUnit === null ? null : <span className="header-unit"> ({columns.sharedUnit})</span>}
            </th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.key}>
            <SourceGroupRow
              columnCount={columnCount}
              sources={[group.source]}
              count={group.lines.length}
              settings={[group.settings]}
              notes={[{ label: null, shared: group.note, extras: [] }]}
            />
            {group.lines.map((line) => (
              <FigureRow key={line.figure.id} line={line} columns={columns} />
            ))}
          </tbody>
        ))}
      </table>
    </TableScroll>
  );
}

function FigureRow({ line, columns }: { line: FigureLine; columns: Columns }): ReactNode {
  const { figure: f, summary, ownSettings, ownNote } = line;
  const model = modelOf(f);
  return (
    <tr>
      <th scope="row" className={shortClass(model ?? f.metric)}>
        {model ?? f.metric}
        <OwnNote texts={ownNote === '' ? [] : [{ label: null, text: ownNote }]} />
      </th>
      {columns.hasModel ? <td className={shortClass(f.metric)}>{model === null ? '' : f.metric}</td> : null}
      {columns.hasVariant ? <td className="nowrap variant-cell">{f.gpuVariant === '' ? <span className="muted">not stated</span> : f.gpuVariant}</td> : null}
      {columns.hasSettings ? (
        <td className="settings-cell">
          <SettingsSummaryText summary={summary} />
          <OwnSettings texts={ownSettings === '' ? [] : [{ label: null, text: ownSettings }]} />
        </td>
      ) : null}
      <td className="num end">
        <span className="strong nowrap">{formatPublished(f.value, columns.sharedUnit === null ? f.unit : '')}</span>
        {f.higherIsBetter === false ? <p className="cell-note muted">lower is better</p> : null}
      </td>
    </tr>
  );
}
