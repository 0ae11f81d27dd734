/** Unit names in the order a Chinese reader expects (pinyin), compared by one shared collator. */
let collator: Intl.Collator | null = null;

/**
 * Same order as `a.localeCompare(b, "zh-CN")`, without building a collator per comparison (which
 * made sorting a thousand units take longer than checking 30,000 tasks).
 */
export function compareNames(a: string, b: string): number {
  return (collator ??= new Intl.Collator("zh-CN")).compare(a, b);
}
