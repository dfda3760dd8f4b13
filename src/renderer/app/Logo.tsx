/** The S.O.E. mark: a radar sweep over a grid — the War Room watching every deadline. */
export const Logo = ({ size = 28 }: { size?: number }) => (
  <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" className="logo">
    <rect x="1" y="1" width="30" height="30" rx="8" fill="#1f3f8f" />
    <circle cx="16" cy="16" r="9.5" fill="none" stroke="#9fb8f2" strokeWidth="1.4" />
    <circle cx="16" cy="16" r="5" fill="none" stroke="#9fb8f2" strokeWidth="1.2" opacity="0.7" />
    <path d="M16 16 L24.5 10.5 A9.5 9.5 0 0 1 25.5 16 Z" fill="#e69f00" />
    <circle cx="16" cy="16" r="1.8" fill="#fff" />
  </svg>
);
