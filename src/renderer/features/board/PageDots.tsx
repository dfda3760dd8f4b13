import type { BoardT } from './messages';

/** Which page of a rotating list is on screen: dots for the glance, "2/3" for the reader. */
export const PageDots = ({ page, pages, t }: { page: number; pages: number; t: BoardT }) =>
  pages <= 1 ? null : (
    <span className="board-pages" data-page={page + 1} data-pages={pages}>
      <span className="board-pages-dots" aria-hidden="true">
        {Array.from({ length: pages }, (_, i) => (
          <span key={i} className={i === page ? 'board-dot board-dot-on' : 'board-dot'} />
        ))}
      </span>
      <span className="board-pages-text">{t('page.of', { n: page + 1, total: pages })}</span>
    </span>
  );
