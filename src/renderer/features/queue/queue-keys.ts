import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react';
import { isTyping, modalOpen } from '../commands/hotkeys';

// The queue's keyboard (the shortcut help's "↑ ↓ J K" and "Enter"): a cursor row as soon as the list shows, keys
// that work from anywhere on the page that is not a field (not only once the list has focus), and the list focused
// on the row the analyst came back from.

const DOWN = new Set(['ArrowDown', 'j', 'J']);
const UP = new Set(['ArrowUp', 'k', 'K']);

export interface QueueKeys {
  bodyRef: RefObject<HTMLDivElement | null>;
  /** The rows the cursor can be on, in screen order (group headers excluded). */
  leafIds: readonly string[];
  cursor: string | null;
  onCursor: (id: string | null) => void;
  onOpen: (id: string) => void;
  /** The cursor moved by the keyboard (the cut cells' whole text is shown beside it). */
  onKeyboard: () => void;
  /** The list takes the keyboard when it shows (the page's main list; not a results list under a search box). */
  autoFocus: boolean;
}

/** Returns the list's own key handler; installs the page-wide one. */
export const useQueueKeys = ({ bodyRef, leafIds, cursor, onCursor, onOpen, onKeyboard, autoFocus }: QueueKeys): ((event: ReactKeyboardEvent) => void) => {
  const state = useRef({ leafIds, cursor, onCursor, onOpen, onKeyboard });
  state.current = { leafIds, cursor, onCursor, onOpen, onKeyboard };

  // A cursor as soon as there are rows: the row it was on (back from that OC) or the first.
  const first = leafIds[0];
  const onList = cursor !== null && leafIds.includes(cursor);
  useEffect(() => {
    if (!onList && first !== undefined) state.current.onCursor(first);
  }, [onList, first]);

  const hasRows = first !== undefined;
  useEffect(() => {
    if (autoFocus && hasRows && !isTyping(document.activeElement) && !modalOpen()) bodyRef.current?.focus({ preventScroll: true });
  }, [autoFocus, hasRows, bodyRef]);

  /** Handles a key for the list; true when it was one of its keys. */
  const handle = (key: string): boolean => {
    const { leafIds: ids, cursor: at, onCursor: move, onOpen: open, onKeyboard: keyboard } = state.current;
    const index = at === null ? -1 : ids.indexOf(at);
    if (DOWN.has(key)) {
      keyboard();
      move(ids[Math.min(ids.length - 1, index + 1)] ?? null);
      return true;
    }
    if (UP.has(key)) {
      keyboard();
      move(ids[Math.max(0, index - 1)] ?? null);
      return true;
    }
    if (key === 'Enter' && at !== null && index >= 0) {
      open(at);
      return true;
    }
    return false;
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const body = bodyRef.current;
      if (body === null || (event.target instanceof Node && body.contains(event.target))) return; // the list's own handler
      if (isTyping(event.target) || modalOpen()) return;
      // Enter on a focused button or link is that control's; the list's Enter is for a page with nothing focused.
      if (event.key === 'Enter' && event.target !== document.body) return;
      if (!handle(event.key)) return;
      event.preventDefault();
      body.focus({ preventScroll: true });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
    // handle reads the latest props through state: the listener is installed once per list.
  }, [bodyRef]);

  return (event) => {
    if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey || event.altKey) return;
    if (handle(event.key)) event.preventDefault();
  };
};
