import { describe, expect, it } from 'vitest';
import { createRouter, type HashWindow } from '../../../src/renderer/app/router';

// Unsaved changes are never dropped without asking: a move that would lose them waits for the person's answer,
// whether it comes from the app (a sidebar entry), the address (back, a typed hash) or a settings tab.

/** A window whose hash changes fire 'hashchange' as a browser does (asynchronously, once per change). */
const fakeWindow = () => {
  const listeners: Array<() => void> = [];
  let hash = '#/configuracoes';
  const win: HashWindow & { flush(): void; back(to: string): void } = {
    location: {
      get hash() {
        return hash;
      },
      set hash(value: string) {
        if (value === hash) return;
        hash = value;
        queued += 1;
      },
    },
    addEventListener: (_type, listener) => listeners.push(listener),
    flush: () => {
      while (queued > 0) {
        queued -= 1;
        for (const l of listeners) l();
      }
    },
    back: (to) => {
      hash = to;
      queued += 1;
    },
  };
  let queued = 0;
  return win;
};

describe('the leave guard', () => {
  it('moves at once while no form holds changes', () => {
    const win = fakeWindow();
    const router = createRouter(win);
    router.getState().navigate({ name: 'queue' });
    win.flush();
    expect(router.getState().route).toEqual({ name: 'queue' });
    expect(router.getState().pendingLeave).toBeNull();
  });

  it('holds a move away from unsaved changes until the person answers: stay keeps the page, discard goes', () => {
    const win = fakeWindow();
    const router = createRouter(win);
    router.getState().guard('settings.sla', { scope: 'page' });
    router.getState().navigate({ name: 'queue' });
    win.flush();
    expect(router.getState().route).toEqual({ name: 'settings' });
    expect(win.location.hash).toBe('#/configuracoes');
    expect(router.getState().pendingLeave).not.toBeNull();
    router.getState().cancelLeave();
    expect(router.getState().pendingLeave).toBeNull();
    expect(router.getState().guards.size).toBe(1);

    router.getState().navigate({ name: 'team', viewId: null });
    router.getState().confirmLeave();
    win.flush();
    expect(router.getState().route).toEqual({ name: 'team', viewId: null });
    expect(router.getState().guards.size).toBe(0);
  });

  it('puts the address back when back or a typed hash would leave, and goes there on discard', () => {
    const win = fakeWindow();
    const router = createRouter(win);
    router.getState().guard('settings.sla', { scope: 'page' });
    win.back('#/fila');
    win.flush();
    expect(router.getState().route).toEqual({ name: 'settings' });
    expect(win.location.hash).toBe('#/configuracoes');
    expect(router.getState().pendingLeave).not.toBeNull();
    router.getState().confirmLeave();
    win.flush();
    expect(router.getState().route).toEqual({ name: 'queue' });
    expect(win.location.hash).toBe('#/fila');
  });

  it('a section change asks only for the forms of that section', () => {
    const win = fakeWindow();
    const router = createRouter(win);
    const moves: string[] = [];
    router.getState().guard('settings.sla', { scope: 'page' });
    router.getState().requestLeave('section', () => moves.push('tab'));
    expect(moves).toEqual(['tab']);
    router.getState().guard('releases.new', { scope: 'section' });
    router.getState().requestLeave('section', () => moves.push('tab again'));
    expect(moves).toEqual(['tab']);
    router.getState().confirmLeave();
    expect(moves).toEqual(['tab', 'tab again']);
    expect([...router.getState().guards.keys()]).toEqual(['settings.sla']); // the SLA draft is still there to save
    router.getState().navigate({ name: 'queue' });
    expect(router.getState().pendingLeave).not.toBeNull();
  });
});
