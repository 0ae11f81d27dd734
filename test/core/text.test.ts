import { TRADITIONAL_CHARS } from "../../src/core/text/traditional-chars";
import { toSimplified } from "../../src/core/text/normalize";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Converter } = require("opencc-js/t2cn") as {
  Converter: (o: { from: string; to: string }) => (s: string) => string;
};

describe("traditional-to-simplified fast path", () => {
  it("knows every character the installed opencc-js converts", () => {
    const convert = Converter({ from: "t", to: "cn" });
    let changed = "";
    for (let cp = 0x3400; cp <= 0x9fff; cp++) {
      const ch = String.fromCodePoint(cp);
      if (convert(ch) !== ch) changed += ch;
    }
    for (let cp = 0xf900; cp <= 0xfaff; cp++) {
      const ch = String.fromCodePoint(cp);
      if (convert(ch) !== ch) changed += ch;
    }
    expect(TRADITIONAL_CHARS).toBe(changed);
  });

  it("converts traditional text and leaves simplified text alone", () => {
    expect(toSimplified("縣發展和改革局")).toBe("县发展和改革局");
    const simplified = "县发展和改革局牵头，各镇配合";
    expect(toSimplified(simplified)).toBe(simplified);
  });
});
