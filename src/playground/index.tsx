/**
 * The playground: the same task pane beside a simulated Excel (src/testing/simulated-excel), in any browser.
 * The pane's AppServices come from the same createAppServices as in Excel, over the Office.js port driven by
 * the simulated host, whose formulas HyperFormula computes (playground only: see playground-host.ts), and the
 * same Office host hooks (office-host.ts: events, cell-edit mode, downloads).
 * Query parameters (also on `/`, which redirects here keeping them): `?lang=en` opens it in English,
 * `?pane=350` sets the pane width in px (300 at least), `?theme=dark` uses the dark theme, `?user=Name` the
 * user name stamped on submissions, `?host=mac` plays Excel for Mac (no downloads).
 * window.__playground exposes the host to the browser tests (they read the workbook from it).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import type { SimulatedExcelHost } from "../testing/simulated-excel";
import { createOfficeWorkbookPort } from "../excel/office-workbook-port";
import { App } from "../taskpane/components/App";
import { createAppServices } from "../taskpane/services-from-port";
import { delayedRun, officeHostHooks } from "../taskpane/office-host";
import { I18nContext, MESSAGES, languageFor } from "../taskpane/i18n";
import { GridView } from "./grid-view";
import { fluentThemeFor } from "../taskpane/office-theme";
import { createPlaygroundHost } from "./playground-host";

const params = new URLSearchParams(window.location.search);
const paneWidth = Math.max(300, Number(params.get("pane") ?? 380) || 380);
const displayLanguage = params.get("lang") === "en" ? "en-US" : "vi-VN";
// `?theme=dark` shows the pane as in Excel desktop's Black Office theme.
const paneTheme = fluentThemeFor({
  bodyBackgroundColor: params.get("theme") === "dark" ? "#262626" : "#ffffff",
});

const host = createPlaygroundHost();
let lastActive = host.model.activeSheetId;
const savedFiles: { fileName: string; bytes: number }[] = [];

// What office-host.ts reads from Office.context, as the chosen Excel would give it.
const officeContext = { displayLanguage, platform: params.get("host") === "mac" ? "Mac" : "OfficeOnline" };
const hooks = officeHostHooks(host.excel, officeContext);
const services = createAppServices(
  createOfficeWorkbookPort(delayedRun(host.excel), {
    isSetSupported: (v) => host.isSetSupported("ExcelApi", v),
  }),
  {
    ...hooks,
    info: { ...hooks.info, kind: "playground", userName: params.get("user") ?? "Thư ký" },
    saveFile: async (bytes, fileName, mime) => {
      await hooks.saveFile(bytes, fileName, mime);
      savedFiles.push({ fileName, bytes: bytes.byteLength });
    },
  },
);

declare global {
  interface Window {
    __playground?: { host: SimulatedExcelHost; savedFiles: typeof savedFiles };
  }
}
window.__playground = { host, savedFiles };

const useStyles = makeStyles({
  root: { display: "flex", height: "100vh", overflow: "hidden" },
  pane: {
    flexShrink: 0,
    overflowY: "auto",
    overflowX: "hidden",
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  grid: { flexGrow: 1, minWidth: 0, backgroundColor: tokens.colorNeutralBackground2 },
});

function Playground() {
  const styles = useStyles();
  const [version, setVersion] = useState(0);
  const syncs = useRef(host.syncCount);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  const i18n = useMemo(() => {
    const lang = languageFor(displayLanguage);
    return { lang, t: MESSAGES[lang] };
  }, []);

  // Show the pane's writes and activations in the grid (the pane hears of them through the host's events).
  useEffect(() => {
    const timer = setInterval(() => {
      const active = host.model.activeSheetId;
      if (host.syncCount !== syncs.current || active !== lastActive) {
        syncs.current = host.syncCount;
        lastActive = active;
        bump();
      }
    }, 150);
    return () => clearInterval(timer);
  }, [bump]);

  return (
    <div className={styles.root}>
      <aside
        className={styles.pane}
        style={{ width: paneWidth }}
        aria-label={i18n.t.pgPane}
        data-testid="pane"
      >
        <App services={services} theme={paneTheme} />
      </aside>
      <FluentProvider theme={webLightTheme} className={styles.grid}>
        <I18nContext.Provider value={i18n}>
          <GridView host={host} version={version} onChange={bump} />
        </I18nContext.Provider>
      </FluentProvider>
    </div>
  );
}

function start() {
  const root = document.getElementById("root");
  if (root) createRoot(root).render(<Playground />);
}

// office.js (served locally) initialises outside Office too (host null); the pane does not depend on it here,
// so the page starts at once and never waits on it.
start();
if (typeof Office !== "undefined") void Office.onReady();
