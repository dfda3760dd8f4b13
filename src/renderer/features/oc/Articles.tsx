import type { N0Article } from '../../../shared/api/workspace';
import { useT } from '../../app/services';
import { Button } from '../../components/Button';
import { Icon, type IconName } from '../../components/icons';

const SOURCE_ICON: Record<N0Article['source'], IconName> = { blog: 'globe', manual: 'book', ead: 'graduation' };

/** Nível 0 (manual): the articles for this OC's module, any of which can become the reply. */
export const Articles = ({ articles, onUse, canReply }: { articles: N0Article[]; onUse: (article: N0Article) => void; canReply: boolean }) => {
  const { t } = useT();
  if (articles.length === 0) return null;
  return (
    <section className="card" aria-label={t('articles.title')} data-testid="articles">
      <div className="card-head">
        <Icon name="book" size={14} />
        <h3>{t('articles.title')}</h3>
      </div>
      <ul className="card-body articles">
        {articles.slice(0, 6).map((article) => (
          <li key={article.id} className="article" data-testid="article">
            <div className="article-source">
              <Icon name={SOURCE_ICON[article.source]} size={12} /> {t(`articles.source.${article.source}`)}
            </div>
            <div className="article-title">
              {article.url === null ? (
                article.title
              ) : (
                <a href={article.url} target="_blank" rel="noopener noreferrer">
                  {article.title} <Icon name="external" size={11} />
                </a>
              )}
            </div>
            <div className="faint article-summary">{article.summary}</div>
            <Button size="s" variant="subtle" icon="send" disabled={!canReply} onClick={() => onUse(article)} data-testid="article-use">
              {t('articles.send')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
};
