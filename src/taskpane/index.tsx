/** Task pane entry: render inside Office.onReady, wrapped in the app's FluentProvider (see App). */
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { createOfficeServices } from "./office-host";
import { fluentThemeFor, type OfficeThemeColors } from "./office-theme";

function officeTheme(): OfficeThemeColors | undefined {
  try {
    return (Office.context as unknown as { officeTheme?: OfficeThemeColors }).officeTheme;
  } catch {
    return undefined;
  }
}

function Root({ services }: { services: ReturnType<typeof createOfficeServices> }) {
  const [theme, setTheme] = useState(() => fluentThemeFor(officeTheme()));
  useEffect(() => {
    // Not every host raises OfficeThemeChanged (Excel on the web has no Office theme); failing to subscribe is fine.
    const refresh = () => setTheme(fluentThemeFor(officeTheme()));
    try {
      Office.context.document.addHandlerAsync(Office.EventType.OfficeThemeChanged, refresh, () => undefined);
    } catch {
      return undefined;
    }
    return () => {
      try {
        Office.context.document.removeHandlerAsync(Office.EventType.OfficeThemeChanged, { handler: refresh });
      } catch {
        /* the pane is closing */
      }
    };
  }, []);
  return <App services={services} theme={theme} />;
}

Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  createRoot(root).render(<Root services={createOfficeServices()} />);
});
