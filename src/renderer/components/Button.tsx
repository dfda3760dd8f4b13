import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { Icon, type IconName } from './icons';
import { Kbd } from './Kbd';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger' | 'subtle';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: 's' | 'm';
  icon?: IconName;
  /** Keyboard shortcut shown inside the button (the help overlay lists them all). */
  shortcut?: string;
  busy?: boolean;
  children?: ReactNode;
}

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(
  ({ variant = 'secondary', size = 'm', icon, shortcut, busy = false, children, className, disabled, type, ...rest }, ref) => (
    <button
      ref={ref}
      type={type ?? 'button'}
      className={`btn btn-${variant} btn-${size}${busy ? ' is-busy' : ''}${className === undefined ? '' : ` ${className}`}`}
      disabled={disabled === true || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {busy ? <span className="spinner" aria-hidden="true" /> : icon === undefined ? null : <Icon name={icon} size={size === 's' ? 14 : 15} />}
      {children === undefined ? null : <span className="btn-label">{children}</span>}
      {shortcut === undefined ? null : <Kbd keys={shortcut} subtle={variant !== 'primary'} />}
    </button>
  ),
);
Button.displayName = 'Button';

export const IconButton = forwardRef<HTMLButtonElement, ButtonProps & { label: string }>(({ label, icon, ...rest }, ref) => (
  <Button ref={ref} variant="ghost" icon={icon} aria-label={label} title={label} className="btn-icon" {...rest} />
));
IconButton.displayName = 'IconButton';
