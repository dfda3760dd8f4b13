import { memo, type KeyboardEvent } from 'react';
import type { SearchHit, SearchSnippet } from '../../../shared/api/search';
import { ocStage } from '../../../shared/oc/stage';
import { PLAN_LABELS } from '../../../shared/domain';
import { useRouter, useSession, useT, type Translate } from '../../app/services';
import { CriticidadeBadge, lbl, StatusBadge } from '../../components/badges';
import { formatDateTime } from '../../lib/format';
import type { MessageKey } from '../../i18n/messages';
import { Marked } from './Marked';

const fieldLabel = (snippet: SearchSnippet, t: Translate): string =>
  snippet.field === 'interaction' && snippet.interactionKind !== undefined
    ? t(`timeline.kind.${snippet.interactionKind}` as MessageKey)
    : t(`search.field.${snippet.field}` as MessageKey);

/** ↑/↓ move between results (each is a button: Tab, Enter and Space work as everywhere). */
const moveFocus = (event: KeyboardEvent<HTMLOListElement>): void => {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button.search-hit')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = buttons[Math.max(0, Math.min(buttons.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))];
  if (next === undefined) return;
  event.preventDefault();
  next.focus();
};

const Hit = memo(({ hit, onOpen }: { hit: SearchHit; onOpen: (id: string) => void }) => {
  const { t, lang } = useT();
  const catalogName = useSession((s) => s.catalogName);
  const { row } = hit;
  const meta = `${row.customerName} · ${catalogName(row.module)} · ${lbl(PLAN_LABELS[row.plan], lang)} · ${t('search.opened', { when: formatDateTime(row.createdAt, lang) })}`;
  return (
    <li>
      <button type="button" className="search-hit" onClick={() => onOpen(row.id)} data-testid="search-hit" data-oc={row.id} data-status={row.status} data-plan={row.plan}>
        <span className="search-hit-head">
          <span className="mono search-hit-number">{row.displayNumber}</span>
          <CriticidadeBadge criticidade={row.criticidade} lang={lang} />
          <span className="search-hit-subject ellipsis" title={row.subject}>{row.subject}</span>
          <StatusBadge stage={ocStage(row)} lang={lang} />
        </span>
        {/* It wraps rather than cut: a long customer and module must not hide when the OC was opened. */}
        <span className="search-hit-meta">
          {meta}
        </span>
        {hit.snippets.map((snippet, i) => (
          <span className="search-snippet" key={i} data-testid="search-snippet" data-field={snippet.field}>
            <span className="search-snippet-field">{fieldLabel(snippet, t)}:</span> <Marked text={snippet.text} marks={snippet.marks} />
          </span>
        ))}
      </button>
    </li>
  );
});

/** The results, newest first, each with why it matched. */
export const SearchHits = ({ hits }: { hits: readonly SearchHit[] }) => {
  const { t } = useT();
  const navigate = useRouter((s) => s.navigate);
  return (
    <ol className="search-hits" aria-label={t('search.results')} onKeyDown={moveFocus} data-testid="search-hits">
      {hits.map((hit) => (
        <Hit key={hit.row.id} hit={hit} onOpen={(id) => navigate({ name: 'oc', id })} />
      ))}
    </ol>
  );
};
