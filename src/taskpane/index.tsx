/** Task pane entry: render inside Office.onReady, wrapped in the app's FluentProvider (see App). */
import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { createOfficeServices } from "./office-host";

Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  createRoot(root).render(<App services={createOfficeServices()} />);
});
