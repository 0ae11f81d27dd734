import { main } from "../../src/cli/main";

/** Run the CLI in-process with captured output and a fixed "today". */
export async function runCli(
  args: string[],
  today = "2024-07-01",
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), today: () => today });
  return { code, out, err };
}
