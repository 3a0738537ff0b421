/**
 * "Download my data": reads GET /api/v1/me/export with the session cookie and saves it as a
 * file named the way the server names it. The file is made in the page (a Blob URL), so nothing
 * leaves Kindred's own origin, and progress and problems are said in a status region.
 */
import { useState } from "react";
import { api } from "../../api/client";
import { useT } from "../../i18n/I18nProvider";
import { generalErrorMessage } from "../../ui/form-errors";

/** Hands `text` to the browser as a download called `name`. */
function saveFile(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the file only after the click has returned: let go of it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function DownloadMyData() {
  const t = useT();
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);

  async function download() {
    if (busy) return;
    setBusy(true);
    setStatus(t("yourData.export.preparing"));
    try {
      const data = await api.exportMe();
      const file = `kindred-export-${data.exportedAt.slice(0, 10)}.json`;
      saveFile(file, JSON.stringify(data, null, 2) + "\n");
      setStatus(t("yourData.export.done", { file }));
    } catch (error) {
      setStatus(generalErrorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title">{t("yourData.export.title")}</h2>
      <p>{t("yourData.export.holds")}</p>
      <p>{t("yourData.export.notIncluded")}</p>
      <div className="actions">
        <button type="button" className="button" onClick={download}>
          {t("yourData.export.download")}
        </button>
        <p role="status" className="inline-status">
          {status}
        </p>
      </div>
    </section>
  );
}
