import { useEffect, useState } from 'react';
import type { QueueRow } from '../../../shared/api/views';
import { useRouter, useServices, useT } from '../../app/services';
import { EmptyState } from '../../components/EmptyState';
import { FormError, TextInput } from '../../components/Field';
import { QueueTable } from '../queue/QueueTable';

/** Full-text search over subject, description and interactions, accent-insensitive (SPEC §4: ação = acao). */
export const SearchPage = ({ q }: { q: string }) => {
  const { t, lang } = useT();
  const { api } = useServices();
  const navigate = useRouter((s) => s.navigate);
  const [text, setText] = useState(q);
  const [rows, setRows] = useState<QueueRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);

  useEffect(() => {
    setText(q);
  }, [q]);
  useEffect(() => {
    if (q.trim() === '') return setRows(null);
    let current = true;
    void api.call('oc.search', { text: q.trim(), limit: 500 }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setRows(result.value);
        setError(null);
      } else setError(result.error.message[lang]);
    });
    return () => {
      current = false;
    };
  }, [api, q, lang]);

  return (
    <div className="page" data-testid="search-page">
      <header className="page-head">
        <div>
          <h1>{t('search.title')}</h1>
          <div className="page-sub">{t('search.sub')}</div>
        </div>
      </header>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          navigate({ name: 'search', q: text });
        }}
      >
        <TextInput className="input input-search" autoFocus placeholder={t('search.placeholder')} value={text} onChange={(e) => setText(e.target.value)} aria-label={t('search.title')} data-testid="search-input" />
        {rows === null ? null : <span className="muted">{t('search.count', { count: rows.length })}</span>}
      </form>
      <FormError message={error} />
      <QueueTable
        rows={rows ?? []}
        groupBy="none"
        quickFilter=""
        cursor={cursor}
        onCursor={setCursor}
        onOpen={(id) => navigate({ name: 'oc', id })}
        label={t('search.title')}
        testId="search-table"
        empty={rows === null ? <EmptyState icon="search" title={t('search.start')}>{t('search.startBody')}</EmptyState> : <EmptyState icon="search" title={t('search.none')} />}
      />
    </div>
  );
};
