/** "Ctrl+K" → ⌃K-style keycaps; "g i" → two caps (a sequence). */
export const Kbd = ({ keys, subtle = false }: { keys: string; subtle?: boolean }) => (
  <span className={`kbd-group${subtle ? ' is-subtle' : ''}`} aria-hidden="true">
    {keys.split(' ').map((part, i) => (
      <kbd key={i} className="kbd">
        {part}
      </kbd>
    ))}
  </span>
);
