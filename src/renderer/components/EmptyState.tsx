import type { ReactNode } from 'react';
import { Icon, type IconName } from './icons';

export const EmptyState = ({ icon, title, children }: { icon: IconName; title: string; children?: ReactNode }) => (
  <div className="empty">
    <span className="empty-icon">
      <Icon name={icon} size={22} />
    </span>
    <div className="empty-title">{title}</div>
    {children === undefined ? null : <div className="empty-body">{children}</div>}
  </div>
);
