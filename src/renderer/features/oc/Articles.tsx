import type { N0Article } from '../../../shared/api/workspace';
import { n0ArticleText } from '../../../shared/kb/n0-articles';
import { useT } from '../../app/services';
import { Button } from '../../components/Button';
import { Icon, type IconName } from '../../components/icons';

const SOURCE_ICON: Record<N0Article['source'], IconName> = { blog: 'globe', manual: 'book', ead: 'graduation' };

/** Nível 0 (manual): the articles for this OC's module, any of which can become the reply. */
export const Articles = ({ articles, onUse, canReply }: { articles: N0Article[]; onUse: (article: N0Article) => void; canReply: boolean }) => {
  const { t, lang } = useT();
  if (articles.length === 0) return null;
  return (
    <section className="card" aria-label={t('articles.title')} data-testid="articles">
      <div className="card-head">
        <Icon name="book" size={14} />
        <h3>{t('articles.title')}</h3>
      </div>
      <ul className="card-body articles">
        {articles.slice(0, 6).map((article) => {
          // The analyst reads it in the UI language; the reply it becomes is in Portuguese, for the customer.
          const text = n0ArticleText(article.id, lang) ?? article;
          return (
          <li key={article.id} className="article" data-testid="article">
            <div className="article-source">
              <Icon name={SOURCE_ICON[article.source]} size={12} /> {t(`articles.source.${article.source}`)}
            </div>
            <div className="article-title">
              {article.url === null ? (
                text.title
              ) : (
                <a href={article.url} target="_blank" rel="noopener noreferrer">
                  {text.title} <Icon name="external" size={11} />
                </a>
              )}
            </div>
            <div className="faint article-summary">{text.summary}</div>
            <Button size="s" variant="subtle" icon="send" disabled={!canReply} onClick={() => onUse(article)} data-testid="article-use">
              {t('articles.send')}
            </Button>
          </li>
          );
        })}
      </ul>
    </section>
  );
};
