import { useState } from 'react';
import type { ReactNode } from 'react';
import type { CardSummary } from '../../../shared/domain/reference';
import { useCardComparison, useReferenceCards } from '../api/resources';
import { CardSelect } from '../components/CardSelect';
import { CardTable } from '../components/CardTable';
import { CardVsCard } from '../components/CardVsCard';
import { Page, Section } from '../components/Page';
import { Async, EmptyState } from '../components/States';
import { TextExportButtons } from '../components/TextExportButtons';
import { UserReferenceFiles } from '../components/UserReferenceFiles';
import { shortCardName } from '../lib/labels';

/** The two cards the fleet pages compare; the card-vs-card view opens on them. */
const DEFAULT_PAIR = { ref: 'a100', vs: 'rtx-4090' } as const;

/** The bundled reference dataset: any two cards side by side, then every card with its specs and figures. */
export function ReferencePage(): ReactNode {
  const cards = useReferenceCards();
  return (
    <Page title="Reference" lead="Published GPU figures bundled with Rigmark, and any you added yourself, each with its source. Nothing here is measured on this machine.">
      <Async state={cards} what="reference cards">
        {(list) =>
          list.length === 0 ? (
            <EmptyState title="The reference dataset has no cards" />
          ) : (
            <>
              <PairSection cards={list} />
              <Section title="All cards">
                <CardTable cards={list} />
              </Section>
            </>
          )
        }
      </Async>
      <UserReferenceFiles onChange={cards.reload} />
    </Page>
  );
}

function PairSection({ cards }: { cards: readonly CardSummary[] }): ReactNode {
  const [pair, setPair] = useState<{ ref: string; vs: string }>(() => firstPair(cards));
  const comparison = useCardComparison(pair.ref, pair.vs);
  const value = comparison.value;
  return (
    <Section
      title="Card vs card"
      actions={
        value === undefined ? undefined : (
          <TextExportButtons label="Export card comparison" target={{ kind: 'cards', ref: value.refKey, vs: value.vsKey }} />
        )
      }
    >
      <div className="pair-controls">
        <CardSelect id="pair-ref" label="Card" cards={cards} value={pair.ref} onChange={(ref) => setPair((p) => ({ ...p, ref }))} />
        <button type="button" className="button button-ghost" onClick={() => setPair((p) => ({ ref: p.vs, vs: p.ref }))}>
          Swap
        </button>
        <CardSelect id="pair-vs" label="Compared with" cards={cards} value={pair.vs} onChange={(vs) => setPair((p) => ({ ...p, vs }))} />
      </div>
      <Async state={comparison} what="the card comparison">
        {(c) => (
          <>
            <p className="small muted pairing-rule">
              <span className="strong">How figures are paired:</span> {c.pairingRule}
            </p>
            <p className="small muted">
              “Faster” and “slower” describe the {shortCardName(c.refDisplayName)} against the {shortCardName(c.vsDisplayName)}; for time per image, where
              lower is better, the ratio is inverted, so faster still means faster.
            </p>
            <CardVsCard comparison={c} />
          </>
        )}
      </Async>
    </Section>
  );
}

function firstPair(cards: readonly CardSummary[]): { ref: string; vs: string } {
  const has = (key: string): boolean => cards.some((c) => c.key === key);
  if (has(DEFAULT_PAIR.ref) && has(DEFAULT_PAIR.vs)) return { ...DEFAULT_PAIR };
  return { ref: cards[0]?.key ?? '', vs: cards[1]?.key ?? cards[0]?.key ?? '' };
}
