/**
 * The manifest, checked offline: well-formed and valid against the published add-in manifest
 * schemas (schema order included), every resid defined, every icon present, URLs consistent.
 */
import { existsSync, readFileSync } from "fs";
import * as path from "path";
import { validateXML } from "xmllint-wasm";

const ROOT = path.join(__dirname, "..");
const SCHEMAS = path.join(__dirname, "schemas");
const manifest = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const schema = (f: string) => ({ fileName: f, contents: readFileSync(path.join(SCHEMAS, f), "utf8") });

async function validate(xml: string) {
  return validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    schema: [schema("OfficeAppManifestV1_1.xsd")],
    preload: [
      "OfficeAppBasicTypesV1_0.xsd",
      "MailAppVersionOverridesV1_0.xsd",
      "MailAppVersionOverridesV1_1.xsd",
      "TaskPaneAppVersionOverridesV1_0.xsd",
      "ContentAppVersionOverridesV1_0.xsd",
    ].map(schema),
  });
}

describe("manifest.xml", () => {
  it("is valid against the add-in manifest schemas", async () => {
    const r = await validate(manifest);
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it("the validator does catch elements out of schema order (so the check above means something)", async () => {
    const swapped = manifest.replace(
      /(<Version>[^<]*<\/Version>)(\s*)(<ProviderName>[^<]*<\/ProviderName>)/,
      "$3$2$1",
    );
    expect(swapped).not.toBe(manifest);
    expect((await validate(swapped)).valid).toBe(false);
  });

  it("defines every resid it uses", () => {
    const used = [...manifest.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    const defined = new Set(
      [...manifest.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]),
    );
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) expect([id, defined.has(id)]).toEqual([id, true]);
    for (const id of defined) expect(id!.length).toBeLessThanOrEqual(32);
  });

  it("has every icon file it names, in the sizes 16, 32, 64, 80 and 128", () => {
    const icons = [...manifest.matchAll(/https:\/\/localhost:3000\/(assets\/icon-\d+\.png)/g)].map(
      (m) => m[1]!,
    );
    expect(new Set(icons)).toEqual(
      new Set([
        "assets/icon-16.png",
        "assets/icon-32.png",
        "assets/icon-64.png",
        "assets/icon-80.png",
        "assets/icon-128.png",
      ]),
    );
    for (const icon of icons) {
      const file = path.join(ROOT, icon);
      expect(existsSync(file)).toBe(true);
      const png = readFileSync(file);
      const size = Number(/icon-(\d+)/.exec(icon)![1]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it("points every URL at one origin, which the build replaces in one place", () => {
    const urls = [...manifest.matchAll(/(?:DefaultValue="|<AppDomain>)(https?:\/\/[^"<]+)/g)].map(
      (m) => m[1]!,
    );
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u.startsWith("https://localhost:3000")).toBe(true);
    const pages = urls.map((u) => new URL(u).pathname).filter((p) => p.endsWith(".html"));
    for (const p of new Set(pages)) {
      const source = {
        "/taskpane.html": "src/taskpane/taskpane.html",
        "/commands.html": "src/commands/commands.html",
        "/support.html": "src/taskpane/support.html",
      }[p];
      expect([p, source && existsSync(path.join(ROOT, source))]).toEqual([p, true]);
    }
  });

  it("has the Chinese display name and asks for the workbook, read and write", () => {
    expect(manifest).toMatch(/<Override Locale="zh-CN" Value="重点任务台账助手"\/>/);
    expect(manifest).toMatch(/<Host Name="Workbook"\/>/);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1.2"\/>/);
  });
});
