import type { ReactNode } from 'react';
import type { CardComparison, CardPairRow, FigureRef } from '../../../shared/domain/compare';
import { formatPublished } from '../lib/format';
import { shortCardName } from '../lib/labels';
import { groupBySource, isSaidBySummary, splitSharedText } from '../lib/source-groups';
import type { LabelledText } from './ReferenceCells';
import { mergeSides, OwnNote, OwnSettings, SettingsSummaryText } from './ReferenceCells';
import type { GroupSource, GroupText } from './SourceGroupRow';
import { SourceGroupRow } from './SourceGroupRow';
import { SpeedRatio } from './SpeedRatio';
import { TableScroll } from './TableScroll';
import './Reference.css';

const COLUMN_COUNT = 5;

/** A paired row with what its sources say once for the whole group taken out. */
interface PairLine {
  row: CardPairRow;
  /** Own settings words per side beyond the group's shared text, unless the summary says them already. */
  ownSettings: LabelledText[];
  ownNotes: LabelledText[];
}

interface PairGroup {
  key: string;
  sources: GroupSource[];
  settings: GroupText[];
  notes: GroupText[];
  lines: PairLine[];
}

function sourceOf(label: string | null, f: FigureRef): GroupSource {
  return { label, title: f.sourceTitle, url: f.sourceUrl, kind: f.sourceKind, publishedOn: f.publishedOn };
}

/** Shared text per side; one unlabelled text when both sides say the same on every row. */
function sideTexts(rows: readonly CardPairRow[], pick: (f: FigureRef) => string, names: { ref: string; vs: string }) {
  const ref = splitSharedText(rows.map((r) => pick(r.ref)));
  const vs = splitSharedText(rows.map((r) => pick(r.vs)));
  const isSame = rows.every((r) => pick(r.ref) === pick(r.vs));
  const sides = isSame ? [{ label: null, split: ref }] : [{ label: names.ref, split: ref }, { label: names.vs, split: vs }];
  return sides.map(({ label, split }) => ({ label, shared: split.shared, own: split.own }));
}

/** Rows grouped by the pair of sources they come from, in core's order of first appearance. */
function pairGroups(comparison: CardComparison): PairGroup[] {
  const names = { ref: shortCardName(comparison.refDisplayName), vs: shortCardName(comparison.vsDisplayName) };
  return groupBySource(comparison.rows, (r) => [r.ref.sourceUrl, r.ref.sourceTitle, r.vs.sourceUrl, r.vs.sourceTitle].join('\n')).map((group) => {
    const first = group.rows[0];
    const isOneSource = first === undefined || (first.ref.sourceUrl === first.vs.sourceUrl && first.ref.sourceTitle === first.vs.sourceTitle);
    const settings = sideTexts(group.rows, (f) => f.settings, names);
    const notes = sideTexts(group.rows, (f) => f.note, names);
    // Own words the summary already says ("test tg512") leave the row; the header lists them once instead.
    const isHidden = (text: string, i: number): boolean => isSaidBySummary(text, group.rows[i]?.ref.settingsSummary ?? '');
    const lines = group.rows.map(
      (row, i): PairLine => ({
        row,
        ownSettings: mergeSides(settings.map((t) => ({ label: t.label, text: t.own[i] ?? '' })).filter((t) => !isHidden(t.text, i))),
        ownNotes: mergeSides(notes.map((t) => ({ label: t.label, text: t.own[i] ?? '' }))),
      }),
    );
    return {
      key: group.key,
      sources: first === undefined ? [] : isOneSource ? [sourceOf(null, first.ref)] : [sourceOf(names.ref, first.ref), sourceOf(names.vs, first.vs)],
      settings: settings.map((t) => ({ label: t.label, shared: t.shared, extras: [...new Set(t.own.filter((o, i) => o !== '' && isHidden(o, i)))] })),
      notes: notes.map((t) => ({ label: t.label, shared: t.shared, extras: [] })),
      lines,
    };
  });
}

/**
 * Card vs card, one row per paired workload: what was run in one line, both published values, and the ratio in
 * words ("1.17× faster", the ±% beside it). Rows are grouped by source; each group's header carries the source and
 * its full settings text once.
 */
export function CardPairTable({ comparison }: { comparison: CardComparison }): ReactNode {
  const refShort = shortCardName(comparison.refDisplayName);
  const vsShort = shortCardName(comparison.vsDisplayName);
  const caption = `${comparison.refDisplayName} vs ${comparison.vsDisplayName}, per workload`;
  return (
    <TableScroll label={caption}>
      <table className="table compare-table pair-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Workload</th>
            <th scope="col">Settings</th>
            {/* Short names: the full ones are in the caption and above, and long headers squeeze the other columns. */}
            <th scope="col" className="num end">
              {refShort}
            </th>
            <th scope="col" className="num end">
              {vsShort}
            </th>
            <th scope="col" className="num end">
              {refShort} vs {vsShort}
            </th>
          </tr>
        </thead>
        {pairGroups(comparison).map((group) => (
          <tbody key={group.key}>
            <SourceGroupRow columnCount={COLUMN_COUNT} sources={group.sources} count={group.lines.length} settings={group.settings} notes={group.notes} />
            {group.lines.map((line) => (
              <PairRow key={line.row.sourceBenchmarkId} line={line} vsShort={vsShort} />
            ))}
          </tbody>
        ))}
      </table>
    </TableScroll>
  );
}

function PairRow({ line, vsShort }: { line: PairLine; vsShort: string }): ReactNode {
  const { row } = line;
  const summary = row.ref.settingsSummary !== '' ? row.ref.settingsSummary : row.vs.settingsSummary;
  // Paired figures share the workload identity, so the two summaries rarely differ; when they do, both are shown.
  const vsSummary = row.vs.settingsSummary !== '' && row.vs.settingsSummary !== summary ? row.vs.settingsSummary : null;
  return (
    <tr>
      <th scope="row">
        {row.model === '' ? row.metric : row.model}
        <p className="cell-note muted">
          {row.model === '' ? null : row.metric}
          {row.higherIsBetter ? '' : `${row.model === '' ? '' : ' · '}lower is better`}
        </p>
        {row.labels.length === 0 ? null : (
          <ul className="match-labels">
            {row.labels.map((label) => (
              <li key={label}>{label}</li>
            ))}
          </ul>
        )}
        <OwnNote texts={line.ownNotes} />
      </th>
      <td className="settings-cell">
        <SettingsSummaryText summary={summary} />
        {vsSummary === null ? null : (
          <p className="cell-note">
            <span className="strong">{vsShort}: </span>
            <SettingsSummaryText summary={vsSummary} />
          </p>
        )}
        <OwnSettings texts={line.ownSettings} />
      </td>
      <td className="num end">
        <PublishedValue figure={row.ref} unit={row.unit} />
      </td>
      <td className="num end">
        <PublishedValue figure={row.vs} unit={row.unit} />
      </td>
      <td className="num end">
        <SpeedRatio ratio={row.ratio} deltaPct={row.deltaPct} reason={row.reason} />
        {row.ratio === null && row.reason !== null ? <p className="cell-note muted">{row.reason}</p> : null}
      </td>
    </tr>
  );
}

/** A value as published, with the card variant the source measured when it names one. */
function PublishedValue({ figure, unit }: { figure: FigureRef; unit: string }): ReactNode {
  return (
    <>
      <span className="strong nowrap">{formatPublished(figure.value, unit)}</span>
      {figure.gpuVariant === '' ? null : <p className="cell-note muted nowrap">{figure.gpuVariant}</p>}
    </>
  );
}
