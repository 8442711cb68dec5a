/**
 * Task pane entry: render inside Office.onReady, wrapped in the app's FluentProvider (see App).
 * The page's ES5 start check (start-check.js) loaded this bundle and waits for PANE_STARTED_EVENT; without
 * it, after a few seconds, it tells the user that the pane could not start.
 */
import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { createOfficeServices } from "./office-host";
import { fluentThemeFor, officeThemeOf } from "./office-theme";
import { localDraftStore } from "./draft-store";

/** The event start-check.js listens for (the same name is written there). */
export const PANE_STARTED_EVENT = "tong-hop-bao-cao:started";

function start(): void {
  const root = document.getElementById("root");
  if (!root) return;
  const context = Office.context;
  // Read once: Excel raises no theme-change event for add-ins (OfficeThemeChanged is Outlook's), so a theme
  // changed while the pane is open shows the next time it opens.
  const theme = fluentThemeFor(officeThemeOf(context));
  const draftStore = localDraftStore(undefined, context?.partitionKey);
  createRoot(root).render(
    <App services={createOfficeServices(Excel, context)} theme={theme} draftStore={draftStore} />,
  );
  document.dispatchEvent(new Event(PANE_STARTED_EVENT));
}

// Without office.js (blocked or failed to load) nothing starts, and the start check says so.
if (typeof Office !== "undefined") void Office.onReady(start);
