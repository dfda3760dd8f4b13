import { useEffect, useRef } from 'react';

/** True while the person is typing somewhere: single-letter shortcuts must not steal their keys. */
export const isTyping = (target: EventTarget | null): boolean => {
  const el = target as HTMLElement | null;
  if (el === null || typeof el.tagName !== 'string') return false;
  return el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';
};

/** A dialog or an open menu has the keyboard: its letters are not shortcuts of the screen behind. */
export const modalOpen = (): boolean => document.querySelector('[aria-modal="true"], [role="menu"]') !== null;

/**
 * Single-key shortcuts of a screen ("t" take, "r" reply…). Keys are matched case-insensitively; "?" and
 * sequences like "g f" (go to my queue) are supported. Inactive while typing or while a dialog or menu is open.
 */
export const useHotkeys = (bindings: Record<string, () => void>, enabled = true): void => {
  const ref = useRef(bindings);
  ref.current = bindings;
  useEffect(() => {
    if (!enabled) return;
    let pending: string | null = null;
    let pendingTimer: ReturnType<typeof setTimeout> | null = null;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTyping(event.target) || modalOpen()) return;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const sequence = pending === null ? null : `${pending} ${key}`;
      if (pendingTimer !== null) clearTimeout(pendingTimer);
      pending = null;
      const handler = (sequence !== null ? ref.current[sequence] : undefined) ?? ref.current[key];
      if (handler !== undefined) {
        event.preventDefault();
        handler();
        return;
      }
      if (Object.keys(ref.current).some((k) => k.startsWith(`${key} `))) {
        pending = key;
        pendingTimer = setTimeout(() => (pending = null), 1_200);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      if (pendingTimer !== null) clearTimeout(pendingTimer);
    };
  }, [enabled]);
};
