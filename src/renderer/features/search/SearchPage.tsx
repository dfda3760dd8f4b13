import { useEffect } from 'react';
import { formatCnpj } from '../../../shared/domain';
import { useRouter, useSearch, useT } from '../../app/services';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { FormError, TextInput } from '../../components/Field';
import { SearchFilters } from './SearchFilters';
import { SearchHits } from './SearchHits';
import { isFiltered } from './search-route';

/** SPEC §4 Search: every field of an OC, accent-insensitive, filters beside the text, honest totals. */
export const SearchPage = () => {
  const { t, lang } = useT();
  const navigate = useRouter((s) => s.navigate);
  const text = useSearch((s) => s.text);
  const setText = useSearch((s) => s.setText);
  const submit = useSearch((s) => s.submit);
  const refresh = useSearch((s) => s.refresh);
  const { ran, result, loading, error, filters } = useSearch((s) => s);
  // A search that ran before this window was logged in (an address restored at start) runs again once shown.
  // Only when the page opens: a failure while it is on screen stays shown.
  const failedBefore = useSearch((s) => s.error !== null);
  useEffect(() => {
    if (failedBefore) refresh();
  }, [refresh]);

  const summary = (() => {
    if (loading && result === null) return t('search.loading');
    if (result === null) return null;
    if (result.hits.length < result.total) return t('search.capped', { shown: result.hits.length, total: result.total });
    return t('search.count', { count: result.total });
  })();

  return (
    <div className="page page-search" data-testid="search-page">
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
          submit();
        }}
      >
        <TextInput className="input input-search" autoFocus placeholder={t('search.placeholder')} value={text} onChange={(e) => setText(e.target.value)} aria-label={t('search.title')} data-testid="search-input" />
        <Button type="submit" variant="primary" icon="search" disabled={text.trim() === ''} data-testid="search-run">
          {t('search.run')}
        </Button>
        {summary === null ? null : (
          <span className={`search-total${result !== null && result.hits.length < result.total ? ' is-capped' : ''}`} data-testid="search-total" aria-live="polite">
            {summary}
          </span>
        )}
      </form>
      <SearchFilters />
      <FormError message={error === null ? null : error[lang]} />
      {result !== null && result.customers.length > 0 ? (
        <div className="search-customers" data-testid="search-customers">
          <span className="search-customers-label">{t('search.customers', { count: result.customerTotal })}:</span>
          {result.customers.map((c) => (
            <button type="button" key={c.id} className="chip search-customer" onClick={() => navigate({ name: 'phone', customerId: c.id })} title={formatCnpj(c.cnpj)} data-testid="search-customer">
              <span className="chip-value" title={c.name}>{c.name}</span>
              <span className="mono muted">{formatCnpj(c.cnpj)}</span>
            </button>
          ))}
          {result.customerTotal > result.customers.length ? <span className="muted">{t('search.customersMore', { count: result.customerTotal - result.customers.length })}</span> : null}
        </div>
      ) : null}
      <div className={`search-results${loading ? ' is-loading' : ''}`}>
        {result !== null && result.hits.length > 0 ? (
          <SearchHits hits={result.hits} />
        ) : ran === null ? (
          <EmptyState icon="search" title={t('search.start')}>{t('search.startBody')}</EmptyState>
        ) : result !== null ? (
          <EmptyState icon="search" title={t('search.none')}>{isFiltered(filters) ? t('search.noneFiltered') : null}</EmptyState>
        ) : null}
      </div>
    </div>
  );
};
