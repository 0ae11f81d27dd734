/**
 * The traditional → simplified converter in the pane: not part of the first load (webpack leaves
 * the core's synchronous require out), fetched as a chunk of the pane's own origin the first time
 * a list holds a traditional character, then handed to the core.
 */
import {
  TraditionalConverterMissing,
  hasTraditional,
  provideTraditionalConverter,
} from "../core/text/normalize";
import type { Session } from "../app/session";

let loading: Promise<void> | null = null;

export function loadTraditionalConverter(): Promise<void> {
  loading ??= import(/* webpackChunkName: "opencc" */ "opencc-js/t2cn").then(
    ({ Converter }) => provideTraditionalConverter(Converter({ from: "t", to: "cn" })),
    (err: unknown) => {
      loading = null; // a failed fetch may succeed on the next step
      throw err;
    },
  );
  return loading;
}

/** Run a step; if it met a traditional character before the converter was here, load it and run it again. */
function retrying<A extends unknown[], R>(step: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await step(...args);
    } catch (err) {
      if (!(err instanceof TraditionalConverterMissing)) throw err;
      await loadTraditionalConverter();
      return step(...args);
    }
  };
}

/**
 * The session with the converter loaded on demand. Reading and generating read the workbook
 * before they write anything, so running them again is safe. Pasted text is looked at first; a
 * .docx import (itself loaded on demand) takes the converter along, since the document's tables
 * are tried one by one and a table that fails to read is passed over.
 */
export function withTraditionalConverter<S extends Session>(port: S): S {
  return {
    ...port,
    read: retrying(port.read),
    generate: retrying(port.generate),
    async importText(text, t) {
      if (hasTraditional(text)) await loadTraditionalConverter();
      return port.importText(text, t);
    },
    async importDocx(bytes, t) {
      await loadTraditionalConverter();
      return port.importDocx(bytes, t);
    },
  };
}
