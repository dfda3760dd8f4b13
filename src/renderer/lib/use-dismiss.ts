import { useEffect, type RefObject } from 'react';

/** Closes a popover (menu, checklist, sync panel) when the pointer goes down outside its root element. */
export const useDismissOnOutsideClick = (open: boolean, root: RefObject<HTMLElement | null>, close: () => void): void => {
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent): void => {
      if (root.current !== null && !root.current.contains(e.target as Node)) close();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open, root, close]);
};
