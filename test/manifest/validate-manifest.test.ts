import { readFileSync, mkdtempSync, copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { validateManifest } from "../../scripts/validate-manifest";

const root = join(__dirname, "..", "..");
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");

async function problemsOf(xml: string, rootDir = root): Promise<string[]> {
  const report = await validateManifest(xml, { rootDir });
  return report.problems.map((p) => p.message);
}

describe("manifest.xml", () => {
  it("is well-formed, schema-valid and passes the checks beyond the schema", async () => {
    const report = await validateManifest(manifest, { rootDir: root });
    expect(report.problems).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it("states what the project requires: Excel, ExcelApi 1.7, ReadWriteDocument, vi-VN with en-US", () => {
    expect(manifest).toMatch(/<Host Name="Workbook"\/>/);
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1.7"\/>/);
    expect(manifest).toMatch(/<Sets DefaultMinVersion="1.1">/);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(manifest).toMatch(/<DefaultLocale>vi-VN<\/DefaultLocale>/);
    expect(manifest).toMatch(/<DisplayName DefaultValue="Tổng hợp báo cáo">\s*<Override Locale="en-US"/);
    expect(manifest).toMatch(/<SourceLocation DefaultValue="https:\/\/localhost:3000\/taskpane.html"\/>/);
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">/);
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
    expect(manifest).not.toMatch(/<AppDomain>/);
  });

  it("rejects a file that is not well-formed", async () => {
    const problems = await problemsOf(manifest.replace("</Version>", "</Versio>"));
    expect(problems.join("\n")).toMatch(/schema: .*(mismatch|Versio)/);
  });

  it("rejects elements out of the specification's order", async () => {
    const swapped = manifest.replace(
      /(<Version>[^<]*<\/Version>)(\s*)(<ProviderName>[^<]*<\/ProviderName>)/,
      "$3$2$1",
    );
    expect(swapped).not.toBe(manifest);
    const problems = await problemsOf(swapped);
    expect(problems.join("\n")).toMatch(/ProviderName.*This element is not expected. Expected is .*Version/);
  });

  it("rejects an id that is not a GUID", async () => {
    const problems = await problemsOf(manifest.replace(/<Id>[^<]*<\/Id>/, "<Id>not-a-guid</Id>"));
    expect(problems.join("\n")).toMatch(/Id.*'not-a-guid'.*pattern/);
  });

  it("rejects a version that is not 1–4 numbers", async () => {
    const problems = await problemsOf(
      manifest.replace(/<Version>[^<]*<\/Version>/, "<Version>v1.0</Version>"),
    );
    expect(problems.join("\n")).toMatch(/Version.*'v1.0'.*pattern/);
  });

  it("rejects an http URL, both in the schema and in the explicit check", async () => {
    const problems = await problemsOf(
      manifest.replace(
        'SourceLocation DefaultValue="https://localhost:3000/taskpane.html"',
        'SourceLocation DefaultValue="http://localhost:3000/taskpane.html"',
      ),
    );
    expect(problems).toContain("URL is not https: http://localhost:3000/taskpane.html");
    expect(problems.join("\n")).toMatch(/schema: .*DefaultValue.*http:\/\/localhost:3000\/taskpane.html/);
  });

  it("rejects an icon whose file is missing", async () => {
    const problems = await problemsOf(manifest.replace("assets/icon-80.png", "assets/icon-81.png"));
    expect(
      problems.some((p) => /^icon not found: https:\/\/localhost:3000\/assets\/icon-81.png/.test(p)),
    ).toBe(true);
  });

  it("rejects icons removed from the folder the URLs map to", async () => {
    const dir = mkdtempSync(join(tmpdir(), "manifest-"));
    mkdirSync(join(dir, "assets"));
    copyFileSync(join(root, "assets", "icon-32.png"), join(dir, "assets", "icon-32.png"));
    const problems = await problemsOf(manifest, dir);
    expect(problems.filter((p) => p.startsWith("icon not found")).length).toBe(3); // icon-64 (high-res), icon-16 and icon-80 (ribbon)
    expect(problems.some((p) => p.includes("icon-32.png"))).toBe(false);
  });

  it("rejects an icon of the wrong size", async () => {
    const problems = await problemsOf(
      manifest.replace(/(<IconUrl DefaultValue="[^"]*)icon-32.png/, "$1icon-64.png"),
    );
    expect(problems.join("\n")).toMatch(/icon-64.png is 64×64, expected 32×32/);
  });

  it("rejects a second permission, an unknown permission and a foreign AppDomain", async () => {
    const two = manifest.replace(
      "<Permissions>ReadWriteDocument</Permissions>",
      "<Permissions>ReadWriteDocument</Permissions><Permissions>ReadDocument</Permissions>",
    );
    expect((await problemsOf(two)).join("\n")).toMatch(/exactly one <Permissions>, found 2/);
    const unknown = manifest.replace("ReadWriteDocument</Permissions>", "Everything</Permissions>");
    expect((await problemsOf(unknown)).join("\n")).toMatch(/Permissions.*'Everything'/);
    const domain = manifest.replace(
      "<Hosts>",
      "<AppDomains><AppDomain>https://example.com</AppDomain></AppDomains>\n  <Hosts>",
    );
    expect((await problemsOf(domain)).join("\n")).toMatch(
      /not on the add-in's origin https:\/\/localhost:3000: https:\/\/example.com/,
    );
  });

  it("rejects a resid that names no resource", async () => {
    const problems = await problemsOf(
      manifest.replace('<Label resid="Group.Label"/>', '<Label resid="Nope.Label"/>'),
    );
    expect(problems).toContain('resid "Nope.Label" names no resource');
  });
});
