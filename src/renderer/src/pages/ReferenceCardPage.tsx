import type { ReactNode } from 'react';
import { useReferenceCards, useReferenceFigures } from '../api/resources';
import { CardSpecs } from '../components/CardSpecs';
import { FigureTable } from '../components/FigureTable';
import { Page, Section } from '../components/Page';
import { Async, EmptyState } from '../components/States';
import { hrefFor } from '../lib/hash-route';
import { VENDOR_LABELS } from '../lib/labels';

/** One reference card: its spec figures with their sources, then every published figure for it. */
export function ReferenceCardPage({ gpuKey }: { gpuKey: string }): ReactNode {
  const cards = useReferenceCards();
  const card = cards.value?.find((c) => c.key === gpuKey);
  const figures = useReferenceFigures(cards.value !== undefined && card === undefined ? null : gpuKey);
  return (
    <Page
      title={card?.displayName ?? (cards.status === 'loading' ? 'Reference card' : 'Card not found')}
      lead={
        card === undefined
          ? undefined
          : `${VENDOR_LABELS[card.vendor]} · ${card.figureCount} published figures${card.variants.length > 0 ? ` · variants in the sources: ${card.variants.join(', ')}` : ''}`
      }
    >
      <p className="breadcrumb">
        <a href={hrefFor('/reference')}>← All reference cards</a>
      </p>
      <Async state={cards} what="reference cards">
        {() =>
          card === undefined ? (
            <EmptyState title={`No card “${gpuKey}” in the reference dataset`} />
          ) : (
            <>
              <Section title="Specifications">
                <CardSpecs card={card} />
              </Section>
              <Section title="Published figures">
                <Async state={figures} what="figures">
                  {(list) => (list.length === 0 ? <EmptyState title="No figures for this card" /> : <FigureTable figures={list} />)}
                </Async>
              </Section>
            </>
          )
        }
      </Async>
    </Page>
  );
}
