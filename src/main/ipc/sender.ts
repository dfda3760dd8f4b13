import type { IpcMainInvokeEvent } from 'electron';
import { isAppUrl } from '../app-origin';

// VS Code's validatedIpcMain, reduced to what this app needs: a call is answered only when it comes from our
// own origin's top frame. A frame that navigated elsewhere, an iframe, or a destroyed frame gets an error.

export type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

export type SenderVerdict = { trusted: true } | { trusted: false; origin: string };

export const checkSender = (event: SenderEvent): SenderVerdict => {
  let frame: SenderEvent['senderFrame'];
  try {
    frame = event.senderFrame;
  } catch {
    // Electron throws when the frame was disposed mid-call.
    return { trusted: false, origin: 'disposed frame' };
  }
  if (frame === null || frame === undefined) return { trusted: false, origin: 'no frame' };
  if (frame.parent !== null) return { trusted: false, origin: `subframe ${frame.url}` };
  if (!isAppUrl(frame.url)) return { trusted: false, origin: frame.url };
  return { trusted: true };
};
