import { generateFile, type GenerateOptions } from "../../src/workbook/files/generate";
import { formatDate, translator } from "../../src/i18n";

/** Generate with the CLI's defaults, as of a fixed date. */
export function generate(input: string, opts: Partial<GenerateOptions> = {}) {
  const lang = opts.lang ?? "zh-CN";
  const t = translator(lang);
  const asOf = opts.asOf ?? "2024-07-01";
  return generateFile(input, {
    asOf,
    dueSoonDays: 15,
    lang,
    asOfText: formatDate(asOf, lang),
    t,
    tr: t,
    ...opts,
  });
}
