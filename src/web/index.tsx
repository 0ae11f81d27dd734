/** Entry of the browser page (dist/web/ledger.html): no Office, no server, the files stay here. */
import { createRoot } from "react-dom/client";
import { parseLang } from "../i18n";
import { WebPage, todayHere } from "./WebPage";

const container = document.getElementById("root");
if (container) {
  const lang = new URLSearchParams(location.search).get("lang") ?? undefined;
  createRoot(container).render(<WebPage initialLang={parseLang(lang)} today={todayHere} />);
}
