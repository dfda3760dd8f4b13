import { useState, type ClipboardEvent, type DragEvent } from 'react';
import { useServices } from '../../app/services';
import { pastedName } from './pasted-name';

// How files come into a form: dropped onto it (with a visible drop state) or pasted (a print from the clipboard,
// which has no real name: it is named by when it was pasted). The button is each form's own.

export const useFileIntake = (add: (files: (Blob & { name: string })[]) => void) => {
  const { clock } = useServices();
  const [dropping, setDropping] = useState(false);
  const dropHandlers = {
    onDragOver: (e: DragEvent): void => {
      if (![...e.dataTransfer.types].includes('Files')) return;
      e.preventDefault();
      setDropping(true);
    },
    onDragLeave: (e: DragEvent): void => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropping(false);
    },
    onDrop: (e: DragEvent): void => {
      e.preventDefault();
      setDropping(false);
      add([...e.dataTransfer.files]);
    },
  };
  const onPaste = (e: ClipboardEvent): void => {
    const pasted = [...e.clipboardData.items].filter((item) => item.kind === 'file').map((item) => item.getAsFile()).filter((f): f is File => f !== null);
    if (pasted.length === 0) return;
    e.preventDefault();
    const at = clock.read();
    add(pasted.map((f) => (f.name === '' || f.name === 'image.png' ? new File([f], pastedName(at, f.type), { type: f.type }) : f)));
  };
  return { dropping, dropHandlers, onPaste };
};
