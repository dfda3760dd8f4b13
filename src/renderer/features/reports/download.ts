import { fromBase64 } from '../../lib/base64';
import { saveBlob } from '../../lib/save-file';

// Hands a file the core produced (a penalty statement, a report table) to the person: a Blob and a download link,
// the same in the browser shell and in Electron (whose session asks where to save it).

export const downloadBase64 = (file: { fileName: string; mimeType: string; base64: string }): void => {
  saveBlob(new Blob([fromBase64(file.base64)], { type: file.mimeType }), file.fileName);
};
