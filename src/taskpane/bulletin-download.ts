/**
 * The bulletin as a download in the pane: the .docx rendered in the browser and offered through a
 * Blob link. Loaded on demand (a dynamic `import()` from the 汇总 step) so the docx library stays
 * out of the pane's first load.
 */
import { type BulletinInput, buildBulletin } from "../core/report/bulletin";
import { formatDate, translator } from "../i18n";
import { renderBulletinDocx } from "../workbook/docx/bulletin";

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The .docx of a bulletin, in its own language. */
export async function bulletinBlob(input: BulletinInput): Promise<Blob> {
  const t = translator(input.lang);
  const bytes = await renderBulletinDocx(buildBulletin(input, { t, date: (d) => formatDate(d, input.lang) }));
  return new Blob([bytes as BlobPart], { type: DOCX_TYPE });
}

/** Offer the blob as a file: a link clicked, then let go. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
